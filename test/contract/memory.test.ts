import { describe } from 'vitest';
import { createMemoryStores } from '../../src/adapters/memory/index.ts';
import { runStoreContracts } from './index.ts';

describe('in-memory adapters', () => {
  runStoreContracts(async () => ({ stores: createMemoryStores() }));
});
