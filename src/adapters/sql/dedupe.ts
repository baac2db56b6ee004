import type { Kysely } from 'kysely';
import type { ProcessedEvents } from '../../ports/dedupe.ts';
import type { Database } from './schema.ts';

const DAY_MS = 24 * 60 * 60 * 1000;
const HOUR_MS = 60 * 60 * 1000;

/** Event ids claimed insert-or-nothing (unique key); ids older than a day are pruned at most once an hour. */
export function createSqlProcessedEvents(db: Kysely<Database>): ProcessedEvents {
  let lastPrune = 0;
  return {
    async claim(eventId, now = Date.now()) {
      if (now - lastPrune > HOUR_MS) {
        lastPrune = now;
        await db
          .deleteFrom('processed_events')
          .where('claimed_at', '<', now - DAY_MS)
          .execute();
      }
      const row = await db
        .insertInto('processed_events')
        .values({ event_id: eventId, claimed_at: now })
        .onConflict((oc) => oc.column('event_id').doNothing())
        .returning('event_id')
        .executeTakeFirst();
      return row !== undefined;
    },
    async release(eventId) {
      await db.deleteFrom('processed_events').where('event_id', '=', eventId).execute();
    },
  };
}
