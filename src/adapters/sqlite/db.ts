/**
 * The SQLite file as tests and tools hold it: a better-sqlite3 connection, opened and migrated by the one
 * migration history (src/adapters/sql). The stores on it come from src/adapters/sql like PostgreSQL's.
 */
import { openSqliteFile, sqliteHandle } from '../sql/connect.ts';
import { migrateToLatest } from '../sql/migrate.ts';
import { migrations as allMigrations } from '../sql/migrations/index.ts';
import type { GuiaMigration } from '../sql/migrations/types.ts';

export type { SqliteDb as Db } from '../sql/connect.ts';

/** Opens (creating it and its folder) the file and applies pending migrations; throws if it cannot. */
export async function openDb(file: string, list: readonly GuiaMigration[] = allMigrations) {
  const sqlite = openSqliteFile(file);
  // Migrate through a Kysely instance that does not own the connection (the caller closes it).
  const handle = sqliteHandle(sqlite);
  const result = await migrateToLatest(handle.db, 'sqlite', list);
  if (!result.ok) {
    sqlite.close();
    throw Object.assign(new Error(result.message), { cause: result.cause });
  }
  return sqlite;
}
