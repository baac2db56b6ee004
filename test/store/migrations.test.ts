import { copyFileSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { sql } from 'kysely';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openSqliteFile, sqliteHandle } from '../../src/adapters/sql/connect.ts';
import { MIGRATION_TABLE, migrateToLatest, SQLITE_USER_VERSION } from '../../src/adapters/sql/migrate.ts';
import { migrations } from '../../src/adapters/sql/migrations/index.ts';
import { databaseReason, openSqlStores } from '../../src/adapters/sql/open.ts';
import { dailyClaim } from '../../src/ports/claims.ts';
import { describePostgres, freshPostgres } from '../helpers/postgres.ts';

// Written by the code of tag ports-m1 (raw-SQL migrations, user_version 2): two trackers, a daily setting, four step
// changes, a posted daily claim, a vote, an unanswered question and a processed event id.
const LEGACY = new URL('../fixtures/db/ports-m1-user-version-2.db', import.meta.url);
const LEGACY_TABLES = [
  'feedback',
  'unanswered_questions',
  'processed_events',
  'progress_trackers',
  'progress_steps',
  'progress_events',
  'progress_daily_claims',
];
const NEW_MIGRATIONS = migrations
  .map((m) => m.name)
  .filter((n) => !['001-slack', '002-progress'].includes(n));

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'guia-migrate-'));
});
afterEach(() => {
  rmSync(dir, { recursive: true, force: true });
});

const dump = (file: string) => {
  const db = new Database(file, { readonly: true });
  try {
    return Object.fromEntries(
      LEGACY_TABLES.map((t) => [t, db.prepare(`SELECT * FROM ${t} ORDER BY rowid`).all()]),
    );
  } finally {
    db.close();
  }
};

describe("a database made by today's version", () => {
  it('upgrades in place with every row kept, and the bot goes on from where it was', async () => {
    const file = join(dir, 'guia.db');
    copyFileSync(LEGACY, file);
    const before = dump(file);
    expect(before.progress_events).toHaveLength(7);

    const opened = await openSqlStores({ kind: 'sqlite', file }, 'GUIA_DB');
    if (!opened.ok) throw new Error(opened.message);
    expect(opened.applied).toEqual(NEW_MIGRATIONS);
    const s = opened.stores;
    const t1 = await s.trackers.getTracker('T1', 'C1');
    expect(t1).toMatchObject({
      daily: { enabled: true, time: '08:30', days: [1, 3, 5], quiet: 'nada' },
      lastPostEventId: 4,
    });
    if (!t1) return;
    expect((await s.steps.stepStates(t1.id, 'guia-2017')).get('1.1')).toEqual({
      stepId: '1.1',
      status: 'en_curso',
      ownerUserId: 'UANA',
      startedAt: '2026-01-17T15:00:00.000Z',
      checkedActivities: [0, 2],
    });
    expect(await s.claims.getClaim(dailyClaim(t1.id, '2026-01-19'))).toMatchObject({ status: 'posted' });
    expect(await s.claims.claim(dailyClaim(t1.id, '2026-01-19'), 'new', 'x')).toBe(false);
    expect(await s.dedupe.claim('Ev0001', Date.parse('2026-01-22T16:05:00Z'))).toBe(false);
    expect((await s.feedback.listFeedback()).map((f) => f.question)).toEqual(['¿quién participa en el 1.1?']);
    expect(await s.feedback.listUnanswered()).toHaveLength(1);
    const last = await s.steps.lastEventId(t1.id);
    await s.steps.changeStep(
      t1.id,
      'guia-2017',
      '1.3',
      'step.status',
      { userId: 'U', source: 't', at: 'x' },
      (b) => ({
        ok: true,
        next: { ...b, status: 'en_curso' },
      }),
    );
    expect(await s.steps.lastEventId(t1.id)).toBeGreaterThan(last);
    await s.context.save('T1', 'C1:1', { step: '1.1' }, new Date('2030-01-01T00:00:00Z'));
    await s.close();

    // Nothing old was rewritten: the legacy tables hold the same rows, plus the new event.
    const after = dump(file);
    for (const t of LEGACY_TABLES.filter((x) => x !== 'feedback')) {
      expect(after[t]?.slice(0, before[t]?.length), t).toEqual(before[t]);
    }
    expect(after.progress_events).toHaveLength(8);
    expect(after.feedback).toEqual(before.feedback?.map((r) => ({ ...(r as object), answer_key: null })));
    const raw = new Database(file, { readonly: true });
    expect(raw.pragma('user_version', { simple: true })).toBe(SQLITE_USER_VERSION);
    expect(raw.pragma('integrity_check', { simple: true })).toBe('ok');
    raw.close();

    const again = await openSqlStores({ kind: 'sqlite', file }, 'GUIA_DB');
    if (!again.ok) throw new Error(again.message);
    expect(again.applied).toEqual([]);
    expect(await again.stores.context.load('T1', 'C1:1', new Date('2029-01-01T00:00:00Z'))).toEqual({
      step: '1.1',
    });
    await again.stores.close();
  });

  it('a new file gets every migration once, in order', async () => {
    const file = join(dir, 'new.db');
    const opened = await openSqlStores({ kind: 'sqlite', file }, 'GUIA_DB');
    if (!opened.ok) throw new Error(opened.message);
    expect(opened.applied).toEqual(migrations.map((m) => m.name));
    await opened.stores.close();
  });
});

