import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDb } from '../../src/adapters/sqlite/db.ts';
import { createSqliteStores } from '../../src/adapters/sqlite/index.ts';
import postDaily from '../../src/cli/commands/post-daily.ts';
import report from '../../src/cli/commands/report.ts';
import { type FakeSlack, startFakeSlack } from '../helpers/fake-slack.ts';
import { trackerWithDaily } from '../helpers/trackers.ts';
import { runGuia } from './guia-process.ts';
import { runCommand } from './run-command.ts';

const dir = mkdtempSync(join(tmpdir(), 'guia-env-file-'));
const dbFile = join(dir, 'bot', 'guia.db');
let fake: FakeSlack;

beforeAll(async () => {
  fake = await startFakeSlack();
  const stores = createSqliteStores(await openDb(dbFile));
  await stores.feedback.recordUnanswered(
    {
      teamId: 'T1',
      userId: 'U3',
      channelId: 'D1',
      source: 'dm',
      question: '¿y el presupuesto?',
      outcome: 'no_match',
      confidence: 0,
    },
    new Date('2026-03-02T17:30:00Z'),
  );
  await trackerWithDaily(stores.trackers, { channelId: 'C1' });
  await stores.close();
});
afterAll(async () => {
  await fake.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('guia reads the same .env as the bot', () => {
  it('post-daily takes the token, API URL and database from .env and posts', async () => {
    const cwd = mkdtempSync(join(dir, 'post-'));
    writeFileSync(
      join(cwd, '.env'),
      `SLACK_BOT_TOKEN=xoxb-from-env-file\nSLACK_API_URL=${fake.apiUrl}\nGUIA_DB=${dbFile}\n`,
    );
    const run = await runGuia(['post-daily', '--now', '2026-01-21T09:30:00-06:00'], { cwd });
    expect(run.stderr).toBe('');
    expect(run.stdout).toContain('Publicados: 1');
    expect(run.code).toBe(0);
    expect(fake.callsTo('chat.postMessage').map((c) => c.params.channel)).toEqual(['C1']);
  }, 30_000);

  it('report feedback reads the bot database named by GUIA_DB in .env', async () => {
    const cwd = mkdtempSync(join(dir, 'report-'));
    writeFileSync(join(cwd, '.env'), `GUIA_DB=${dbFile}\n`);
    const run = await runGuia(['report', 'feedback'], { cwd });
    expect(run.stderr).toBe('');
    expect(run.stdout).toContain('«¿y el presupuesto?»');
    expect(run.code).toBe(0);
  }, 30_000);
});

describe('a bad shared variable gets the bot’s Spanish message naming it', () => {
  it('post-daily: GUIA_TZ and SLACK_API_URL are checked like at start-up, and nothing is posted', async () => {
    fake.reset();
    const env = {
      SLACK_BOT_TOKEN: 'xoxb-1',
      SLACK_API_URL: fake.apiUrl.replace(/\/$/, ''),
      GUIA_TZ: 'Marte/Olimpo',
    };
    const { code, stderr } = await runCommand(postDaily, ['--now', '2026-01-21T09:30:00-06:00'], {
      ...env,
      GUIA_DB: dbFile,
    });
    expect(code).toBe(2);
    expect(stderr).toContain('La configuración no es válida');
    expect(stderr).toContain('GUIA_TZ: debe ser una zona horaria IANA');
    expect(stderr).toContain('SLACK_API_URL: debe ser una URL http(s) que termine en "/"');
    expect(fake.calls).toHaveLength(0);
  });

  it('report feedback: a bad SLACK_BOT_TOKEN in the environment is named too', async () => {
    const { code, stderr } = await runCommand(report, ['feedback'], {
      GUIA_DB: dbFile,
      SLACK_BOT_TOKEN: 'abc',
    });
    expect(code).toBe(2);
    expect(stderr).toContain('SLACK_BOT_TOKEN: debe empezar con "xoxb-"');
  });
});
