import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { openDb } from '../../src/adapters/sqlite/db.ts';
import { createSqliteStores } from '../../src/adapters/sqlite/index.ts';
import postDaily from '../../src/cli/commands/post-daily.ts';
import { runCommand } from '../cli/run-command.ts';
import { type FakeSlack, startFakeSlack } from '../helpers/fake-slack.ts';
import { trackerWithDaily } from '../helpers/trackers.ts';

let fake: FakeSlack;
let dir: string;
let env: NodeJS.ProcessEnv;

beforeAll(async () => {
  fake = await startFakeSlack();
});
afterAll(async () => {
  await fake.close();
});
beforeEach(async () => {
  fake.reset();
  dir = mkdtempSync(join(tmpdir(), 'guia-post-daily-'));
  env = { SLACK_BOT_TOKEN: 'xoxb-test', SLACK_API_URL: fake.apiUrl, GUIA_DB: join(dir, 'guia.db') };
  const stores = createSqliteStores(await openDb(join(dir, 'guia.db')));
  await trackerWithDaily(stores.trackers, { channelId: 'C1' });
  await trackerWithDaily(stores.trackers, { channelId: 'C2', daily: { time: '18:00' } });
  await stores.close();
  return () => rmSync(dir, { recursive: true, force: true });
});

describe('guia post-daily', () => {
  it('posts what is due at --now through the Web API, once per day', async () => {
    const first = await runCommand(postDaily, ['--now', '2026-01-21T09:30:00-06:00'], env);
    expect(first.stderr).toBe('');
    expect(first.code).toBe(0);
    expect(first.stdout).toContain('Publicados: 1');
    const posts = fake.callsTo('chat.postMessage');
    expect(posts.map((p) => p.params.channel)).toEqual(['C1']);
    // 1.1 (30 días naturales from 1 Dec 2025) is late: a full post, not the quiet line.
    expect(String(posts[0]?.params.text)).toContain('Avance diario');
    expect(JSON.stringify(posts[0]?.params.blocks)).toContain('venció el 31 de diciembre de 2025');

    const again = await runCommand(postDaily, ['--now', '2026-01-21T10:00:00-06:00'], env);
    expect(again.stdout).toContain('Publicados: 0');
    expect(fake.callsTo('chat.postMessage')).toHaveLength(1);
  });

  it('marks a channel the bot left and skips it from then on', async () => {
    fake.fail('chat.postMessage', { error: 'not_in_channel' });
    const run = await runCommand(postDaily, ['--now', '2026-01-21T09:30:00-06:00'], env);
    expect(run.stdout).toContain('canales sin acceso: 1');
    await runCommand(postDaily, ['--now', '2026-01-22T09:30:00-06:00'], env);
    // One try in the channel, then one DM to whoever set the daily post, saying so; nothing the next day.
    const posts = fake.callsTo('chat.postMessage').map((p) => String(p.params.channel));
    expect(posts.filter((c) => c.startsWith('C'))).toEqual(['C1']);
    expect(posts.filter((c) => c.startsWith('D'))).toHaveLength(1);
  });

  it('reads a --now without offset as GUIA_TZ time, not the machine zone', async () => {
    // 09:30 in Tokyo is C1's time; read as UTC it would be 18:30 in Tokyo, when both channels are due.
    const run = await runCommand(postDaily, ['--now', '2026-01-21T09:30'], { ...env, GUIA_TZ: 'Asia/Tokyo' });
    expect(run.code).toBe(0);
    expect(fake.callsTo('chat.postMessage').map((p) => p.params.channel)).toEqual(['C1']);
  });

  it('says in Spanish why a channel failed, without the Slack client English log lines', async () => {
    const logged: unknown[] = [];
    const spies = (['log', 'info', 'warn', 'error', 'debug'] as const).map((m) =>
      vi.spyOn(console, m).mockImplementation((...args: unknown[]) => void logged.push(...args)),
    );
    try {
      fake.fail('chat.postMessage', { drop: true }, 3);
      const run = await runCommand(postDaily, ['--now', '2026-01-21T09:30:00-06:00'], env);
      expect(run.code).toBe(1);
      expect(run.stdout).toContain('fallidos: 1');
      expect(run.stderr).toContain('Canal C1: no hubo conexión con Slack (network)');
      expect(run.stderr).not.toMatch(/WARN|request failed/);
      expect(logged).toEqual([]);
    } finally {
      for (const spy of spies) spy.mockRestore();
    }
    fake.fail('chat.postMessage', { error: 'invalid_auth' });
    const bad = await runCommand(postDaily, ['--now', '2026-01-22T09:30:00-06:00'], env);
    expect(bad.stderr).toContain('Canal C1: Slack no aceptó el token (SLACK_BOT_TOKEN) (invalid_auth)');
  }, 20_000);

  it('refuses a --now that is not ISO 8601, and a missing token', async () => {
    const bad = await runCommand(postDaily, ['--now', 'mañana'], env);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('--now no es una fecha-hora ISO 8601');
    const noToken = await runCommand(postDaily, [], { ...env, SLACK_BOT_TOKEN: '' });
    expect(noToken.code).toBe(2);
    expect(noToken.stderr).toContain('SLACK_BOT_TOKEN');
    expect(fake.callsTo('chat.postMessage')).toHaveLength(0);
  });
});
