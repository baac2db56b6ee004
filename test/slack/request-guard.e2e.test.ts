/**
 * What reaches /slack/events before Bolt (issue 9, items 9–11), through the real HTTP app on 127.0.0.1:
 * timestamps from the future, bodies that are not objects, bodies far bigger than anything Slack sends.
 */
import { request } from 'node:http';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { eventEnvelope, postEvent, signedHeaders } from '../helpers/signed-request.ts';
import { startTestApp, type TestApp } from '../helpers/slack-app.ts';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(async () => {
  await t.stop();
});
beforeEach(() => {
  t.fake.reset();
});

const mention = () =>
  eventEnvelope({
    type: 'app_mention',
    user: 'U1',
    channel: 'C1',
    ts: '1.1',
    text: '<@UBOT> plazo del paso 1.1',
  });
const now = () => Math.floor(Date.now() / 1000);

describe('signed requests timestamped away from now', () => {
  it.each([
    ['10 minutes ahead', 600],
    ['10 years ahead', 10 * 365 * 24 * 3600],
    ['10 minutes ago', -600],
  ])('%s are refused with 401 and never answered', async (_label, offset) => {
    const res = await postEvent(t.target, mention(), { timestamp: now() + offset });
    expect(res.status).toBe(401);
    await new Promise((r) => setTimeout(r, 200));
    expect(t.fake.callsTo('chat.postMessage')).toEqual([]);
  });

  it('within a minute either way are accepted', async () => {
    expect((await postEvent(t.target, mention(), { timestamp: now() + 60 })).status).toBe(200);
    await t.fake.waitFor(() => t.fake.callsTo('chat.postMessage')[0]);
  });
});

describe('signed bodies that are not a JSON object', () => {
  const send = (body: string, contentType = 'application/json') =>
    fetch(t.target.url, {
      method: 'POST',
      headers: signedHeaders(t.target.signingSecret, body, contentType),
      body,
    });

  it.each(['null', '[]', '1', '"texto"', '{"roto"'])(
    '%s gets 400 and the connection is closed',
    async (body) => {
      const res = await send(body);
      expect(res.status).toBe(400);
      expect(res.headers.get('connection')).toBe('close');
    },
  );

  it('a form whose payload is null gets 400 too', async () => {
    const res = await send('payload=null', 'application/x-www-form-urlencoded');
    expect(res.status).toBe(400);
  });

  it('the app keeps answering afterwards', async () => {
    await send('null');
    expect((await postEvent(t.target, mention())).status).toBe(200);
    await t.fake.waitFor(() => t.fake.callsTo('chat.postMessage')[0]);
  });
});

describe('bodies bigger than anything Slack sends', () => {
  /** Sends headers and at most `send` bytes of a `declared`-byte body; resolves with the status and bytes sent. */
  function oversized(opts: { declared?: number; send: number }): Promise<{ status: number; sent: number }> {
    return new Promise((resolve, reject) => {
      const url = new URL(t.target.url);
      const headers: Record<string, string | number> = {
        'content-type': 'application/json',
        'x-slack-request-timestamp': now(),
        'x-slack-signature': 'v0=forged',
      };
      if (opts.declared !== undefined) headers['content-length'] = opts.declared;
      const req = request({
        host: url.hostname,
        port: url.port,
        path: url.pathname,
        method: 'POST',
        headers,
      });
      let sent = 0;
      let answered = false;
      req.on('response', (res) => {
        answered = true;
        res.resume();
        resolve({ status: res.statusCode ?? 0, sent });
      });
      req.on('error', (error) => {
        if (!answered) reject(error);
      });
      const chunk = Buffer.alloc(64 * 1024, 'a');
      const pump = () => {
        while (!answered && sent < opts.send) {
          sent += chunk.length;
          if (!req.write(chunk)) {
            req.once('drain', pump);
            return;
          }
        }
      };
      pump();
    });
  }

  it('a declared 4 MB body gets 413 before it is sent', async () => {
    const { status, sent } = await oversized({ declared: 4 * 1024 * 1024, send: 4 * 1024 * 1024 });
    expect(status).toBe(413);
    expect(sent).toBeLessThan(4 * 1024 * 1024);
  });

  it('a chunked body gets 413 once past 1 MB, without reading the rest', async () => {
    const { status, sent } = await oversized({ send: 8 * 1024 * 1024 });
    expect(status).toBe(413);
    expect(sent).toBeLessThan(8 * 1024 * 1024);
  });

  it('the app keeps answering afterwards', async () => {
    expect((await postEvent(t.target, mention())).status).toBe(200);
    await t.fake.waitFor(() => t.fake.callsTo('chat.postMessage')[0]);
  });
});
