/**
 * What every contract suite runs against: a fresh, empty set of stores per test, and how to dispose of it.
 * An adapter's test file passes one factory to runStoreContracts (index.ts); the factory is async so a
 * server-backed adapter (PostgreSQL: a schema per test) can create and drop what it needs.
 */
import { afterEach, beforeEach } from 'vitest';
import type { Stores } from '../../src/ports/index.ts';
import type { Actor } from '../../src/ports/steps.ts';

export interface StoresUnderTest {
  stores: Stores;
  /** Called after each test (after `stores.close()`): remove files, drop schemas. */
  teardown?: () => Promise<void>;
}

export type StoresFactory = () => Promise<StoresUnderTest>;

/** Registers before/after hooks in the current describe and returns the current test's stores. */
export function useStores(factory: StoresFactory): () => Stores {
  let current: StoresUnderTest | undefined;
  beforeEach(async () => {
    current = await factory();
  });
  afterEach(async () => {
    const done = current;
    current = undefined;
    await done?.stores.close();
    await done?.teardown?.();
  });
  return () => {
    if (!current) throw new Error('useStores: only inside a test');
    return current.stores;
  };
}

export const actor = (userId = 'UANA', source = '/avance', at = '2026-02-01T15:00:00.000Z'): Actor => ({
  userId,
  source,
  at,
});

export const newTracker = (stores: Stores, channelId = 'C1', teamId = 'T1') =>
  stores.trackers.createTracker(
    { teamId, channelId, guideId: 'guia-2017', startDate: '2026-01-15' },
    actor(),
  );
