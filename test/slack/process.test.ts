import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawnBot } from '../helpers/bot-process.ts';
import { type FakeSlack, startFakeSlack } from '../helpers/fake-slack.ts';
import { eventEnvelope, postEvent } from '../helpers/signed-request.ts';

const dir = mkdtempSync(join(tmpdir(), 'guia-process-'));
let fake: FakeSlack;
beforeAll(async () => {
  fake = await startFakeSlack();
});
afterAll(async () => {
  await fake.close();
  rmSync(dir, { recursive: true, force: true });
});

function startBot(dbFile: string, extraEnv: Record<string, string> = {}) {
  return spawnBot(fake.apiUrl, dbFile, { SLACK_SIGNING_SECRET: 'secret', SLACK_APP_TOKEN: '', ...extraEnv });
}

describe('the bot process in HTTP mode', () => {
  it('serves /healthz, answers, and on SIGTERM closes the server and the database cleanly', async () => {
    const dbFile = join(dir, 'ok', 'guia.db');
    const { child, output, exited: done } = startBot(dbFile);
    const port = await fake.waitFor(() => /"port":(\d+)/.exec(output())?.[1], 15_000);
    const base = `http://127.0.0.1:${port}`;
    expect((await fetch(`${base}/healthz`)).status).toBe(200);
    await postEvent(
      { url: `${base}/slack/events`, signingSecret: 'secret' },
      eventEnvelope({
        type: 'app_mention',
        user: 'U1',
        text: '<@UBOT> plazo del paso 1.1',
        ts: '1.1',
        channel: 'C1',
      }),
    );
    await fake.waitFor(() => fake.callsTo('chat.postMessage').length > 0);
    child.kill('SIGTERM');
    expect(await done).toBe(0);
    expect(output()).toContain('shutting down');
    // better-sqlite3 checkpoints and removes the WAL file on a clean close.
    expect(existsSync(dbFile)).toBe(true);
    expect(existsSync(`${dbFile}-wal`)).toBe(false);
  }, 30_000);

  it('stops with a Spanish message when Slack rejects the token', async () => {
    fake.fail('auth.test', { error: 'invalid_auth' });
    const { exited, output } = startBot(join(dir, 'bad', 'guia.db'));
    expect(await exited).toBe(1);
    expect(output()).toContain('No pude conectar con Slack');
    expect(output()).toContain('SLACK_BOT_TOKEN');
  }, 30_000);

  it('stops within seconds, naming SLACK_API_URL and the network, when the Slack API cannot be reached', async () => {
    // A loopback port nobody listens on: every connection is refused at once.
    const server = createServer();
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const port = (server.address() as AddressInfo).port;
    await new Promise((resolve) => server.close(resolve));
    const apiUrl = `http://127.0.0.1:${port}/api/`;
    const started = Date.now();
    const { exited, output } = spawnBot(apiUrl, join(dir, 'offline', 'guia.db'), {
      SLACK_SIGNING_SECRET: 'secret',
    });
    expect(await exited).toBe(1);
    // Bolt's default policy would keep retrying auth.test for about 30 minutes.
    expect(Date.now() - started).toBeLessThan(15_000);
    expect(output()).toContain(`No pude conectar con Slack en SLACK_API_URL=${apiUrl} (ECONNREFUSED)`);
    expect(output()).toContain('Revisa la conexión de red');
  }, 30_000);

  it('stops with a Spanish message naming GUIA_DB when the database path cannot be used', async () => {
    // A path under a regular file can never be created.
    const blocker = join(dir, 'a-file');
    writeFileSync(blocker, '');
    const { exited, output } = startBot(join(blocker, 'guia.db'));
    expect(await exited).toBe(1);
    expect(output()).toContain(`GUIA_DB: no pude crear o abrir «${join(blocker, 'guia.db')}»:`);
    expect(output()).not.toMatch(/\n\s+at /);
  }, 30_000);

  it('in Socket Mode, a rejected app token also stops the process with the Spanish message', async () => {
    fake.fail('apps.connections.open', { error: 'invalid_auth' }, 5);
    const { exited, output } = startBot(join(dir, 'socket', 'guia.db'), { SLACK_APP_TOKEN: 'xapp-test' });
    expect(await exited).toBe(1);
    expect(output()).toContain('No pude conectar con Slack');
  }, 30_000);
});
