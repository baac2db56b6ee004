/**
 * `guia db copy`: every row of one database into another (SQLite → PostgreSQL when a single-team install
 * moves to replicas, or back), ids kept, in one transaction on the target, then verified: row counts per
 * table and a SHA-256 of the whole event log read back from both sides must match.
 */
import { createHash } from 'node:crypto';
import { type Kysely, sql, type Transaction } from 'kysely';
import type { SqlHandle } from './connect.ts';
import type { Database } from './schema.ts';

/** In foreign-key order (trackers before what points at them). */
export const COPIED_TABLES = [
  'progress_trackers',
  'progress_steps',
  'progress_events',
  'progress_daily_claims',
  'feedback',
  'unanswered_questions',
  'processed_events',
  'conversation_context',
  'slack_installations',
] as const satisfies ReadonlyArray<keyof Database>;
type Table = (typeof COPIED_TABLES)[number];

/** Tables whose `id` the database assigns: PostgreSQL's identity must continue after the copied ids. */
const IDENTITY_TABLES: readonly Table[] = [
  'progress_trackers',
  'progress_events',
  'feedback',
  'unanswered_questions',
];
const ORDER: Readonly<Record<Table, readonly string[]>> = {
  progress_trackers: ['id'],
  progress_steps: ['tracker_id', 'guide_id', 'step_id'],
  progress_events: ['id'],
  progress_daily_claims: ['tracker_id', 'local_date'],
  feedback: ['id'],
  unanswered_questions: ['id'],
  processed_events: ['event_id'],
  conversation_context: ['team_id', 'thread_key'],
  slack_installations: ['install_key'],
};
const BATCH = 400;

// biome-ignore lint/suspicious/noExplicitAny: rows move between tables by name
type AnyDb = Kysely<any> | Transaction<any>;
type Row = Record<string, unknown>;

async function readAll(db: AnyDb, table: Table): Promise<Row[]> {
  let q = db.selectFrom(table).selectAll();
  for (const column of ORDER[table]) q = q.orderBy(column);
  return q.execute();
}

export async function countRows(db: Kysely<Database>): Promise<Record<Table, number>> {
  const out = {} as Record<Table, number>;
  for (const table of COPIED_TABLES) {
    // biome-ignore lint/suspicious/noExplicitAny: dynamic table name
    const row = await (db as Kysely<any>)
      .selectFrom(table)
      .select((eb) => eb.fn.countAll().as('n'))
      .executeTakeFirst();
    out[table] = Number(row?.n ?? 0);
  }
  return out;
}

/** SHA-256 of the event log in id order, every column, engine-independent (numbers and text as read). */
export async function eventLogChecksum(db: Kysely<Database>): Promise<string> {
  const hash = createHash('sha256');
  for (const r of await readAll(db, 'progress_events')) {
    hash.update(
      `${JSON.stringify([
        Number(r.id),
        Number(r.tracker_id),
        r.at,
        r.user_id,
        r.source,
        r.kind,
        r.guide_id,
        r.step_id,
        r.before_json,
        r.after_json,
      ])}\n`,
    );
  }
  return hash.digest('hex');
}

export interface CopyReport {
  counts: Record<Table, { source: number; target: number }>;
  checksum: { source: string; target: string };
  ok: boolean;
}

export type CopyResult =
  | { ok: true; report: CopyReport }
  | { ok: false; code: 'not_empty' | 'failed'; message: string; report?: CopyReport };

/**
 * Copies `from` into `to` (both migrated to the same history). The target must be empty unless
 * `replace` (PostgreSQL only: its tables are truncated in the same transaction, so a failure leaves them).
 */
export async function copyDatabase(
  from: SqlHandle,
  to: SqlHandle,
  opts: { replace?: boolean } = {},
): Promise<CopyResult> {
  const existing = await countRows(to.db);
  const nonEmpty = COPIED_TABLES.filter((t) => existing[t] > 0);
  if (nonEmpty.length > 0 && !opts.replace) {
    return {
      ok: false,
      code: 'not_empty',
      message: `el destino ya tiene datos (${nonEmpty.map((t) => `${t}: ${existing[t]}`).join(', ')})`,
    };
  }
  if (nonEmpty.length > 0 && to.engine !== 'postgres') {
    return {
      ok: false,
      code: 'not_empty',
      message: 'solo reemplazo un destino PostgreSQL; para SQLite usa un archivo nuevo',
    };
  }
  // A consistent snapshot of the source: on SQLite the transaction also keeps the bot from writing meanwhile.
  const rows = await from.db.transaction().execute(async (trx) => {
    const out = {} as Record<Table, Row[]>;
    for (const table of COPIED_TABLES) out[table] = await readAll(trx, table);
    return out;
  });
  await to.db.transaction().execute(async (trx) => {
    if (nonEmpty.length > 0) {
      await sql`TRUNCATE ${sql.join(COPIED_TABLES.map((t) => sql.table(t)))} RESTART IDENTITY CASCADE`.execute(
        trx,
      );
    }
    for (const table of COPIED_TABLES) {
      const list = rows[table];
      for (let i = 0; i < list.length; i += BATCH) {
        await (trx as AnyDb)
          .insertInto(table)
          .values(list.slice(i, i + BATCH))
          .execute();
      }
    }
    if (to.engine === 'postgres') {
      for (const table of IDENTITY_TABLES) {
        await sql`SELECT setval(pg_get_serial_sequence(${table}, 'id'), COALESCE((SELECT MAX(id) FROM ${sql.table(table)}), 0) + 1, false)`.execute(
          trx,
        );
      }
    }
  });
  const [sourceCounts, targetCounts, sourceSum, targetSum] = await Promise.all([
    countRows(from.db),
    countRows(to.db),
    eventLogChecksum(from.db),
    eventLogChecksum(to.db),
  ]);
  const counts = {} as CopyReport['counts'];
  for (const t of COPIED_TABLES) counts[t] = { source: sourceCounts[t], target: targetCounts[t] };
  const same = COPIED_TABLES.every((t) => counts[t].source === counts[t].target) && sourceSum === targetSum;
  const report: CopyReport = { counts, checksum: { source: sourceSum, target: targetSum }, ok: same };
  return same
    ? { ok: true, report }
    : { ok: false, code: 'failed', message: 'la copia no coincide con el origen', report };
}
