/**
 * The coordination port's contract (issue 12): institutions per tracker, one coordination channel per
 * workspace, weekly settings, weekly claims (one post per channel and week) and the change log.
 */
import { describe, expect, it } from 'vitest';
import type { Stores } from '../../src/ports/index.ts';
import { newTracker, type StoresFactory, useStores } from './factory.ts';

const actor = (userId: string, at = '2026-12-01T15:00:00.000Z') => ({ userId, source: '/avance', at });
const week = { teamId: 'T1', channelId: 'CCOORD', week: '2026-11-30' };

/** Trackers C1 (T1) and C2 (T2): SQL adapters check that an institution's tracker exists. */
async function twoTrackers(s: Stores) {
  const one = await newTracker(s, 'C1', 'T1');
  const two = await newTracker(s, 'C2', 'T2');
  return [one, two] as const;
}

export function coordinationContract(factory: StoresFactory): void {
  describe('coordination port (institutions, coordination channel, weekly reports)', () => {
    const stores = useStores(factory);
    it('names, renames and clears a tracker’s institution, per workspace, logging who did it', async () => {
      const s = stores();
      const store = s.coordination;
      const [one, two] = await twoTrackers(s);
      expect(await store.setInstitution(one, 'Secretaría de Economía', actor('U1'))).toEqual({});
      await store.setInstitution(two, 'Otra', actor('U2'));
      expect(await store.setInstitution(one, 'Secretaría de Economía (SE)', actor('U3'))).toEqual({
        before: 'Secretaría de Economía',
      });
      expect(await store.institutionOf(one.id)).toBe('Secretaría de Economía (SE)');
      expect([...(await store.institutions('T1'))]).toEqual([[one.id, 'Secretaría de Economía (SE)']]);
      await store.setInstitution(one, null, actor('U4'));
      expect(await store.institutionOf(one.id)).toBeUndefined();
      const events = await store.events('T1');
      expect(events.map((e) => [e.kind, e.userId, e.channelId])).toEqual([
        ['tracker.institution', 'U4', 'C1'],
        ['tracker.institution', 'U3', 'C1'],
        ['tracker.institution', 'U1', 'C1'],
      ]);
      expect(events[1]?.before).toEqual({ trackerId: one.id, name: 'Secretaría de Economía' });
    });

    it('keeps one coordination channel per workspace and tells where it was when it moves', async () => {
      const s = stores();
      const store = s.coordination;
      expect(await store.coordinationChannel('T1')).toBeUndefined();
      expect(await store.setCoordinationChannel('T1', 'CA', actor('U1'))).toEqual({});
      await store.setCoordinationChannel('T2', 'CX', actor('U9'));
      const moved = await store.setCoordinationChannel('T1', 'CB', actor('U2', '2026-12-02T15:00:00.000Z'));
      expect(moved.previous).toMatchObject({ channelId: 'CA', setBy: 'U1' });
      expect(await store.coordinationChannel('T1')).toEqual({
        teamId: 'T1',
        channelId: 'CB',
        setBy: 'U2',
        setAt: '2026-12-02T15:00:00.000Z',
      });
      expect((await store.coordinationChannel('T2'))?.channelId).toBe('CX');
      const [last] = await store.events('T1', { limit: 1 });
      expect(last).toMatchObject({ kind: 'coordination.channel', userId: 'U2', before: 'CA', after: 'CB' });
    });

    it('stores weekly settings per channel and lists only those that are on', async () => {
      const s = stores();
      const store = s.coordination;
      await store.setWeekly('T1', 'CA', { enabled: true, day: 1, time: '09:00' }, actor('U1'));
      await store.setWeekly('T1', 'CB', { enabled: true, day: 5, time: '17:30' }, actor('U1'));
      await store.setWeekly('T1', 'CB', { enabled: false, day: 5, time: '17:30' }, actor('U2'));
      expect(await store.weekly('T1', 'CB')).toEqual({ enabled: false, day: 5, time: '17:30' });
      expect(await store.weekly('T1', 'CZ')).toBeUndefined();
      expect(await store.listWeekly()).toEqual([
        { teamId: 'T1', channelId: 'CA', settings: { enabled: true, day: 1, time: '09:00' } },
      ]);
      const settings = await store.weekly('T1', 'CA');
      if (settings) settings.time = '23:59';
      expect((await store.weekly('T1', 'CA'))?.time).toBe('09:00');
    });

    it('lets one runner claim a channel’s week; a refused post is retried a few times, a claimed one never', async () => {
      const s = stores();
      const store = s.coordination;
      expect(await store.claimWeekly(week, 'a', '2026-11-30T15:00:00.000Z')).toBe(true);
      expect(await store.claimWeekly(week, 'b', '2026-11-30T15:00:01.000Z')).toBe(false);
      // Died after claiming: nobody takes it over.
      expect(await store.claimWeekly(week, 'b', '2026-11-30T16:00:00.000Z')).toBe(false);
      const next = { ...week, week: '2026-12-07' };
      expect(await store.claimWeekly(next, 'a', 'x')).toBe(true);
      await store.finishWeekly(next, { status: 'failed', error: 'ratelimited' }, 'x');
      expect(await store.claimWeekly(next, 'b', 'y')).toBe(true);
      await store.finishWeekly(next, { status: 'failed', error: 'ratelimited' }, 'y');
      expect(await store.claimWeekly(next, 'a', 'z')).toBe(true);
      await store.finishWeekly(next, { status: 'failed', error: 'ratelimited' }, 'z');
      expect(await store.claimWeekly(next, 'b', 'w')).toBe(false);
      expect(await store.getWeeklyClaim(next)).toMatchObject({
        status: 'failed',
        attempts: 3,
        error: 'ratelimited',
      });
      const posted = { ...week, week: '2026-12-14' };
      await store.claimWeekly(posted, 'a', 'x');
      await store.finishWeekly(posted, { status: 'posted', messageTs: '1.2' }, 'x');
      expect(await store.claimWeekly(posted, 'b', 'y')).toBe(false);
      expect(await store.getWeeklyClaim(posted)).toMatchObject({
        status: 'posted',
        claimedBy: 'a',
        messageTs: '1.2',
      });
      // Another channel's same week is its own claim.
      expect(await store.claimWeekly({ ...week, channelId: 'COTHER' }, 'b', 'x')).toBe(true);
    });

    it('under many concurrent claims of the same week, exactly one wins', async () => {
      const s = stores();
      const store = s.coordination;
      const wins = await Promise.all(
        Array.from({ length: 20 }, (_, i) => store.claimWeekly(week, `r${i}`, 'x')),
      );
      expect(wins.filter(Boolean)).toHaveLength(1);
    });
  });
}
