import { copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createSqlStores } from '../../src/adapters/sql/index.ts';
import { openSqlStores } from '../../src/adapters/sql/open.ts';
import { postgresHandle } from '../../src/adapters/sql/postgres.ts';
import db from '../../src/cli/commands/db.ts';
import { createSchema, describePostgres, dropSchema, randomSchema } from '../helpers/postgres.ts';
import { runCommand } from './run-command.ts';

// Written by the code of tag ports-m1: 2 trackers, 7 events, a claim, a vote, a question, an event id.
const LEGACY = new URL('../fixtures/db/ports-m1-user-version-2.db', import.meta.url);

let dir: string;
let legacy: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'guia-db-cli-'));
  legacy = join(dir, 'guia.db');
  copyFileSync(LEGACY, legacy);
});
afterEach(() => {
  rmSync(dir, { recursive: true, force: true });
});

const checksumLines = (out: string) =>
  [...out.matchAll(/(origen|destino) +([0-9a-f]{64})/g)].map((m) => m[2]);

describe('guia db migrate', () => {
  it("upgrades today's file and says what it applied, then that it is up to date", async () => {
    const status = await runCommand(db, ['migrate', '--db', `sqlite:${legacy}`, '--status']);
    expect(status.code).toBe(0);
    expect(status.stdout).toContain('Pendientes: 003-context-installations, 004-one-vote');
    const first = await runCommand(db, ['migrate'], { GUIA_DB: legacy });
    expect(first).toMatchObject({ code: 0, stdout: expect.stringContaining('Migraciones aplicadas') });
    expect(first.stdout).toContain('003-context-installations, 004-one-vote');
    const again = await runCommand(db, ['migrate'], { GUIA_DB: legacy });
    expect(again.stdout).toContain('ya estaba al día');
  });

  it('refuses an unknown action and a bad database in Spanish', async () => {
    expect((await runCommand(db, ['drop'])).stderr).toContain('acción desconocida: drop');
    const bad = await runCommand(db, ['migrate'], { DATABASE_URL: 'mysql://x' });
    expect(bad).toMatchObject({
      code: 2,
      stderr: expect.stringContaining('DATABASE_URL: debe ser una URL postgres://'),
    });
  });
});

describe('guia db copy', () => {
  it('copies every row to a new SQLite file, verifies counts and the event log checksum, and refuses to overwrite', async () => {
    const target = join(dir, 'copia.db');
    const res = await runCommand(db, ['copy', '--from', `sqlite:${legacy}`, '--to', `sqlite:${target}`]);
    expect(res.stderr).toBe('');
    expect(res.code).toBe(0);
    expect(res.stdout).toMatch(/progress_events +7 → +7/);
    expect(res.stdout).toContain('Verificada: mismas filas y misma bitácora.');
    const [a, b] = checksumLines(res.stdout);
    expect(a).toBe(b);

    const again = await runCommand(db, ['copy', '--from', legacy, '--to', target]);
    expect(again.code).toBe(1);
    expect(again.stderr).toContain('el destino ya tiene datos');
    const missing = await runCommand(db, ['copy', '--from', join(dir, 'nada.db'), '--to', join(dir, 'x.db')]);
    expect(missing).toMatchObject({ code: 1, stderr: expect.stringContaining('--from: no existe') });
  });
});

describePostgres('guia db copy to PostgreSQL', (url) => {
  let schema: string;
  beforeEach(async () => {
    schema = randomSchema();
    await createSchema(url, schema);
  });
  afterEach(async () => {
    await dropSchema(url, schema);
  });

  it('moves a single-team install without losing an event; the bot goes on there with new ids', async () => {
    const target = new URL(url);
    target.searchParams.set('options', `-c search_path=${schema}`);
    const res = await runCommand(db, [
      'copy',
      '--from',
      `sqlite:${legacy}`,
      '--to',
      target.toString(),
      '--json',
    ]);
    expect(res.stderr).toBe('');
    const report = JSON.parse(res.stdout) as {
      ok: boolean;
      counts: Record<string, { source: number; target: number }>;
      checksum: { source: string; target: string };
    };
    expect(report.ok).toBe(true);
    expect(report.counts.progress_events).toEqual({ source: 7, target: 7 });
    expect(report.counts.progress_trackers).toEqual({ source: 2, target: 2 });
    expect(report.checksum.source).toBe(report.checksum.target);

    const pg = postgresHandle({ url, schema });
    const s = createSqlStores(pg);
    try {
      const tracker = await s.trackers.getTracker('T1', 'C1');
      expect(tracker?.lastPostEventId).toBe(4);
      if (!tracker) return;
      const last = await s.steps.lastEventId(tracker.id);
      await s.steps.changeStep(
        tracker.id,
        'guia-2017',
        '2.1',
        'step.status',
        { userId: 'U', source: 't', at: 'x' },
        (b) => ({
          ok: true,
          next: { ...b, status: 'en_curso' },
        }),
      );
      expect(await s.steps.lastEventId(tracker.id)).toBe(8);
      expect(last).toBe(6);
      const other = await s.trackers.createTracker(
        { teamId: 'T1', channelId: 'C3', guideId: 'guia-2017', startDate: '2026-01-01' },
        { userId: 'U', source: 't', at: 'x' },
      );
      expect(other.id).toBe(3);
      expect(await s.dedupe.claim('Ev0001', Date.parse('2026-01-22T16:10:00Z'))).toBe(false);
    } finally {
      await s.close();
    }

    const refused = await runCommand(db, ['copy', '--from', legacy, '--to', target.toString()]);
    expect(refused).toMatchObject({ code: 1, stderr: expect.stringContaining('el destino ya tiene datos') });
    const replaced = await runCommand(db, ['copy', '--from', legacy, '--to', target.toString(), '--replace']);
    expect(replaced.code).toBe(0);
    expect(replaced.stdout).toMatch(/progress_events +7 → +7/);
  });
});

// The stores open the same file afterwards (a copy does not break its source).
describe('after a copy', () => {
  it('the source still opens and holds its data', async () => {
    await runCommand(db, ['copy', '--from', legacy, '--to', join(dir, 'c.db')]);
    const opened = await openSqlStores({ kind: 'sqlite', file: legacy }, 'GUIA_DB');
    if (!opened.ok) throw new Error(opened.message);
    expect((await opened.stores.trackers.listTrackers()).map((t) => t.channelId)).toEqual(['C1', 'C2']);
    await opened.stores.close();
  });
});
