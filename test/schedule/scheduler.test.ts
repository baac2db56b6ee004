import { describe, expect, it } from 'vitest';
import type { ProgressStore } from '../../src/progress/store.ts';
import { startDailyScheduler } from '../../src/schedule/scheduler.ts';

describe('daily scheduler', () => {
  it('checks at the start of every minute and stops cleanly', () => {
    const store = { listTrackers: () => [] } as unknown as ProgressStore;
    const scheduler = startDailyScheduler({
      store,
      guides: [],
      tz: 'America/Mexico_City',
      runner: 'test',
      post: async () => ({ ok: true }),
    });
    try {
      const next = scheduler.nextRun();
      expect(next).toBeInstanceOf(Date);
      const wait = (next?.getTime() ?? 0) - Date.now();
      expect(wait).toBeGreaterThan(0);
      expect(wait).toBeLessThanOrEqual(60_000);
      expect(next?.getUTCSeconds()).toBe(0);
    } finally {
      scheduler.stop();
    }
    expect(scheduler.nextRun()).toBeNull();
  });
});
