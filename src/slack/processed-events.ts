import type { Db } from '../store/db.ts';

const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * Slack redelivers an event (same event_id) when it did not see a fast 200, possibly while the first copy
 * is still being answered. Claiming the id in SQLite before replying makes the second copy a no-op, also
 * across restarts. Ids older than a day are pruned: Slack stops retrying after minutes.
 */
export interface ProcessedEvents {
  /** True the first time an id is seen; false for every repeat. */
  claim(eventId: string, now?: number): boolean;
}

export function createProcessedEvents(db: Db): ProcessedEvents {
  const insert = db.prepare('INSERT OR IGNORE INTO processed_events (event_id, claimed_at) VALUES (?, ?)');
  const prune = db.prepare('DELETE FROM processed_events WHERE claimed_at < ?');
  let lastPrune = 0;
  return {
    claim(eventId, now = Date.now()) {
      if (now - lastPrune > 60 * 60 * 1000) {
        prune.run(now - DAY_MS);
        lastPrune = now;
      }
      return insert.run(eventId, now).changes === 1;
    },
  };
}
