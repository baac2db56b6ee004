import { describe, expect, it } from 'vitest';
import { type StoresFactory, useStores } from './factory.ts';

export function dedupeContract(factory: StoresFactory): void {
  describe('processed events port (dedupe)', () => {
    const stores = useStores(factory);

    it('claims an event id the first time only', async () => {
      const s = stores();
      const now = Date.parse('2026-03-02T17:30:00Z');
      expect(await s.dedupe.claim('Ev1', now)).toBe(true);
      expect(await s.dedupe.claim('Ev1', now + 1000)).toBe(false);
      expect(await s.dedupe.claim('Ev2', now + 1000)).toBe(true);
      // Slack retries within minutes: an hour later it is still a repeat.
      expect(await s.dedupe.claim('Ev1', now + 60 * 60 * 1000)).toBe(false);
    });

    it('claims a released id again, and releasing an unknown id changes nothing', async () => {
      const s = stores();
      const now = Date.parse('2026-03-02T17:30:00Z');
      expect(await s.dedupe.claim('EvShare', now)).toBe(true);
      await s.dedupe.release('EvShare');
      await s.dedupe.release('EvNever');
      expect(await s.dedupe.claim('EvShare', now + 1000)).toBe(true);
      expect(await s.dedupe.claim('EvShare', now + 2000)).toBe(false);
      expect(await s.dedupe.claim('EvNever', now + 2000)).toBe(true);
    });

    it('gives an id delivered several times at once to one copy only', async () => {
      const s = stores();
      const won = await Promise.all([1, 2, 3, 4].map(() => s.dedupe.claim('EvSame')));
      expect(won.filter(Boolean)).toHaveLength(1);
    });
  });
}
