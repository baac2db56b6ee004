/**
 * A fake Slack Socket Mode endpoint on 127.0.0.1 for end-to-end tests. Slack's protocol, as
 * @slack/socket-mode 3 speaks it: the client gets a URL from `apps.connections.open`, opens a WebSocket,
 * waits for `{type: 'hello'}`, then receives envelopes `{envelope_id, type, payload, ...}` and acks each
 * with `{envelope_id, payload}`. The `ws` server answers the client's pings with pongs by itself.
 *
 * Wire it to the fake Web API with `attach(fake)`, which makes `apps.connections.open` return this URL.
 */
import { randomUUID } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { type WebSocket, WebSocketServer } from 'ws';
import type { FakeSlack } from './fake-slack.ts';

export interface Ack {
  envelope_id: string;
  payload?: Record<string, unknown>;
}

export interface Envelope {
  envelope_id: string;
  type: 'events_api' | 'slash_commands' | 'interactive';
  payload: Record<string, unknown>;
  accepts_response_payload: boolean;
  retry_attempt?: number;
  retry_reason?: string;
}

export interface FakeSocketMode {
  /** The `ws://127.0.0.1:<port>/link/?ticket=…` URL handed out by apps.connections.open. */
  url: string;
  /** WebSocket connections opened so far (a reconnect adds one). */
  connections: number;
  /** Every message the app sent over the socket (acks), in order. */
  acks: Ack[];
  /** Makes the fake Web API's apps.connections.open return `url` (call again after `fake.reset()`). */
  attach(fake: FakeSlack): void;
  /** Sends an envelope to the connected client; resolves with its ack, rejects after `timeoutMs`. */
  send(envelope: Omit<Envelope, 'envelope_id'> & { envelope_id?: string }, timeoutMs?: number): Promise<Ack>;
  /** Open client sockets (0 once the app has closed its side). */
  openSockets(): number;
  /** Cuts every client connection abruptly, as a network failure would. */
  dropAll(): void;
  close(): Promise<void>;
}

export async function startFakeSocketMode(): Promise<FakeSocketMode> {
  const wss = new WebSocketServer({ host: '127.0.0.1', port: 0 });
  await new Promise<void>((resolve, reject) => {
    wss.once('listening', resolve);
    wss.once('error', reject);
  });
  const url = `ws://127.0.0.1:${(wss.address() as AddressInfo).port}/link/?ticket=fake-ticket`;
  const acks: Ack[] = [];
  const waiters = new Map<string, (ack: Ack) => void>();
  let current: WebSocket | undefined;
  const state = { connections: 0 };

  wss.on('connection', (ws) => {
    state.connections += 1;
    current = ws;
    ws.on('message', (data, isBinary) => {
      if (isBinary) return;
      const ack = JSON.parse(data.toString()) as Ack;
      acks.push(ack);
      waiters.get(ack.envelope_id)?.(ack);
      waiters.delete(ack.envelope_id);
    });
    ws.on('close', () => {
      if (current === ws) current = undefined;
    });
    ws.send(
      JSON.stringify({
        type: 'hello',
        num_connections: 1,
        debug_info: { host: 'fake', approximate_connection_time: 18060 },
        connection_info: { app_id: 'A0001' },
      }),
    );
  });

  const fakeSocket: FakeSocketMode = {
    url,
    get connections() {
      return state.connections;
    },
    acks,
    attach(fake) {
      fake.respondWith('apps.connections.open', { url });
    },
    send(envelope, timeoutMs = 3000) {
      const ws = current;
      if (!ws) return Promise.reject(new Error('fake Socket Mode: no client connected'));
      const full: Envelope = { envelope_id: randomUUID(), ...envelope };
      return new Promise((resolve, reject) => {
        const timer = setTimeout(() => {
          waiters.delete(full.envelope_id);
          reject(new Error(`fake Socket Mode: envelope ${full.type} not acked in ${timeoutMs} ms`));
        }, timeoutMs);
        waiters.set(full.envelope_id, (ack) => {
          clearTimeout(timer);
          resolve(ack);
        });
        ws.send(JSON.stringify(full));
      });
    },
    openSockets: () => [...wss.clients].filter((c) => c.readyState === 1).length,
    dropAll: () => {
      for (const client of wss.clients) client.terminate();
    },
    close: () =>
      new Promise<void>((resolve) => {
        for (const client of wss.clients) client.terminate();
        wss.close(() => resolve());
      }),
  };
  return fakeSocket;
}

/** An `events_api` envelope for `event`, shaped like Slack's (event_id, team, authorizations). */
export function eventsApiEnvelope(
  event: Record<string, unknown>,
  opts: { eventId?: string; retryAttempt?: number } = {},
): Omit<Envelope, 'envelope_id'> {
  return {
    type: 'events_api',
    accepts_response_payload: false,
    retry_attempt: opts.retryAttempt ?? 0,
    retry_reason: opts.retryAttempt ? 'timeout' : '',
    payload: {
      token: 'legacy-verification-token',
      team_id: 'T0001',
      api_app_id: 'A0001',
      event,
      type: 'event_callback',
      event_id: opts.eventId ?? `Ev${randomUUID().replaceAll('-', '').slice(0, 10).toUpperCase()}`,
      event_time: Math.floor(Date.now() / 1000),
      authorizations: [{ team_id: 'T0001', user_id: 'UBOT', is_bot: true }],
      is_ext_shared_channel: false,
    },
  };
}

/** A `slash_commands` envelope, as Slack sends `/guia text` from user U0001 in C0001. */
export function slashCommandEnvelope(
  command: string,
  text: string,
  responseUrl: string,
): Omit<Envelope, 'envelope_id'> {
  return {
    type: 'slash_commands',
    accepts_response_payload: true,
    payload: {
      token: 'legacy-verification-token',
      team_id: 'T0001',
      team_domain: 'datos',
      channel_id: 'C0001',
      channel_name: 'datos-abiertos',
      user_id: 'U0001',
      user_name: 'ana',
      command,
      text,
      api_app_id: 'A0001',
      is_enterprise_install: 'false',
      response_url: responseUrl,
      trigger_id: '1.2.3',
    },
  };
}