describe('a database from a newer version', () => {
  it('is refused at start when its SQLite user_version is above ours, and left untouched', async () => {
    const file = join(dir, 'guia.db');
    copyFileSync(LEGACY, file);
    const raw = new Database(file);
    raw.pragma(`user_version = ${SQLITE_USER_VERSION + 1}`);
    raw.close();
    const bytes = readFileSync(file);
    const opened = await openSqlStores({ kind: 'sqlite', file }, 'GUIA_DB');
    expect(opened.ok).toBe(false);
    if (opened.ok) return;
    expect(opened.message).toMatch(/^GUIA_DB: no pude usar la base de datos .*versión más nueva de guia-bot/);
    expect(readFileSync(file).equals(bytes)).toBe(true);
  });

  it('is refused when it records a migration this version does not know', async () => {
    const file = join(dir, 'guia.db');
    const first = await openSqlStores({ kind: 'sqlite', file }, 'GUIA_DB');
    if (!first.ok) throw new Error(first.message);
    await sql`INSERT INTO ${sql.table(MIGRATION_TABLE)} (name, timestamp) VALUES ('999-from-the-future', 'x')`.execute(
      first.handle.db,
    );
    await first.stores.close();
    const opened = await openSqlStores({ kind: 'sqlite', file }, 'GUIA_DB');
    expect(opened).toMatchObject({ ok: false, message: expect.stringContaining('999-from-the-future') });
  });
});

describe('a database the bot cannot write', () => {
  it('says so in Spanish naming the variable (SQLITE_READONLY)', async () => {
    const file = join(dir, 'ro.db');
    await openSqlStores({ kind: 'sqlite', file }, 'GUIA_DB').then((o) =>
      o.ok ? o.stores.close() : undefined,
    );
    const ro = new Database(file, { readonly: true });
    let error: unknown;
    try {
      ro.prepare("INSERT INTO processed_events (event_id, claimed_at) VALUES ('x', 1)").run();
    } catch (e) {
      error = e;
    }
    ro.close();
    expect(databaseReason(error)).toMatch(/^el archivo es de solo lectura.*\(SQLITE_READONLY\)$/);
  });

  it.runIf(process.getuid?.() !== 0)(
    'refuses a read-only file at start with GUIA_DB in the message',
    async () => {
      const { chmodSync } = await import('node:fs');
      const file = join(dir, 'ro.db');
      await openSqlStores({ kind: 'sqlite', file }, 'GUIA_DB').then((o) =>
        o.ok ? o.stores.close() : undefined,
      );
      chmodSync(file, 0o444);
      chmodSync(dir, 0o555);
      try {
        const opened = await openSqlStores({ kind: 'sqlite', file }, 'GUIA_DB');
        expect(opened).toMatchObject({
          ok: false,
          message: expect.stringMatching(/^GUIA_DB: .*solo lectura/),
        });
      } finally {
        chmodSync(dir, 0o755);
      }
    },
  );
});

describePostgres('migrations on PostgreSQL', (url) => {
  it('replicas starting together migrate once (advisory lock), and all start', async () => {
    const pg = await freshPostgres(url);
    try {
      const handles = [pg.handle, pg.open(), pg.open(), pg.open()];
      const results = await Promise.all(handles.map((h) => migrateToLatest(h.db, 'postgres')));
      for (const r of results) expect(r.ok).toBe(true);
      const applied = results.flatMap((r) => (r.ok ? r.applied : []));
      expect(applied.sort()).toEqual(migrations.map((m) => m.name).sort());
      const rows = await sql<{ n: number }>`SELECT count(*) AS n FROM ${sql.table(MIGRATION_TABLE)}`.execute(
        pg.handle.db,
      );
      expect(rows.rows[0]?.n).toBe(migrations.length);
    } finally {
      await pg.drop();
    }
  });

  it('refuses a database that records a migration this version does not know', async () => {
    const pg = await freshPostgres(url);
    try {
      expect((await migrateToLatest(pg.handle.db, 'postgres')).ok).toBe(true);
      await sql`INSERT INTO ${sql.table(MIGRATION_TABLE)} (name, timestamp) VALUES ('999-from-the-future', 'x')`.execute(
        pg.handle.db,
      );
      const again = await migrateToLatest(pg.open().db, 'postgres');
      expect(again).toMatchObject({
        ok: false,
        code: 'newer',
        message: expect.stringContaining('999-from-the-future'),
      });
    } finally {
      await pg.drop();
    }
  });
});

describe('the SQLite handle', () => {
  it('notices the file deleted while in use: health fails and writes are refused', async () => {
    const file = join(dir, 'gone.db');
    const sqlite = openSqliteFile(file);
    const handle = sqliteHandle(sqlite);
    expect((await migrateToLatest(handle.db, 'sqlite')).ok).toBe(true);
    const { createSqlStores } = await import('../../src/adapters/sql/index.ts');
    const s = createSqlStores(handle);
    expect(await s.dedupe.claim('Ev1')).toBe(true);
    rmSync(file);
    expect(await s.health()).toMatchObject({ ok: false, detail: expect.stringContaining('borrado') });
    await expect(s.dedupe.claim('Ev2')).rejects.toMatchObject({ code: 'GUIA_DB_GONE' });
    await expect(
      s.trackers.createTracker(
        { teamId: 'T', channelId: 'C', guideId: 'g', startDate: '2026-01-01' },
        { userId: 'U', source: 't', at: 'x' },
      ),
    ).rejects.toMatchObject({ code: 'GUIA_DB_GONE' });
    await s.close();
  });
});
