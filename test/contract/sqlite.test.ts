import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe } from 'vitest';
import { openDb } from '../../src/adapters/sqlite/db.ts';
import { createSqliteStores } from '../../src/adapters/sqlite/index.ts';
import { runStoreContracts } from './index.ts';

describe('SQLite adapters (a real file per test)', () => {
  runStoreContracts(async () => {
    const dir = mkdtempSync(join(tmpdir(), 'guia-contract-'));
    return {
      stores: createSqliteStores(await openDb(join(dir, 'guia.db'))),
      teardown: async () => rmSync(dir, { recursive: true, force: true }),
    };
  });
});
