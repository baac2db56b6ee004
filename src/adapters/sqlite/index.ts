import type { Stores } from '../../ports/index.ts';
import { sqliteHandle } from '../sql/connect.ts';
import { createSqlStores } from '../sql/index.ts';
import { openSqlStores } from '../sql/open.ts';
import type { Db } from './db.ts';

/** Every port on one SQLite file already opened and migrated by openDb. `close()` closes the file. */
export function createSqliteStores(db: Db): Stores {
  return createSqlStores(sqliteHandle(db));
}

/**
 * Opens the file at `file` (creating and migrating it) and builds the stores; a path that cannot be used
 * becomes one Spanish sentence naming `source` (`GUIA_DB`, `--db`…).
 */
export async function openSqliteStores(
  file: string,
  source: string,
): Promise<{ ok: true; stores: Stores; db: Db } | { ok: false; message: string }> {
  const opened = await openSqlStores({ kind: 'sqlite', file }, source);
  if (!opened.ok) return opened;
  const db = opened.handle.sqlite;
  if (!db) throw new Error('a SQLite target gave no SQLite connection');
  return { ok: true, stores: opened.stores, db };
}
