import type { AddressInfo } from 'node:net';
import { describe, expect, it } from 'vitest';
import { parseConfig } from '../../src/config/config.ts';

const http = { SLACK_BOT_TOKEN: 'xoxb-1', SLACK_SIGNING_SECRET: 's' };

describe('HOST', () => {
  it('defaults to every interface (0.0.0.0), as a container needs', () => {
    const parsed = parseConfig(http);
    expect(parsed.ok && parsed.config.host).toBe('0.0.0.0');
  });

  it.each(['127.0.0.1', '::1', '[::1]', 'localhost'])('accepts %s', (host) => {
    const parsed = parseConfig({ ...http, HOST: host });
    expect(parsed.ok && parsed.config.host).toBe(host.replace(/^\[|\]$/g, ''));
  });

  it('stops start-up naming the variable on a value that is not a host', () => {
    const parsed = parseConfig({ ...http, HOST: 'http://0.0.0.0:3000' });
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.message).toMatch(/HOST: debe ser una dirección IP/);
  });
});

describe('HOST in HTTP mode', () => {
  it('binds the Slack HTTP server to the configured interface', async () => {
    const { createSlackApp } = await import('../../src/slack/app.ts');
    const { startFakeSlack } = await import('../helpers/fake-slack.ts');
    const { pino } = await import('pino');
    const fake = await startFakeSlack();
    const parsed = parseConfig({ ...http, SLACK_API_URL: fake.apiUrl, PORT: '0', HOST: '127.0.0.1' });
    if (!parsed.ok) throw new Error(parsed.message);
    const app = createSlackApp(parsed.config, {
      bot: { guides: [], answerer: { answer: () => ({}) as never, search: () => [] } },
      commands: new Map(),
      feedback: { recordFeedback: async () => {} },
      events: { claim: () => true } as never,
      logger: pino({ level: 'silent' }),
    });
    try {
      const { port } = await app.start();
      const res = await fetch(`http://127.0.0.1:${port}/healthz`);
      expect(res.status).toBe(200);
      // The receiver's server is bound to 127.0.0.1 only.
      const server = (app.app as unknown as { receiver: { server?: { address(): AddressInfo } } }).receiver
        .server;
      expect(server?.address().address).toBe('127.0.0.1');
    } finally {
      await app.stop();
      await fake.close();
    }
  });
});
