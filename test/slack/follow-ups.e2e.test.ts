/**
 * Follow-ups through the real transports: a mention in the thread where the bot answered, a DM, the
 * terminal chat. Real Bolt HTTP receiver with signed requests, fake Slack on loopback.
 */
import { PassThrough } from 'node:stream';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createMemoryContextStore } from '../../src/adapters/memory/context.ts';
import { createBot } from '../../src/bot/build.ts';
import { loadAnswerContent } from '../../src/content/glossary.ts';
import { runLocalChat } from '../../src/local/chat.ts';
import { eventEnvelope, postEvent } from '../helpers/signed-request.ts';
import { CONTENT_DIR, realGuides, startTestApp, type TestApp } from '../helpers/slack-app.ts';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(async () => {
  await t.stop();
});
beforeEach(() => t.fake.reset());

let ts = 1_700_100_000;
const nextTs = () => `${++ts}.000300`;
const posts = () => t.fake.callsTo('chat.postMessage');

async function send(event: Record<string, unknown>, count: number) {
  await postEvent(t.target, eventEnvelope(event));
  return t.fake.waitFor(() => posts().length >= count && posts()[count - 1]);
}

describe('follow-ups in Slack', () => {
  it('a mention in the thread where the bot answered refers to that answer', async () => {
    const top = {
      type: 'app_mention',
      user: 'U0001',
      channel: 'C0001',
      ts: nextTs(),
      text: '<@UBOT> ¿quién participa en el paso 1.1?',
    };
    const first = await send(top, 1);
    expect(first.params.thread_ts).toBe(top.ts);
    const reply = {
      type: 'app_mention',
      user: 'U0002',
      channel: 'C0001',
      ts: nextTs(),
      thread_ts: top.ts,
      text: '<@UBOT> ¿y cuál es el plazo?',
    };
    const second = await send(reply, 2);
    expect(second.params.thread_ts).toBe(top.ts);
    expect(String(second.params.text)).toContain('Paso 1.1');
    expect(String(second.params.text)).toContain('30 días naturales');
  });

  it('the same follow-up in another thread asks which step', async () => {
    const other = {
      type: 'app_mention',
      user: 'U0001',
      channel: 'C0001',
      ts: nextTs(),
      text: '<@UBOT> ¿y cuál es el plazo?',
    };
    const post = await send(other, 1);
    expect(String(post.params.text)).toContain('¿De qué paso?');
  });

  it('in a DM, «¿y el siguiente?» follows the last answer', async () => {
    const dm = (text: string) => ({
      type: 'message',
      channel_type: 'im',
      channel: 'D0009',
      user: 'U0001',
      ts: nextTs(),
      text,
    });
    await send(dm('plazo del paso 1.2'), 1);
    const next = await send(dm('¿y el siguiente?'), 2);
    expect(String(next.params.text)).toContain('Paso 1.3');
  });
});

describe('follow-ups in the terminal chat', () => {
  it('a follow-up refers to the previous answer, a new topic replaces it', async () => {
    const guides = realGuides();
    const { deps, commands } = createBot(guides, {
      content: loadAnswerContent(CONTENT_DIR, guides),
      context: createMemoryContextStore(),
    });
    const input = new PassThrough();
    const output = new PassThrough();
    let out = '';
    output.on('data', (d: Buffer) => {
      out += d.toString();
    });
    const done = runLocalChat({ input, output, interactive: false, deps, commands });
    input.end(['¿quién participa en el paso 2.4?', '¿y el plazo?', '¿qué es ADELA?', 'gracias'].join('\n'));
    await done;
    const turns = out.split(/^> /m).slice(1);
    expect(turns[1]).toContain('Paso 2.4');
    expect(turns[1]).toContain('90 días naturales');
    expect(turns[2]).toContain('ADELA:');
    expect(turns[3]).toContain('¡De nada!');
  });
});
