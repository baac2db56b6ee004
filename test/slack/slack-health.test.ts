/** The monitor behind /healthz and the response_url responder, on fake fetches and a fake clock. */
import { pino } from 'pino';
import { describe, expect, it } from 'vitest';
import { createResponder } from '../../src/slack/response-url.ts';
import { createSlackHealth } from '../../src/slack/slack-health.ts';

const silent = pino({ level: 'silent' });

describe('the Slack health monitor', () => {
  it('gives every call a timeout, also one made without a signal', async () => {
    const health = createSlackHealth({
      timeoutMs: 50,
      fetch: (_input, init) =>
        new Promise((_resolve, reject) =>
          init?.signal?.addEventListener('abort', () => reject(new Error('aborted'))),
        ),
    });
    await expect(health.fetch('http://slack.invalid/api/chat.postMessage')).rejects.toThrow('aborted');
  });

  it('says degraded when a call is stuck well past its timeout, even if the transport ignores it', () => {
    let now = 0;
    const health = createSlackHealth({ timeoutMs: 1000, now: () => now, fetch: () => new Promise(() => {}) });
    void health.fetch('http://slack.invalid/api/chat.postMessage');
    expect(health.state()).toEqual({ ok: true });
    now = 2500;
    expect(health.state()).toEqual({ ok: false, reason: 'una llamada a Slack lleva 3 s sin respuesta' });
  });

  it('says degraded after three failures in a row, and ok after one success', async () => {
    const statuses = [503, 500, 429, 200];
    const health = createSlackHealth({
      fetch: async () => new Response('', { status: statuses.shift() ?? 200 }),
    });
    for (let i = 0; i < 3; i++) await health.fetch('http://slack.invalid/');
    expect(health.state()).toEqual({ ok: false, reason: 'las últimas 3 llamadas a Slack fallaron' });
    await health.fetch('http://slack.invalid/');
    expect(health.state()).toEqual({ ok: true });
  });
});

describe('the response_url responder', () => {
  const run = (statuses: Array<number | Error>, headers: Record<string, string> = {}) => {
    const waits: number[] = [];
    let calls = 0;
    const respond = createResponder('http://slack.invalid/response/1', {
      log: silent,
      baseDelayMs: 100,
      sleep: async (ms) => void waits.push(ms),
      fetch: async () => {
        calls++;
        const next = statuses.shift() ?? 200;
        if (next instanceof Error) throw next;
        return new Response('', { status: next, headers });
      },
    });
    return { respond, waits, calls: () => calls };
  };

  it('backs off 100, 200, 400 ms on 5xx and network errors, then delivers', async () => {
    const r = run([500, new Error('ECONNRESET'), 502]);
    expect(await r.respond({ text: 'hola' })).toBe(true);
    expect(r.waits).toEqual([100, 200, 400]);
  });

  it('waits what Retry-After says', async () => {
    const r = run([429], { 'retry-after': '7' });
    expect(await r.respond({ text: 'hola' })).toBe(true);
    expect(r.waits).toEqual([7000]);
  });

  it('does not retry what a retry cannot fix (an expired url)', async () => {
    const r = run([404]);
    expect(await r.respond({ text: 'hola' })).toBe(false);
    expect(r.calls()).toBe(1);
  });

  it('never uses the url more than 5 times, across replies', async () => {
    const r = run([500, 500, 500, 500, 500, 500, 500]);
    expect(await r.respond({ text: 'uno' })).toBe(false);
    expect(await r.respond({ text: 'dos' })).toBe(false);
    expect(r.calls()).toBe(5);
  });

  it('gives up rather than wait past the 30 minutes Slack allows', async () => {
    const r = run([429, 200], { 'retry-after': String(31 * 60) });
    expect(await r.respond({ text: 'hola' })).toBe(false);
    expect(r.calls()).toBe(1);
  });
});
