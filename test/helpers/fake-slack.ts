/**
 * A fake Slack Web API on 127.0.0.1 for end-to-end tests: answers auth.test and every method the bot
 * calls, records each call (form or JSON bodies, `blocks`/`view` decoded), records POSTs to response_url
 * and file-upload URLs, and can be told to fail a method with a Slack error, a 429 or a dropped connection.
 *
 * Point the app at it with SLACK_API_URL = fake.apiUrl; hand out fake.responseUrl() as a response_url.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface RecordedCall {
  method: string;
  params: Record<string, unknown>;
  token?: string;
  /** performance.now() when the call arrived, to check waits such as Retry-After. */
  at: number;
}

export interface RecordedPost {
  /** Path after the host, e.g. /response/abc. */
  path: string;
  body: Record<string, unknown>;
}

export type Failure =
  | { error: string }
  | { status: 429; retryAfter: number }
  | { status: number; body?: string }
  | { drop: true }
  /** Never answers (the connection stays open until the client gives up or the fake closes). */
  | { hang: true };

export interface FakeSlack {
  /** Base URL for the Web API client, ending in `/api/`. */
  apiUrl: string;
  /** A fresh response_url on this server. */
  responseUrl(id?: string): string;
  calls: RecordedCall[];
  responses: RecordedPost[];
  uploads: RecordedPost[];
  callsTo(method: string): RecordedCall[];
  /** The next `times` calls to `method` fail (default once). */
  fail(method: string, failure: Failure, times?: number): void;
  /** The next `times` posts to any response_url fail (a 500, a 429 with Retry-After, a drop or a hang). */
  failResponses(failure: Failure, times?: number): void;
  /** Every response_url post, failed ones too, with when it arrived. */
  responseAttempts: Array<{ path: string; at: number }>;
  /** Overrides the success payload of a method (merged into `{ ok: true }`). */
  respondWith(method: string, payload: Record<string, unknown>): void;
  /** Resolves when `check()` is truthy; rejects with the recorded traffic after `timeoutMs`. */
  waitFor<T>(check: () => T | undefined | false | null, timeoutMs?: number): Promise<T>;
  reset(): void;
  close(): Promise<void>;
}

export const FAKE_BOT = { userId: 'UBOT', botId: 'BBOT', teamId: 'T0001' } as const;

