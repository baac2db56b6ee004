import { describe, expect, it } from 'vitest';
import { dailyClaim, MAX_CLAIM_ATTEMPTS } from '../../src/ports/claims.ts';
import { newTracker, type StoresFactory, useStores } from './factory.ts';

export function claimsContract(factory: StoresFactory): void {
  describe('claims port (daily posts)', () => {
    const stores = useStores(factory);

    it('gives each channel-day to one runner only', async () => {
      const s = stores();
      const t = await newTracker(s);
      const day = dailyClaim(t.id, '2026-02-02');
      expect(await s.claims.claim(day, 'a', 'x')).toBe(true);
      expect(await s.claims.claim(day, 'b', 'x')).toBe(false);
      expect(await s.claims.claim(dailyClaim(t.id, '2026-02-03'), 'b', 'x')).toBe(true);
      expect(await s.claims.getClaim(day)).toEqual({
        kind: 'daily',
        trackerId: t.id,
        key: '2026-02-02',
        status: 'claimed',
        claimedBy: 'a',
        attempts: 1,
      });
      expect(await s.claims.getClaim(dailyClaim(t.id, '2026-02-04'))).toBeUndefined();
    });

    it('gives a day to exactly one of several runners claiming at once', async () => {
      const s = stores();
      const t = await newTracker(s);
      const day = dailyClaim(t.id, '2026-02-02');
      const won = await Promise.all(['a', 'b', 'c', 'd'].map((r) => s.claims.claim(day, r, 'x')));
      expect(won.filter(Boolean)).toHaveLength(1);
    });

    it('lets a failed post be retried a few times, never a posted one', async () => {
      const s = stores();
      const t = await newTracker(s);
      const day = dailyClaim(t.id, '2026-02-02');
      expect(await s.claims.claim(day, 'a', 'x')).toBe(true);
      for (let i = 1; i < MAX_CLAIM_ATTEMPTS; i += 1) {
        await s.claims.finish(day, { status: 'failed', error: 'ratelimited' }, 'x');
        expect(await s.claims.claim(day, 'b', 'x')).toBe(true);
      }
      await s.claims.finish(day, { status: 'failed', error: 'ratelimited' }, 'x');
      expect(await s.claims.claim(day, 'c', 'x')).toBe(false);
      expect(await s.claims.getClaim(day)).toMatchObject({
        status: 'failed',
        attempts: MAX_CLAIM_ATTEMPTS,
        error: 'ratelimited',
      });

      const next = dailyClaim(t.id, '2026-02-03');
      expect(await s.claims.claim(next, 'a', 'x')).toBe(true);
      await s.claims.finish(next, { status: 'posted', watermark: 7, messageTs: '1.2' }, 'x');
      expect(await s.claims.claim(next, 'b', 'x')).toBe(false);
      expect(await s.claims.getClaim(next)).toMatchObject({ status: 'posted', claimedBy: 'a' });
      expect((await s.trackers.getTrackerById(t.id))?.lastPostEventId).toBe(7);
    });

    it('never takes over a claim whose runner died before finishing', async () => {
      const s = stores();
      const t = await newTracker(s);
      const day = dailyClaim(t.id, '2026-02-02');
      await s.claims.claim(day, 'crashed', 'x');
      expect(await s.claims.claim(day, 'crashed', 'y')).toBe(false);
      expect(await s.claims.claim(day, 'other', 'y')).toBe(false);
    });

    it('moves the watermark forward only, and not on a failure', async () => {
      const s = stores();
      const t = await newTracker(s);
      const d1 = dailyClaim(t.id, '2026-02-02');
      const d2 = dailyClaim(t.id, '2026-02-03');
      const d3 = dailyClaim(t.id, '2026-02-04');
      await s.claims.claim(d1, 'a', 'x');
      await s.claims.finish(d1, { status: 'skipped', watermark: 9 }, 'x');
      await s.claims.claim(d2, 'a', 'x');
      await s.claims.finish(d2, { status: 'posted', watermark: 4 }, 'x');
      await s.claims.claim(d3, 'a', 'x');
      await s.claims.finish(d3, { status: 'failed', error: 'http_503' }, 'x');
      expect((await s.trackers.getTrackerById(t.id))?.lastPostEventId).toBe(9);
    });

    it('releases only a skip written by the same runner, never a post', async () => {
      const s = stores();
      const t = await newTracker(s);
      const day = dailyClaim(t.id, '2026-02-02');
      await s.claims.claim(day, 'avance diario', 'x');
      await s.claims.finish(day, { status: 'skipped', watermark: 0 }, 'x');
      expect(await s.claims.releaseSkip(day, 'someone else')).toBe(false);
      expect(await s.claims.releaseSkip(day, 'avance diario')).toBe(true);
      expect(await s.claims.getClaim(day)).toBeUndefined();
      expect(await s.claims.releaseSkip(day, 'avance diario')).toBe(false);
      await s.claims.claim(day, 'avance diario', 'x');
      await s.claims.finish(day, { status: 'posted', watermark: 0 }, 'x');
      expect(await s.claims.releaseSkip(day, 'avance diario')).toBe(false);
      expect(await s.claims.getClaim(day)).toMatchObject({ status: 'posted' });
    });
  });
}
