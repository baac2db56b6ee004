import type { ProcessedEvents } from '../../ports/dedupe.ts';

const DAY_MS = 24 * 60 * 60 * 1000;

export function createMemoryProcessedEvents(): ProcessedEvents {
  const seen = new Map<string, number>();
  return {
    async claim(eventId, now = Date.now()) {
      // Same retention as the SQL adapters: Slack stops retrying long before a day.
      for (const [id, at] of seen) if (at < now - DAY_MS) seen.delete(id);
      if (seen.has(eventId)) return false;
      seen.set(eventId, now);
      return true;
    },
    async release(eventId) {
      seen.delete(eventId);
    },
  };
}
