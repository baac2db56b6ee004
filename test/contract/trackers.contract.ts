import { describe, expect, it } from 'vitest';
import { actor, newTracker, type StoresFactory, useStores } from './factory.ts';

export function trackersContract(factory: StoresFactory): void {
  describe('trackers port', () => {
    const stores = useStores(factory);

    it('creates one tracker per channel, with defaults and a creation event', async () => {
      const s = stores();
      const t = await newTracker(s);
      expect(t).toMatchObject({
        teamId: 'T1',
        channelId: 'C1',
        guideId: 'guia-2017',
        startDate: '2026-01-15',
        daily: { enabled: false, time: '09:00', days: [1, 2, 3, 4, 5], quiet: 'linea' },
        lastPostEventId: 0,
        createdAt: '2026-02-01T15:00:00.000Z',
      });
      expect(t.removedAt).toBeUndefined();
      expect((await newTracker(s)).id).toBe(t.id);
      expect((await s.steps.events(t.id)).map((e) => e.kind)).toEqual(['tracker.created']);
      expect(await s.trackers.getTracker('T1', 'C1')).toEqual(t);
      expect(await s.trackers.getTrackerById(t.id)).toEqual(t);
    });

    it('keeps channels of different teams apart and knows nothing of unknown ones', async () => {
      const s = stores();
      const a = await newTracker(s, 'C1', 'T1');
      const b = await newTracker(s, 'C1', 'T2');
      expect(b.id).not.toBe(a.id);
      expect(await s.trackers.getTracker('T2', 'C1')).toEqual(b);
      expect(await s.trackers.getTracker('T1', 'C9')).toBeUndefined();
      expect(await s.trackers.getTrackerById(a.id + b.id + 100)).toBeUndefined();
    });

    it('updates settings with one event holding before and after, and lists daily trackers', async () => {
      const s = stores();
      const t = await newTracker(s);
      expect(await s.trackers.listTrackers({ dailyEnabled: true })).toEqual([]);
      const after = await s.trackers.updateTracker(
        t.id,
        { daily: { enabled: true, time: '08:30', days: [1, 3, 5], quiet: 'nada' } },
        'tracker.daily',
        actor(),
      );
      expect(after.daily).toEqual({ enabled: true, time: '08:30', days: [1, 3, 5], quiet: 'nada' });
      expect(await s.trackers.listTrackers({ dailyEnabled: true })).toEqual([after]);
      expect(await s.trackers.listTrackers()).toEqual([after]);
      const [event] = await s.steps.events(t.id);
      expect(event).toMatchObject({
        kind: 'tracker.daily',
        before: { daily: { enabled: false }, removedAt: null },
        after: { daily: { enabled: true, time: '08:30' }, removedAt: null },
      });
      const moved = await s.trackers.updateTracker(
        t.id,
        { startDate: '2026-03-01', guideId: 'guia-2015' },
        'tracker.guide',
        actor(),
      );
      expect(moved).toMatchObject({ startDate: '2026-03-01', guideId: 'guia-2015', daily: after.daily });
    });

    it('hides a removed tracker from the lists and brings it back when restored', async () => {
      const s = stores();
      const t = await newTracker(s);
      const other = await newTracker(s, 'C2');
      const removed = await s.trackers.updateTracker(
        t.id,
        { removedAt: '2026-02-02T00:00:00Z' },
        'tracker.removed',
        actor(),
      );
      expect(removed.removedAt).toBe('2026-02-02T00:00:00Z');
      expect(await s.trackers.listTrackers()).toEqual([other]);
      // Still found by channel, so /avance can restore it.
      expect((await s.trackers.getTracker('T1', 'C1'))?.removedAt).toBe('2026-02-02T00:00:00Z');
      const back = await s.trackers.updateTracker(t.id, { removedAt: null }, 'tracker.restored', actor());
      expect(back.removedAt).toBeUndefined();
      expect((await s.trackers.listTrackers()).map((x) => x.id)).toEqual([t.id, other.id]);
    });

    it('refuses to update a tracker that does not exist', async () => {
      const s = stores();
      await expect(
        s.trackers.updateTracker(999, { startDate: '2026-01-01' }, 'tracker.start_date', actor()),
      ).rejects.toThrow();
    });

    it("finds a user's trackers by the steps they own or the changes they made, within the team", async () => {
      const s = stores();
      const owned = await newTracker(s, 'C1');
      const acted = await newTracker(s, 'C2');
      await newTracker(s, 'C3');
      const elsewhere = await newTracker(s, 'C1', 'T2');
      await s.steps.changeStep(owned.id, 'guia-2017', '1.1', 'step.owner', actor('UJEFA'), (b) => ({
        ok: true,
        next: { ...b, ownerUserId: 'UBETO' },
      }));
      await s.trackers.updateTracker(
        acted.id,
        { startDate: '2026-01-20' },
        'tracker.start_date',
        actor('UBETO'),
      );
      await s.steps.changeStep(elsewhere.id, 'guia-2017', '1.1', 'step.owner', actor('UBETO'), (b) => ({
        ok: true,
        next: { ...b, ownerUserId: 'UBETO' },
      }));
      expect((await s.trackers.trackersOfUser('T1', 'UBETO')).map((t) => t.channelId)).toEqual(['C1', 'C2']);
      expect(await s.trackers.trackersOfUser('T1', 'UNADIE')).toEqual([]);
      await s.trackers.updateTracker(
        owned.id,
        { removedAt: '2026-02-02T00:00:00Z' },
        'tracker.removed',
        actor(),
      );
      expect((await s.trackers.trackersOfUser('T1', 'UBETO')).map((t) => t.channelId)).toEqual(['C2']);
    });
  });
}
