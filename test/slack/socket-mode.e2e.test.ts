/**
 * The real app in Socket Mode against a fake Slack on loopback: the Web API (apps.connections.open,
 * auth.test, chat.postMessage, response_url) and a WebSocket that speaks Slack's Socket Mode protocol.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pino } from 'pino';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { type Db, openDb } from '../../src/adapters/sqlite/db.ts';
import { createSqliteStores } from '../../src/adapters/sqlite/index.ts';
import { createApp } from '../../src/app/wire.ts';
import { parseConfig } from '../../src/config/config.ts';
import type { SlackApp } from '../../src/slack/app.ts';
import { type FakeSlack, startFakeSlack } from '../helpers/fake-slack.ts';
import {
  eventsApiEnvelope,
  type FakeSocketMode,
  slashCommandEnvelope,
  startFakeSocketMode,
} from '../helpers/fake-socket-mode.ts';
import { realGuides } from '../helpers/slack-app.ts';

let fake: FakeSlack;
let socket: FakeSocketMode;
let slack: SlackApp;
let db: Db;
let dir: string;
let healthzUrl: string;
let stopped = false;
let closed = false;
let resourcesBefore: string[];
let connectCalls: Array<{ method: string; token?: string }>;

beforeAll(async () => {
  resourcesBefore = process.getActiveResourcesInfo();
  fake = await startFakeSlack();
  socket = await startFakeSocketMode();
  dir = mkdtempSync(join(tmpdir(), 'guia-socket-'));
  const parsed = parseConfig({
    SLACK_BOT_TOKEN: 'xoxb-test-token',
    SLACK_APP_TOKEN: 'xapp-test-token',
    SLACK_API_URL: fake.apiUrl,
    PORT: '0',
    GUIA_DB: join(dir, 'guia.db'),
  });
  if (!parsed.ok) throw new Error(parsed.message);
  expect(parsed.config.mode).toBe('socket');
  db = await openDb(join(dir, 'guia.db'));
  const built = await createApp(parsed.config, {
    stores: createSqliteStores(db),
    logger: pino({ level: 'silent' }),
    guides: realGuides(),
    avance: false,
    slack: { retryConfig: { retries: 0 }, host: '127.0.0.1' },
  });
  if (!built.ok || !built.value.slack) throw new Error('createApp built no Socket Mode app');
  slack = built.value.slack;
  socket.attach(fake);
  // Resolves once Slack's `hello` has arrived over the WebSocket.
  const { port } = await slack.start();
  healthzUrl = `http://127.0.0.1:${port}/healthz`;
  connectCalls = fake.calls.map(({ method, token }) => ({ method, token }));
});
afterAll(async () => {
  if (!stopped) await slack.stop();
  if (!closed) {
    await socket.close();
    await fake.close();
  }
  db.close();
  rmSync(dir, { recursive: true, force: true });
});
beforeEach(() => {
  fake.reset();
  socket.attach(fake);
});

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
let tsCounter = 1_700_000_100;
function mention(text: string) {
  tsCounter += 1;
  return {
    type: 'app_mention',
    user: 'U0001',
    text,
    ts: `${tsCounter}.000200`,
    channel: 'C0001',
    event_ts: `${tsCounter}.000200`,
  };
}

describe('the bot in Socket Mode', () => {
  it('connects with the app token and serves /healthz on its own port', async () => {
    expect(connectCalls).toEqual([
      { method: 'auth.test', token: 'xoxb-test-token' },
      { method: 'apps.connections.open', token: 'xapp-test-token' },
    ]);
    expect(socket.connections).toBe(1);
    expect(socket.openSockets()).toBe(1);
    const res = await fetch(healthzUrl);
    expect(res.status).toBe(200);
    expect(await res.text()).toBe('ok');
    expect((await fetch(healthzUrl.replace('/healthz', '/slack/events'))).status).toBe(404);
  });

  it('acknowledges a mention and answers once, in a thread under the question', async () => {
    const event = mention('<@UBOT> ¿quién participa en el paso 2.1?');
    const envelope = eventsApiEnvelope(event);
    const ack = await socket.send(envelope);
    expect(ack.payload ?? {}).toEqual({});
    const post = await fake.waitFor(() => fake.callsTo('chat.postMessage')[0]);
    expect(post.token).toBe('xoxb-test-token');
    expect(post.params).toMatchObject({ channel: 'C0001', thread_ts: event.ts });
    expect(String(post.params.text)).toContain('Administrador de Datos Abiertos');
    await sleep(100);
    expect(fake.callsTo('chat.postMessage')).toHaveLength(1);
  });

  it('/guia 1.2 is acknowledged at once and the step card arrives privately through response_url', async () => {
    const ack = await socket.send(slashCommandEnvelope('/guia', '1.2', fake.responseUrl('cmd')));
    // Bolt acks with an empty payload; the reply goes through response_url, like in HTTP mode.
    expect(ack.payload ?? {}).toEqual({});
    const reply = await fake.waitFor(() => fake.responses.find((r) => r.path === '/response/cmd'));
    expect(reply.body.response_type).toBe('ephemeral');
    expect(JSON.stringify(reply.body.blocks)).toContain('Paso 1.2');
    expect(fake.callsTo('chat.postMessage')).toHaveLength(0);
  });

  it('gives a single reply to an event Slack redelivers, also while the first copy is in flight', async () => {
    const event = mention('<@UBOT> ¿cuál es el plazo del paso 1.2?');
    const eventId = 'EvSOCKET0001';
    const acks = await Promise.all([
      socket.send(eventsApiEnvelope(event, { eventId })),
      socket.send(eventsApiEnvelope(event, { eventId, retryAttempt: 1 })),
    ]);
    expect(acks).toHaveLength(2);
    await fake.waitFor(() => fake.callsTo('chat.postMessage').length > 0);
    await socket.send(eventsApiEnvelope(event, { eventId, retryAttempt: 2 }));
    await sleep(200);
    expect(fake.callsTo('chat.postMessage')).toHaveLength(1);
  });

  it('/healthz answers 503 while the WebSocket is down, and 200 again once it reconnects', async () => {
    const healthAfter = async (status: number, timeoutMs: number) => {
      const deadline = Date.now() + timeoutMs;
      for (;;) {
        const res = await fetch(healthzUrl);
        if (res.status === status) return res.text();
        if (Date.now() > deadline) throw new Error(`/healthz stayed ${res.status}, expected ${status}`);
        await sleep(50);
      }
    };
    socket.dropAll();
    expect(await healthAfter(503, 3000)).toBe('sin conexión con Slack');
    // The Socket Mode client reconnects by itself after its ping timeout (5 s by default).
    expect(await healthAfter(200, 9000)).toBe('ok');
    expect(socket.connections).toBeGreaterThanOrEqual(2);
  }, 15_000);

  it('stop() closes the WebSocket and the /healthz server before it resolves', async () => {
    const connectionsBefore = socket.connections;
    await slack.stop();
    stopped = true;
    expect(socket.openSockets()).toBe(0);
    await expect(fetch(healthzUrl)).rejects.toThrow();
    // No reconnection attempt after a deliberate stop.
    await sleep(100);
    expect(fake.callsTo('apps.connections.open')).toHaveLength(0);
    expect(socket.connections).toBe(connectionsBefore);
  });

  it('leaves no socket, server or timer behind once it and the fakes are closed', async () => {
    expect(stopped).toBe(true);
    await socket.close();
    await fake.close();
    closed = true;
    await sleep(50);
    const netAndTimers = (list: string[]) => list.filter((r) => /^(TCP|Timeout)/.test(r)).sort();
    expect(netAndTimers(process.getActiveResourcesInfo())).toEqual(netAndTimers(resourcesBefore));
  });
});
