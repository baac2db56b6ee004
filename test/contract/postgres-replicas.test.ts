/**
 * Two replicas on one PostgreSQL database: two separate pools (several connections each) racing on the
 * same rows. Exactly once must hold across them, not only inside one pool.
 */
import { sql } from 'kysely';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { createSqlStores } from '../../src/adapters/sql/index.ts';
import { migrateToLatest } from '../../src/adapters/sql/migrate.ts';
import { dailyClaim } from '../../src/ports/claims.ts';
import type { Stores } from '../../src/ports/index.ts';
import type { StepChangeFn } from '../../src/ports/steps.ts';
import { describePostgres, freshPostgres } from '../helpers/postgres.ts';
import { actor } from './factory.ts';

const complete: StepChangeFn = (b) =>
  b.status === 'completado'
    ? { ok: false, message: 'ya estaba completado' }
    : { ok: true, next: { ...b, status: 'completado', completedAt: '2026-02-01T15:00:00.000Z' } };

describePostgres('two replicas on one database', (url) => {
  let drop: () => Promise<void>;
  let a: Stores;
  let b: Stores;
  beforeEach(async () => {
    const pg = await freshPostgres(url, { poolSize: 5 });
    drop = pg.drop;
    const migrated = await migrateToLatest(pg.handle.db, 'postgres');
    if (!migrated.ok) throw new Error(migrated.message);
    const other = pg.open({ poolSize: 5 });
    // Open every connection first, so the races below really run side by side (a connection being
    // established would stagger them).
    await Promise.all(
      [pg.handle, other].flatMap((h) =>
        Array.from({ length: 5 }, () => sql`SELECT pg_sleep(0.05)`.execute(h.db)),
      ),
    );
    a = createSqlStores(pg.handle);
    b = createSqlStores(other);
  });
  afterEach(async () => {
    await drop();
  });
  const both = <T>(n: number, fn: (s: Stores, i: number) => Promise<T>) =>
    Promise.all(Array.from({ length: n }, (_, i) => fn(i % 2 === 0 ? a : b, i)));

  it('«Completar» clicked ten times at once on both gives one change and one event', async () => {
    const t = await a.trackers.createTracker(
      { teamId: 'T1', channelId: 'C1', guideId: 'guia-2017', startDate: '2026-01-15' },
      actor(),
    );
    const results = await both(10, (s, i) =>
      s.steps.changeStep(t.id, 'guia-2017', '1.1', 'step.status', actor(`U${i}`), complete),
    );
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    expect(await b.steps.events(t.id, { stepId: '1.1' })).toHaveLength(1);
    expect((await a.steps.stepStates(t.id, 'guia-2017')).get('1.1')?.status).toBe('completado');
  });

  it('changes to different steps of one channel at once all land, each with its event', async () => {
    const t = await a.trackers.createTracker(
      { teamId: 'T1', channelId: 'C1', guideId: 'guia-2017', startDate: '2026-01-15' },
      actor(),
    );
    const results = await both(12, (s, i) =>
      s.steps.changeStep(t.id, 'guia-2017', `1.${i + 1}`, 'step.status', actor(), complete),
    );
    expect(results.every((r) => r.ok)).toBe(true);
    expect((await a.steps.stepStates(t.id, 'guia-2017')).size).toBe(12);
    expect(await a.steps.events(t.id, { kinds: ['step.status'] })).toHaveLength(12);
  });

  it('one daily post, one answer to a redelivered event and one tracker per channel', async () => {
    const created = await both(6, (s) =>
      s.trackers.createTracker(
        { teamId: 'T1', channelId: 'C9', guideId: 'guia-2017', startDate: '2026-01-15' },
        actor(),
      ),
    );
    expect(new Set(created.map((t) => t.id)).size).toBe(1);
    const id = created[0]?.id ?? 0;
    expect(await a.steps.events(id)).toHaveLength(1);
    const claims = await both(8, (s, i) => s.claims.claim(dailyClaim(id, '2026-02-02'), `replica-${i}`, 'x'));
    expect(claims.filter(Boolean)).toHaveLength(1);
    const events = await both(8, (s) => s.dedupe.claim('Ev-redelivered'));
    expect(events.filter(Boolean)).toHaveLength(1);
  });

  it('a change made on one replica is seen by the other', async () => {
    const t = await a.trackers.createTracker(
      { teamId: 'T1', channelId: 'C1', guideId: 'guia-2017', startDate: '2026-01-15' },
      actor(),
    );
    await a.steps.changeStep(t.id, 'guia-2017', '2.1', 'step.status', actor(), complete);
    expect((await b.steps.stepStates(t.id, 'guia-2017')).get('2.1')?.status).toBe('completado');
    await b.context.save('T1', 'C1:1', { step: '2.1' }, new Date(Date.now() + 60_000));
    expect(await a.context.load('T1', 'C1:1', new Date())).toEqual({ step: '2.1' });
  });
});
