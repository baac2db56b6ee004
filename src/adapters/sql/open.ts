/**
 * From a configured target to migrated stores, or one Spanish sentence naming the variable it came from
 * (GUIA_DB, DATABASE_URL, --db…) and what to do: never a stack trace, never a half-opened database.
 */

import { redactUrls } from '../../config/redact.ts';
import { errorText } from '../../error-text.ts';
import type { Stores } from '../../ports/index.ts';
import { openSqliteFile, type PostgresOptions, type SqlHandle, sqliteHandle } from './connect.ts';
import { createSqlStores } from './index.ts';
import { type MigrateResult, migrateToLatest } from './migrate.ts';

export type DatabaseTarget = { kind: 'sqlite'; file: string } | ({ kind: 'postgres' } & PostgresOptions);

export type Opened =
  | { ok: true; stores: Stores; handle: SqlHandle; applied: string[] }
  | { ok: false; message: string };

// The usual reasons a database cannot be used, in words a person setting the variable can act on.
const REASONS: Readonly<Record<string, string>> = {
  EEXIST: 'una parte de la ruta ya existe y no es una carpeta',
  ENOTDIR: 'una parte de la ruta no es una carpeta',
  EACCES: 'no hay permiso para escribir ahí',
  EPERM: 'no hay permiso para escribir ahí',
  EROFS: 'el sistema de archivos es de solo lectura',
  EISDIR: 'la ruta es una carpeta, no un archivo',
  ENOSPC: 'no queda espacio en el disco',
  SQLITE_CANTOPEN: 'SQLite no puede abrir el archivo',
  SQLITE_NOTADB: 'el archivo no es una base de datos SQLite',
  SQLITE_READONLY:
    'el archivo es de solo lectura (o su carpeta no deja crear el diario -wal): el bot necesita escribir en él',
  SQLITE_READONLY_DIRECTORY: 'la carpeta del archivo es de solo lectura',
  SQLITE_CORRUPT: 'el archivo de la base de datos está dañado',
  SQLITE_FULL: 'no queda espacio en el disco',
  SQLITE_IOERR: 'error de lectura o escritura en el disco',
  ECONNREFUSED: 'el servidor no acepta conexiones en esa dirección',
  ENOTFOUND: 'no encuentro ese servidor',
  ETIMEDOUT: 'el servidor no respondió a tiempo',
  '28P01': 'usuario o contraseña incorrectos',
  '28000': 'el servidor rechazó la conexión (revisa pg_hba.conf, usuario o TLS)',
  '3D000': 'esa base de datos no existe',
  '42501': 'el usuario no tiene permiso para crear o cambiar tablas',
  '57014': 'una consulta tardó más que el límite (DATABASE_STATEMENT_TIMEOUT_MS)',
};

/** The Spanish reason for an error from better-sqlite3, pg or node, or its own message. */
export function databaseReason(error: unknown): string {
  let e: unknown = error;
  // Kysely and pg wrap: look through `cause` and AggregateError for a known code.
  for (let depth = 0; e && depth < 4; depth += 1) {
    const code = (e as { code?: unknown }).code;
    if (typeof code === 'string') {
      const known = REASONS[code] ?? REASONS[code.replace(/_[A-Z]+$/, '')];
      if (known) return `${known} (${code})`;
    }
    const errors = (e as { errors?: unknown[] }).errors;
    e = Array.isArray(errors) && errors.length > 0 ? errors[0] : (e as { cause?: unknown }).cause;
  }
  return errorText(error);
}

/**
 * A SQLite file the process may only read opens without complaint (SQLite falls back to read-only) and
 * an up-to-date one needs no write to migrate: try one write, rolled back, so the bot refuses to start
 * instead of failing later on every change.
 */
function probeWritable(handle: SqlHandle): void {
  const db = handle.sqlite;
  if (!db) return;
  try {
    db.exec('BEGIN IMMEDIATE');
    db.prepare('UPDATE guia_migration_lock SET is_locked = is_locked').run();
  } finally {
    if (db.inTransaction) db.exec('ROLLBACK');
  }
}

async function migrated(handle: SqlHandle, source: string): Promise<Opened> {
  const result: MigrateResult = await migrateToLatest(handle.db, handle.engine);
  let failure: unknown = !result.ok && result.code === 'failed' ? result.cause : undefined;
  if (result.ok) {
    try {
      probeWritable(handle);
      return { ok: true, stores: createSqlStores(handle), handle, applied: result.applied };
    } catch (error) {
      failure = error;
    }
  }
  await handle.close().catch(() => {});
  const reason = failure !== undefined ? databaseReason(failure) : result.ok ? '' : result.message;
  return { ok: false, message: `${source}: no pude usar la base de datos «${handle.where}»: ${reason}` };
}

/** Opens and migrates; `source` names the setting in the message (GUIA_DB, DATABASE_URL, --db, --to…). */
export async function openSqlStores(target: DatabaseTarget, source: string): Promise<Opened> {
  let handle: SqlHandle;
  try {
    handle =
      target.kind === 'sqlite'
        ? sqliteHandle(openSqliteFile(target.file))
        : (await import('./postgres.ts')).postgresHandle(target);
  } catch (error) {
    const where = target.kind === 'sqlite' ? target.file : redactUrls(target.url);
    return { ok: false, message: `${source}: no pude crear o abrir «${where}»: ${databaseReason(error)}` };
  }
  return migrated(handle, source);
}
