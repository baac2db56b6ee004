import type { ProcessedEvents } from '../../ports/dedupe.ts';
import type { Db } from './db.ts';

const DAY_MS = 24 * 60 * 60 * 1000;

/** Event ids claimed with INSERT OR IGNORE; ids older than a day are pruned at most once an hour. */
export function createSqliteProcessedEvents(db: Db): ProcessedEvents {
  const insert = db.prepare('INSERT OR IGNORE INTO processed_events (event_id, claimed_at) VALUES (?, ?)');
  const prune = db.prepare('DELETE FROM processed_events WHERE claimed_at < ?');
  let lastPrune = 0;
  return {
    async claim(eventId, now = Date.now()) {
      if (now - lastPrune > 60 * 60 * 1000) {
        prune.run(now - DAY_MS);
        lastPrune = now;
      }
      return insert.run(eventId, now).changes === 1;
    },
  };
}
