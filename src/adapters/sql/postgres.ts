/** PostgreSQL behind the stores: a `pg` pool (size, TLS, statement timeout) under Kysely's dialect. */
import { Kysely, PostgresDialect, sql } from 'kysely';
import pg from 'pg';
import { redactUrls } from '../../config/redact.ts';
import { errorText } from '../../error-text.ts';
import type { PostgresOptions, SqlHandle } from './connect.ts';
import type { Database as Schema } from './schema.ts';

// int8 (bigint, count(*)) as a JS number: our ids and epoch-ms values are far below 2^53.
const INT8_OID = 20;
const pgTypes = {
  getTypeParser: ((oid: number, format?: 'text' | 'binary') =>
    oid === INT8_OID && format !== 'binary'
      ? (v: string) => Number(v)
      : pg.types.getTypeParser(oid, format as 'text')) as typeof pg.types.getTypeParser,
};

export function postgresPool(opts: PostgresOptions): pg.Pool {
  const ssl =
    opts.ssl === 'require'
      ? { rejectUnauthorized: false }
      : opts.ssl === 'verify'
        ? { rejectUnauthorized: true }
        : opts.ssl === 'off'
          ? false
          : undefined;
  const pool = new pg.Pool({
    connectionString: opts.url,
    max: opts.poolSize ?? 10,
    ...(ssl !== undefined ? { ssl } : {}),
    statement_timeout: opts.statementTimeoutMs ?? 15_000,
    connectionTimeoutMillis: 10_000,
    idleTimeoutMillis: 30_000,
    application_name: 'guia-bot',
    types: pgTypes,
    ...(opts.schema ? { options: `-c search_path=${opts.schema}` } : {}),
  });
  // An idle connection the server dropped must not crash the process; the next query reconnects.
  pool.on('error', () => {});
  return pool;
}

export function postgresHandle(opts: PostgresOptions): SqlHandle {
  if (opts.schema !== undefined && !/^[a-z_][a-z0-9_]*$/.test(opts.schema))
    throw new Error('bad schema name');
  const pool = postgresPool(opts);
  const db = new Kysely<Schema>({ dialect: new PostgresDialect({ pool }) });
  let closed = false;
  return {
    engine: 'postgres',
    db,
    where: redactUrls(opts.url),
    async health() {
      if (closed) return { ok: false, detail: 'la conexión está cerrada' };
      try {
        await sql`SELECT 1`.execute(db);
        return { ok: true };
      } catch (error) {
        return { ok: false, detail: errorText(error) };
      }
    },
    async close() {
      if (closed) return;
      closed = true;
      await db.destroy();
    },
  };
}
