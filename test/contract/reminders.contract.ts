import { describe, expect, it } from 'vitest';
import { reminderClaim } from '../../src/ports/claims.ts';
import { newTracker, type StoresFactory, useStores } from './factory.ts';

export function remindersContract(factory: StoresFactory): void {
  describe('reminders port (settings, muted steps) and reminder claims', () => {
    const stores = useStores(factory);

    it('keeps each channel’s setting, on and 3 working days ahead until changed', async () => {
      const s = stores();
      const a = await newTracker(s, 'C1');
      const b = await newTracker(s, 'C2');
      expect(await s.reminders.getSettings(a.id)).toEqual({ enabled: true, leadDays: 3 });
      await s.reminders.setSettings(a.id, { enabled: true, leadDays: 5 }, 'UANA', 'x');
      await s.reminders.setSettings(b.id, { enabled: false, leadDays: 3 }, 'UANA', 'x');
      await s.reminders.setSettings(a.id, { enabled: true, leadDays: 1 }, 'UBETO', 'y');
      expect(await s.reminders.getSettings(a.id)).toEqual({ enabled: true, leadDays: 1 });
      expect(await s.reminders.getSettings(b.id)).toEqual({ enabled: false, leadDays: 3 });
    });

    it('mutes a step for one person, once, and unmutes it', async () => {
      const s = stores();
      const t = await newTracker(s);
      const key = { trackerId: t.id, guideId: 'guia-2017', stepId: '1.2', userId: 'UANA' };
      expect(await s.reminders.mute(key, 'x')).toBe(true);
      expect(await s.reminders.mute(key, 'y')).toBe(false);
      await s.reminders.mute({ ...key, userId: 'UBETO' }, 'x');
      await s.reminders.mute({ ...key, guideId: 'guia-2015' }, 'x');
      expect(await s.reminders.mutes(t.id, 'guia-2017')).toEqual(
        new Map([['1.2', new Set(['UANA', 'UBETO'])]]),
      );
      expect(await s.reminders.unmute(key)).toBe(true);
      expect(await s.reminders.unmute(key)).toBe(false);
      expect(await s.reminders.mutes(t.id, 'guia-2017')).toEqual(new Map([['1.2', new Set(['UBETO'])]]));
    });

    it('gives each reminder (step, kind, due date) to one runner only, apart from daily claims', async () => {
      const s = stores();
      const t = await newTracker(s);
      const r = { guideId: 'guia-2017', stepId: '1.2', kind: 'antes', dueDate: '2026-02-13' };
      const key = reminderClaim(t.id, r);
      const won = await Promise.all(['a', 'b', 'c'].map((runner) => s.claims.claim(key, runner, 'x')));
      expect(won.filter(Boolean)).toHaveLength(1);
      await s.claims.finish(key, { status: 'posted', watermark: 0 }, 'x');
      expect(await s.claims.claim(key, 'd', 'x')).toBe(false);
      expect(await s.claims.getClaim(key)).toMatchObject({
        kind: 'reminder',
        key: key.key,
        status: 'posted',
      });
      // Another kind, or the same kind about a moved due date, is another reminder.
      expect(await s.claims.claim(reminderClaim(t.id, { ...r, kind: 'hoy' }), 'a', 'x')).toBe(true);
      expect(await s.claims.claim(reminderClaim(t.id, { ...r, dueDate: '2026-02-20' }), 'a', 'x')).toBe(true);
      // A reminder never moves the daily post's watermark.
      expect((await s.trackers.getTrackerById(t.id))?.lastPostEventId).toBe(0);
    });

    it('retries a reminder Slack refused, a few times', async () => {
      const s = stores();
      const t = await newTracker(s);
      const key = reminderClaim(t.id, { guideId: 'g', stepId: '1.1', kind: 'hoy', dueDate: '2026-02-13' });
      expect(await s.claims.claim(key, 'a', 'x')).toBe(true);
      await s.claims.finish(key, { status: 'failed', error: 'ratelimited' }, 'x');
      expect(await s.claims.claim(key, 'b', 'x')).toBe(true);
      expect(await s.claims.getClaim(key)).toMatchObject({ attempts: 2, claimedBy: 'b' });
    });
  });
}
