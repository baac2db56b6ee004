/**
 * `npm start` with an app token: the composition root connects over Socket Mode to a fake Slack on
 * loopback, answers, and exits 0 on SIGTERM with the WebSocket closed.
 */
import type { ChildProcessWithoutNullStreams } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { spawnBot } from '../helpers/bot-process.ts';
import { type FakeSlack, startFakeSlack } from '../helpers/fake-slack.ts';
import { eventsApiEnvelope, type FakeSocketMode, startFakeSocketMode } from '../helpers/fake-socket-mode.ts';

const dir = mkdtempSync(join(tmpdir(), 'guia-socket-process-'));
let fake: FakeSlack;
let socket: FakeSocketMode;
let child: ChildProcessWithoutNullStreams | undefined;
beforeAll(async () => {
  fake = await startFakeSlack();
  socket = await startFakeSocketMode();
  socket.attach(fake);
});
afterAll(async () => {
  if (child && child.exitCode === null) child.kill('SIGKILL');
  await socket.close();
  await fake.close();
  rmSync(dir, { recursive: true, force: true });
});

it('connects in Socket Mode, serves /healthz, answers a mention, and exits 0 on SIGTERM', async () => {
  const bot = spawnBot(fake.apiUrl, join(dir, 'guia.db'), {
    SLACK_APP_TOKEN: 'xapp-test',
    SLACK_SIGNING_SECRET: '',
  });
  child = bot.child;

  const port = await fake.waitFor(
    () => /"port":(\d+),"msg":"connected to Slack \(Socket Mode\)"/.exec(bot.output())?.[1],
    15_000,
  );
  expect((await fetch(`http://127.0.0.1:${port}/healthz`)).status).toBe(200);
  expect(fake.callsTo('apps.connections.open')[0]?.token).toBe('xapp-test');

  await socket.send(
    eventsApiEnvelope({
      type: 'app_mention',
      user: 'U1',
      text: '<@UBOT> plazo del paso 1.1',
      ts: '1.1',
      channel: 'C1',
    }),
  );
  const post = await fake.waitFor(() => fake.callsTo('chat.postMessage')[0]);
  expect(post.params).toMatchObject({ channel: 'C1', thread_ts: '1.1' });

  bot.child.kill('SIGTERM');
  expect(await bot.exited).toBe(0);
  expect(bot.output()).toContain('shutting down');
  expect(socket.openSockets()).toBe(0);
}, 20_000);
