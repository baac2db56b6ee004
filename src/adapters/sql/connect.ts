/**
 * Opens a database for the stores: the SQLite file at GUIA_DB (embedded, one team) or PostgreSQL at
 * DATABASE_URL (many replicas, postgres.ts: loaded only then, so `npm start` does not pay for `pg`).
 * The rest of the SQL adapter sees only Kysely and the engine's name.
 */

import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import Database from 'better-sqlite3';
import { Kysely } from 'kysely';
import { errorText } from '../../error-text.ts';
import type { HealthReport } from '../../ports/index.ts';
import type { Engine } from './migrations/types.ts';
import type { Database as Schema } from './schema.ts';
import { DatabaseGoneError, fileGuard, GuardedSqliteDialect } from './sqlite-driver.ts';

export type SqliteDb = Database.Database;

export interface PostgresOptions {
  url: string;
  /** Connections per process (default 10). */
  poolSize?: number;
  /** `require`: TLS without checking the certificate; `verify`: TLS with it checked; absent: as the URL says. */
  ssl?: 'off' | 'require' | 'verify';
  /** Server-side limit per statement, in ms (default 15 000; 0 = none). */
  statementTimeoutMs?: number;
  /** Tables live in this schema (tests: one per file); default the server's search_path. */
  schema?: string;
}

export interface SqlHandle {
  engine: Engine;
  db: Kysely<Schema>;
  /** Where the data is, for messages: the file, or the URL without its password. */
  where: string;
  /** SQLite only: the connection itself (tests read it; `guia db copy` checks it). */
  sqlite?: SqliteDb;
  health(): Promise<HealthReport>;
  close(): Promise<void>;
}

/** Opens (creating it and its folder) the SQLite file with the pragmas we rely on; no migration. */
export function openSqliteFile(file: string): SqliteDb {
  if (file !== ':memory:') mkdirSync(dirname(file), { recursive: true });
  const db = new Database(file);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = NORMAL');
  db.pragma('foreign_keys = ON');
  db.pragma('busy_timeout = 5000');
  return db;
}

/** Kysely over an open better-sqlite3 connection; closing the handle closes the file. */
export function sqliteHandle(sqlite: SqliteDb): SqlHandle {
  const file = sqlite.name;
  const guard = fileGuard(file);
  const db = new Kysely<Schema>({ dialect: new GuardedSqliteDialect(sqlite, guard) });
  return {
    engine: 'sqlite',
    db,
    where: file,
    sqlite,
    async health() {
      try {
        if (!sqlite.open) return { ok: false, detail: 'la base de datos está cerrada' };
        guard();
        sqlite.prepare('SELECT 1').get();
        return { ok: true };
      } catch (error) {
        if (error instanceof DatabaseGoneError)
          return { ok: false, detail: `el archivo ${file} fue borrado o reemplazado mientras el bot corría` };
        return { ok: false, detail: errorText(error) };
      }
    },
    async close() {
      if (sqlite.open) await db.destroy();
    },
  };
}
