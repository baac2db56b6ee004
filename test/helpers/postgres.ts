/**
 * PostgreSQL for real in tests: GUIA_TEST_DATABASE_URL names a server (CI and this project's machines:
 * postgres://postgres@127.0.0.1:5432/test). Every test gets its own schema with a random name, dropped
 * afterwards, so parallel files and other people's tests on the same server never meet. Without the
 * variable the suites are skipped, and test/setup/postgres-summary.ts prints which ones; with
 * GUIA_REQUIRE_POSTGRES=1 (.ci/run) a skip is a failure.
 */

import { randomBytes } from 'node:crypto';
import { appendFileSync } from 'node:fs';
import { join } from 'node:path';
import pg from 'pg';
import { describe, inject, it } from 'vitest';
import type { PostgresOptions, SqlHandle } from '../../src/adapters/sql/connect.ts';
import { postgresHandle } from '../../src/adapters/sql/postgres.ts';

export const PG_URL = process.env.GUIA_TEST_DATABASE_URL?.trim() || undefined;
const REQUIRED = process.env.GUIA_REQUIRE_POSTGRES === '1';

function mark(kind: 'ran' | 'skipped', name: string): void {
  const dir = inject('postgresMarkerDir');
  if (dir) appendFileSync(join(dir, 'suites.txt'), `${kind}\t${name}\n`);
}

/** A describe that runs only against a real PostgreSQL, and says so when it cannot. */
export function describePostgres(name: string, body: (url: string) => void): void {
  const title = `[PostgreSQL] ${name}`;
  if (!PG_URL) {
    mark('skipped', name);
    if (REQUIRED) {
      describe(title, () => {
        it('needs GUIA_TEST_DATABASE_URL (GUIA_REQUIRE_POSTGRES=1)', () => {
          throw new Error('PostgreSQL suites are required here but GUIA_TEST_DATABASE_URL is not set');
        });
      });
    } else describe.skip(title, () => body(''));
    return;
  }
  const url = PG_URL;
  mark('ran', name);
  describe(title, () => body(url));
}

export const randomSchema = (prefix = 'guia_t'): string => `${prefix}_${randomBytes(6).toString('hex')}`;

async function admin<T>(url: string, fn: (c: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

export const createSchema = (url: string, schema: string) =>
  admin(url, (c) => c.query(`CREATE SCHEMA "${schema}"`));
export const dropSchema = (url: string, schema: string) =>
  admin(url, (c) => c.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`));

/**
 * A fresh database on the server, for what needs a whole one rather than a schema (separate processes
 * or replicas given a DATABASE_URL); `drop()` removes it, cutting off whatever is still connected.
 */
export async function freshDatabase(
  serverUrl: string,
  prefix = 'guia_d',
): Promise<{ url: string; drop: () => Promise<void> }> {
  const name = randomSchema(prefix);
  await admin(serverUrl, (c) => c.query(`CREATE DATABASE ${name}`));
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    drop: async () => {
      await admin(serverUrl, (c) => c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`));
    },
  };
}

/** A fresh schema and an (unmigrated) handle on it; `drop()` closes the handle and removes the schema. */
export async function freshPostgres(
  url: string,
  opts: Partial<PostgresOptions> = {},
): Promise<{
  handle: SqlHandle;
  schema: string;
  open: (o?: Partial<PostgresOptions>) => SqlHandle;
  drop: () => Promise<void>;
}> {
  const schema = randomSchema();
  await createSchema(url, schema);
  const handles: SqlHandle[] = [];
  const open = (o: Partial<PostgresOptions> = {}) => {
    const h = postgresHandle({ url, schema, poolSize: 6, ...opts, ...o });
    handles.push(h);
    return h;
  };
  const handle = open();
  return {
    handle,
    schema,
    open,
    drop: async () => {
      for (const h of handles) await h.close();
      await dropSchema(url, schema);
    },
  };
}