export async function startFakeSlack(): Promise<FakeSlack> {
  const calls: RecordedCall[] = [];
  const responses: RecordedPost[] = [];
  const uploads: RecordedPost[] = [];
  const failures = new Map<string, Array<Failure>>();
  const responseFailures: Failure[] = [];
  const responseAttempts: Array<{ path: string; at: number }> = [];
  const overrides = new Map<string, Record<string, unknown>>();
  let ts = 1_700_000_000;
  let base = '';

  const defaults = (method: string, params: Record<string, unknown>): Record<string, unknown> => {
    switch (method) {
      case 'auth.test':
        return { user_id: FAKE_BOT.userId, bot_id: FAKE_BOT.botId, team_id: FAKE_BOT.teamId, user: 'guia' };
      case 'chat.postMessage':
        ts += 1;
        return { channel: params.channel, ts: `${ts}.000100`, message: { text: params.text } };
      case 'chat.postEphemeral':
        ts += 1;
        return { message_ts: `${ts}.000200` };
      case 'views.publish':
        return { view: { id: 'V1', type: 'home' } };
      case 'files.getUploadURLExternal':
        return { upload_url: `${base}upload/F1`, file_id: 'F1' };
      case 'files.completeUploadExternal':
        return { files: [{ id: 'F1', title: params.files ?? 'file' }] };
      case 'conversations.open':
        return { channel: { id: `D${String(params.users ?? 'X')}` } };
      default:
        return {};
    }
  };

  const server: Server = createServer(async (req, res) => {
    const bytes = await readBody(req);
    const raw = bytes.toString('utf8');
    const url = new URL(req.url ?? '/', base);
    if (url.pathname.startsWith('/upload/')) {
      // The bytes too, so a test can decode what was uploaded (a CSV, a chart PNG).
      uploads.push({ path: url.pathname, body: { size: bytes.length, bytes } });
      res.writeHead(200).end('OK');
      return;
    }
    if (!url.pathname.startsWith('/api/')) {
      responseAttempts.push({ path: url.pathname, at: performance.now() });
      const failure = responseFailures.shift();
      if (failure) {
        answerFailure(req, res, failure);
        return;
      }
      responses.push({ path: url.pathname, body: parseBody(raw, req.headers['content-type']) });
      res.writeHead(200, { 'content-type': 'text/plain' }).end('ok');
      return;
    }
    const method = url.pathname.slice('/api/'.length);
    const params = parseBody(raw, req.headers['content-type']);
    const auth = req.headers.authorization;
    calls.push({
      method,
      params,
      at: performance.now(),
      ...(auth ? { token: auth.replace(/^Bearer /, '') } : {}),
    });
    const failure = failures.get(method)?.shift();
    if (failure) {
      answerFailure(req, res, failure);
      return;
    }
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end(JSON.stringify({ ok: true, ...defaults(method, params), ...(overrides.get(method) ?? {}) }));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
  let responseIds = 0;

  return {
    apiUrl: `${base}api/`,
    responseUrl: (id) => `${base}response/${id ?? `r${++responseIds}`}`,
    calls,
    responses,
    uploads,
    responseAttempts,
    callsTo: (method) => calls.filter((c) => c.method === method),
    failResponses(failure, times = 1) {
      for (let i = 0; i < times; i++) responseFailures.push(failure);
    },
    fail(method, failure, times = 1) {
      const list = failures.get(method) ?? [];
      for (let i = 0; i < times; i++) list.push(failure);
      failures.set(method, list);
    },
    respondWith: (method, payload) => void overrides.set(method, payload),
    async waitFor(check, timeoutMs = 5000) {
      const deadline = Date.now() + timeoutMs;
      for (;;) {
        const value = check();
        if (value) return value;
        if (Date.now() > deadline) {
          throw new Error(
            `fake Slack: condition not met in ${timeoutMs} ms; calls: ${calls.map((c) => c.method).join(', ') || 'none'}; ` +
              `response_url posts: ${responses.length}`,
          );
        }
        await new Promise((r) => setTimeout(r, 10));
      }
    },
    reset() {
      calls.length = 0;
      responses.length = 0;
      uploads.length = 0;
      failures.clear();
      overrides.clear();
      responseFailures.length = 0;
      responseAttempts.length = 0;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

function answerFailure(req: IncomingMessage, res: ServerResponse, failure: Failure): void {
  if ('hang' in failure) return;
  if ('drop' in failure) {
    req.socket.destroy();
    return;
  }
  if ('error' in failure) {
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end(JSON.stringify({ ok: false, error: failure.error }));
    return;
  }
  if (failure.status === 429 && 'retryAfter' in failure) {
    res.writeHead(429, { 'retry-after': String(failure.retryAfter), 'content-type': 'application/json' });
    res.end(JSON.stringify({ ok: false, error: 'ratelimited' }));
    return;
  }
  res.writeHead(failure.status).end('body' in failure ? (failure.body ?? '') : '');
}

async function readBody(req: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

/** Form or JSON; form fields holding JSON (blocks, view, attachments) are decoded. */
function parseBody(raw: string, contentType: string | undefined): Record<string, unknown> {
  if (!raw) return {};
  if (contentType?.includes('application/json')) {
    try {
      return JSON.parse(raw) as Record<string, unknown>;
    } catch {
      return { raw };
    }
  }
  if (!contentType?.includes('application/x-www-form-urlencoded')) return { raw };
  const out: Record<string, unknown> = {};
  for (const [key, value] of new URLSearchParams(raw)) {
    out[key] = /^[[{]/.test(value) ? safeJson(value) : value;
  }
  return out;
}

function safeJson(value: string): unknown {
  try {
    return JSON.parse(value);
  } catch {
    return value;
  }
}

/** The file inside an upload the Web API client posted as multipart form data (or the raw body). */
export function uploadedFile(upload: RecordedPost | undefined): Buffer {
  const bytes = upload?.body.bytes;
  if (!Buffer.isBuffer(bytes)) return Buffer.alloc(0);
  if (!bytes.subarray(0, 2).equals(Buffer.from('--'))) return bytes;
  const boundary = bytes.subarray(0, bytes.indexOf('\r\n'));
  const start = bytes.indexOf('\r\n\r\n') + 4;
  const end = bytes.indexOf(Buffer.concat([Buffer.from('\r\n'), boundary]), start);
  return bytes.subarray(start, end < 0 ? bytes.length : end);
}
