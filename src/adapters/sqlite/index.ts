import type { Stores } from '../../ports/index.ts';
import { createMemoryContextStore } from '../memory/context.ts';
import type { Db } from './db.ts';
import { createSqliteProcessedEvents } from './dedupe.ts';
import { createSqliteFeedbackStore } from './feedback.ts';
import { SqliteProgressStore } from './progress.ts';
import { tryOpenDb } from './try-open-db.ts';

/**
 * Every port on one SQLite file (already opened and migrated by openDb). `close()` closes the file.
 * Conversation context has no table yet: it is kept in process memory until its SQL adapter lands.
 */
export function createSqliteStores(db: Db): Stores {
  const progress = new SqliteProgressStore(db);
  return {
    trackers: progress,
    steps: progress,
    claims: progress,
    feedback: createSqliteFeedbackStore(db),
    dedupe: createSqliteProcessedEvents(db),
    context: createMemoryContextStore(),
    async health() {
      try {
        db.prepare('SELECT 1').get();
        return { ok: true };
      } catch (error) {
        return { ok: false, detail: error instanceof Error ? error.message : String(error) };
      }
    },
    async close() {
      if (db.open) db.close();
    },
  };
}

/**
 * Opens the file at `file` (creating it) and builds the stores; a path that cannot be used becomes one
 * Spanish sentence naming `source` (`GUIA_DB`, `--db`…).
 */
export function openSqliteStores(
  file: string,
  source: string,
): { ok: true; stores: Stores; db: Db } | { ok: false; message: string } {
  const opened = tryOpenDb(file, source);
  return opened.ok ? { ok: true, stores: createSqliteStores(opened.db), db: opened.db } : opened;
}
