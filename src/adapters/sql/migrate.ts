/**
 * Applies the one migration history (migrations/index.ts) with Kysely's Migrator, on either engine. On
 * PostgreSQL the Migrator holds an advisory lock while it runs, so replicas starting together migrate
 * once; on SQLite its transaction is IMMEDIATE (the file's write lock). Before migrating:
 * - a SQLite file made before this history existed (`user_version` 1 or 2, today's raw-SQL migrations) is
 *   adopted in place: the migrations it already contains are recorded as done, nothing is rewritten;
 * - a database from a newer version (a recorded migration we do not know, or a SQLite `user_version`
 *   above ours) is refused, never used.
 */
import { type Kysely, type Migration, type MigrationProvider, Migrator, sql } from 'kysely';
import { errorText } from '../../error-text.ts';
import { migrations as defaultMigrations, LEGACY_SQLITE_VERSIONS } from './migrations/index.ts';
import type { Engine, GuiaMigration } from './migrations/types.ts';

export const MIGRATION_TABLE = 'guia_migration';
export const MIGRATION_LOCK_TABLE = 'guia_migration_lock';
/** SQLite `user_version` of a file whose history lives in MIGRATION_TABLE. Bump only if that scheme changes. */
export const SQLITE_USER_VERSION = 3;

export type MigrateResult =
  | { ok: true; applied: string[] }
  | { ok: false; code: 'newer' | 'failed'; message: string; cause?: unknown };

class ListProvider implements MigrationProvider {
  constructor(
    private readonly list: readonly GuiaMigration[],
    private readonly engine: Engine,
  ) {}
  async getMigrations(): Promise<Record<string, Migration>> {
    const out: Record<string, Migration> = Object.create(null);
    for (const m of this.list) out[m.name] = { up: (db) => m.up(db, this.engine) };
    return out;
  }
}

// biome-ignore lint/suspicious/noExplicitAny: works below the typed schema
type AnyDb = Kysely<any>;

async function tableExists(db: AnyDb, engine: Engine, table: string): Promise<boolean> {
  if (engine === 'sqlite') {
    const r = await sql<{
      n: number;
    }>`SELECT count(*) AS n FROM sqlite_master WHERE type = 'table' AND name = ${table}`.execute(db);
    return Number(r.rows[0]?.n ?? 0) > 0;
  }
  const r = await sql<{ t: string | null }>`SELECT to_regclass(${table}) AS t`.execute(db);
  return r.rows[0]?.t != null;
}

async function recordedNames(db: AnyDb, engine: Engine): Promise<string[]> {
  if (!(await tableExists(db, engine, MIGRATION_TABLE))) return [];
  const r = await sql<{ name: string }>`SELECT name FROM ${sql.table(MIGRATION_TABLE)} ORDER BY name`.execute(
    db,
  );
  return r.rows.map((row) => row.name);
}

const newer = (what: string): MigrateResult => ({
  ok: false,
  code: 'newer',
  message:
    `la base de datos fue creada o actualizada por una versión más nueva de guia-bot (${what}); ` +
    'no la uso para no dañarla: actualiza el bot o apunta a otra base de datos',
});

/** Records the migrations a pre-history SQLite file already has, and marks the file as ours. */
async function adoptLegacySqlite(
  db: AnyDb,
  list: readonly GuiaMigration[],
): Promise<MigrateResult | undefined> {
  const r = await sql<{ user_version: number }>`PRAGMA user_version`.execute(db);
  const version = Number(r.rows[0]?.user_version ?? 0);
  if (version > SQLITE_USER_VERSION)
    return newer(`user_version ${version}, esta versión conoce hasta ${SQLITE_USER_VERSION}`);
  if (version === SQLITE_USER_VERSION) return undefined;
  const done = LEGACY_SQLITE_VERSIONS[version] ?? [];
  await db.transaction().execute(async (trx) => {
    await trx.schema
      .createTable(MIGRATION_TABLE)
      .ifNotExists()
      .addColumn('name', 'varchar(255)', (c) => c.notNull().primaryKey())
      .addColumn('timestamp', 'varchar(255)', (c) => c.notNull())
      .execute();
    const at = new Date().toISOString();
    for (const name of done) {
      if (!list.some((m) => m.name === name)) throw new Error(`legacy migration ${name} is not in the list`);
      await sql`INSERT INTO ${sql.table(MIGRATION_TABLE)} (name, timestamp) VALUES (${name}, ${at}) ON CONFLICT DO NOTHING`.execute(
        trx,
      );
    }
    await sql.raw(`PRAGMA user_version = ${SQLITE_USER_VERSION}`).execute(trx);
  });
  return undefined;
}

/** Brings the database up to the latest migration; what was applied, or why it was refused. */
export async function migrateToLatest(
  db: AnyDb,
  engine: Engine,
  list: readonly GuiaMigration[] = defaultMigrations,
): Promise<MigrateResult> {
  try {
    if (engine === 'sqlite') {
      const refused = await adoptLegacySqlite(db, list);
      if (refused) return refused;
    }
    const unknown = (await recordedNames(db, engine)).filter((n) => !list.some((m) => m.name === n));
    if (unknown.length > 0) return newer(`migraciones desconocidas: ${unknown.join(', ')}`);
    const migrator = new Migrator({
      db,
      provider: new ListProvider(list, engine),
      migrationTableName: MIGRATION_TABLE,
      migrationLockTableName: MIGRATION_LOCK_TABLE,
      // Features land from parallel branches (reminders, weekly, coordination…): a migration merged with a
      // lower number than one a database already ran must still run there, not stop the bot.
      allowUnorderedMigrations: true,
    });
    const { error, results = [] } = await migrator.migrateToLatest();
    if (error) {
      const failed = results.find((r) => r.status === 'Error')?.migrationName;
      const detail = errorText(error);
      return {
        ok: false,
        code: 'failed',
        message: `no pude aplicar la migración ${failed ?? '(ninguna)'}: ${detail}`,
        cause: error,
      };
    }
    return { ok: true, applied: results.filter((r) => r.status === 'Success').map((r) => r.migrationName) };
  } catch (error) {
    const detail = errorText(error);
    return { ok: false, code: 'failed', message: `no pude revisar las migraciones: ${detail}`, cause: error };
  }
}

/** The migrations recorded as applied, and which of ours are pending (for `guia db migrate --status`). */
export async function migrationStatus(
  db: AnyDb,
  engine: Engine,
  list: readonly GuiaMigration[] = defaultMigrations,
): Promise<{ applied: string[]; pending: string[]; unknown: string[] }> {
  let applied = await recordedNames(db, engine);
  if (engine === 'sqlite' && applied.length === 0) {
    // A file from before this history: what its user_version says it has.
    const r = await sql<{ user_version: number }>`PRAGMA user_version`.execute(db);
    applied = [...(LEGACY_SQLITE_VERSIONS[Number(r.rows[0]?.user_version ?? 0)] ?? [])];
  }
  return {
    applied,
    pending: list.map((m) => m.name).filter((n) => !applied.includes(n)),
    unknown: applied.filter((n) => !list.some((m) => m.name === n)),
  };
}
