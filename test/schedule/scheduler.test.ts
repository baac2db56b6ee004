import { describe, expect, it } from 'vitest';
import { startDailyScheduler } from '../../src/schedule/scheduler.ts';

describe('daily scheduler', () => {
  it('checks at the start of every minute and stops cleanly', () => {
    const scheduler = startDailyScheduler({
      tz: 'America/Mexico_City',
      run: async () => ({ posted: [], quiet: [], failed: [], removed: [], failures: [] }),
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
