import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { ACTIONS, BLOCK_IDS } from '../../src/render/ids.ts';
import type { RecordedCall } from '../helpers/fake-slack.ts';
import { eventEnvelope, postBlockAction, postCommand, postEvent } from '../helpers/signed-request.ts';
import { startTestApp, type TestApp } from '../helpers/slack-app.ts';

let t: TestApp;
beforeAll(async () => {
  // One retry so a 429 with Retry-After is retried, as in production (where Bolt retries for ~30 min).
  t = await startTestApp({ retries: 1 });
});
afterAll(async () => {
  await t.stop();
});
beforeEach(() => {
  t.fake.reset();
  t.logs.length = 0;
});

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const json = (call: RecordedCall | undefined) => JSON.stringify(call?.params ?? {});
let tsCounter = 1_700_000_100;
const nextTs = () => `${++tsCounter}.000200`;

function mention(text: string, extra: Record<string, unknown> = {}) {
  return {
    type: 'app_mention',
    user: 'U0001',
    text,
    ts: nextTs(),
    channel: 'C0001',
    event_ts: String(tsCounter),
    ...extra,
  };
}

function dm(text: string, extra: Record<string, unknown> = {}) {
  return {
    type: 'message',
    channel_type: 'im',
    channel: 'D0001',
    user: 'U0001',
    text,
    ts: nextTs(),
    event_ts: String(tsCounter),
    ...extra,
  };
}

function actionButton(blocks: unknown, actionId: string): { value: string } | undefined {
  const list = blocks as Array<{ type: string; elements?: Array<{ action_id?: string; value?: string }> }>;
  const button = list
    .filter((b) => b.type === 'actions')
    .flatMap((b) => b.elements ?? [])
    .find((e) => e.action_id === actionId);
  return button?.value === undefined ? undefined : { value: button.value };
}

describe('mentions in a channel', () => {
  it('answers once, in a thread under the question, with 👍/👎 buttons', async () => {
    const event = mention('<@UBOT> ¿quién participa en el paso 2.1?');
    const res = await postEvent(t.target, eventEnvelope(event));
    expect(res.status).toBe(200);
    const [post] = await t.fake.waitFor(() => {
      const p = t.fake.callsTo('chat.postMessage');
      return p.length > 0 && p;
    });
    expect(post?.params).toMatchObject({ channel: 'C0001', thread_ts: event.ts });
    expect(String(post?.params.text)).toContain('Administrador de Datos Abiertos');
    expect(actionButton(post?.params.blocks, ACTIONS.feedbackUp)).toBeDefined();
    await sleep(100);
    expect(t.fake.callsTo('chat.postMessage')).toHaveLength(1);
  });

  it('answers a mention inside a thread in that same thread', async () => {
    const event = mention('<@UBOT> plazo del paso 1.1', { thread_ts: '1699999999.000100' });
    await postEvent(t.target, eventEnvelope(event));
    const post = await t.fake.waitFor(() => t.fake.callsTo('chat.postMessage')[0]);
    expect(post.params.thread_ts).toBe('1699999999.000100');
  });

  it('never echoes a broadcast ping such as <!channel> back into the channel', async () => {
    await postEvent(
      t.target,
      eventEnvelope(mention('<@UBOT> <!channel> <!here> <!everyone> xilófono zanahoria')),
    );
    const post = await t.fake.waitFor(() => t.fake.callsTo('chat.postMessage')[0]);
    // Nothing matches, so the reply quotes the question: the words come back, the pings do not.
    expect(String(post.params.text)).toContain('xilófono zanahoria');
    expect(json(post)).not.toMatch(/<!channel>|<!here>|<!everyone>/);
  });

  it('gives a single reply to an event Slack retries, also while the first copy is in flight', async () => {
    const envelope = eventEnvelope(mention('<@UBOT> ¿cuál es el plazo del paso 1.2?'));
    const results = await Promise.all([
      postEvent(t.target, envelope),
      postEvent(t.target, envelope, { retryNum: 1 }),
      postEvent(t.target, envelope, { retryNum: 2 }),
    ]);
    expect(results.map((r) => r.status)).toEqual([200, 200, 200]);
    await t.fake.waitFor(() => t.fake.callsTo('chat.postMessage').length > 0);
    await postEvent(t.target, envelope, { retryNum: 3 });
    await sleep(200);
    expect(t.fake.callsTo('chat.postMessage')).toHaveLength(1);
  });

  it('stores a question it could not answer for the guide editors', async () => {
    await postEvent(t.target, eventEnvelope(mention('<@UBOT> zzxq plugh wibble')));
    await t.fake.waitFor(() => t.fake.callsTo('chat.postMessage')[0]);
    const unanswered = (await t.feedback.listUnanswered()).filter((q) => q.question.includes('plugh'));
    expect(unanswered).toMatchObject([{ source: 'mention', userId: 'U0001', channelId: 'C0001' }]);
  });
});

describe('direct messages', () => {
  it('answers in the DM, not in a thread', async () => {
    await postEvent(t.target, eventEnvelope(dm('¿quién participa en el paso 2.1?')));
    const post = await t.fake.waitFor(() => t.fake.callsTo('chat.postMessage')[0]);
    expect(post.params.channel).toBe('D0001');
    expect(post.params.thread_ts).toBeUndefined();
    expect(String(post.params.text)).toContain('Administrador de Datos Abiertos');
  });

  it('ignores bot messages, edits and its own messages', async () => {
    await postEvent(t.target, eventEnvelope(dm('hola', { bot_id: 'B0002', user: 'U0002' })));
    await postEvent(t.target, eventEnvelope(dm('hola', { subtype: 'message_changed' })));
    await postEvent(t.target, eventEnvelope(dm('hola', { subtype: 'bot_message', user: undefined })));
    await postEvent(t.target, eventEnvelope(dm('respuesta', { user: 'UBOT', bot_id: 'BBOT' })));
    // A control message afterwards proves the events above were processed and skipped.
    await postEvent(t.target, eventEnvelope(dm('plazo del paso 1.1')));
    await t.fake.waitFor(() => t.fake.callsTo('chat.postMessage')[0]);
    await sleep(100);
    expect(t.fake.callsTo('chat.postMessage').map((c) => c.params.text)).toHaveLength(1);
  });
});

describe('/guia', () => {
  it('/guia 1.2 shows the step card privately, with a share button', async () => {
    const res = await postCommand(t.target, {
      command: '/guia',
      text: '1.2',
      response_url: t.fake.responseUrl(),
    });
    expect(res.status).toBe(200);
    const [reply] = await t.fake.waitFor(() => t.fake.responses.length > 0 && t.fake.responses);
    expect(reply?.body.response_type).toBe('ephemeral');
    const blocks = reply?.body.blocks as Array<{ type: string; text?: { text: string } }>;
    expect(blocks[0]).toMatchObject({ type: 'header', text: { text: expect.stringContaining('Paso 1.2') } });
    expect(actionButton(blocks, ACTIONS.share)).toBeDefined();
    expect(String(reply?.body.text)).toContain('1.2');
  });

  it('the share button posts the same reply to the channel, says who shared it, and removes the private copy', async () => {
    await postCommand(t.target, { command: '/guia', text: '1.2', response_url: t.fake.responseUrl() });
    const first = await t.fake.waitFor(() => t.fake.responses[0]);
    const share = actionButton(first.body.blocks, ACTIONS.share);
    expect(share).toBeDefined();
    const res = await postBlockAction(t.target, {
      action_id: ACTIONS.share,
      value: share?.value ?? '',
      response_url: t.fake.responseUrl('share'),
      userId: 'U0002',
    });
    expect(res.status).toBe(200);
    const posts = await t.fake.waitFor(() => {
      const p = t.fake.responses.filter((r) => r.path === '/response/share');
      return p.length >= 2 && p;
    });
    const [publicPost, removal] = posts;
    expect(publicPost?.body).toMatchObject({ response_type: 'in_channel', replace_original: false });
    const blocks = publicPost?.body.blocks as Array<{
      block_id?: string;
      type: string;
      text?: { text: string };
    }>;
    expect(blocks[0]).toMatchObject({ block_id: BLOCK_IDS.sharedBy });
    expect(JSON.stringify(blocks[0])).toContain('<@U0002>');
    expect(JSON.stringify(blocks)).toContain('Paso 1.2');
    expect(actionButton(blocks, ACTIONS.share)).toBeUndefined();
    expect(removal?.body).toMatchObject({ delete_original: true });
  });

  it('a 👎 is stored with its question and thanked privately', async () => {
    await postCommand(t.target, {
      command: '/guia',
      text: '¿quién participa en el paso 2.1?',
      response_url: t.fake.responseUrl(),
    });
    const first = await t.fake.waitFor(() => t.fake.responses[0]);
    const down = actionButton(first.body.blocks, ACTIONS.feedbackDown);
    expect(down).toBeDefined();
    await postBlockAction(t.target, {
      action_id: ACTIONS.feedbackDown,
      value: down?.value ?? '',
      response_url: t.fake.responseUrl('thanks'),
    });
    const thanks = await t.fake.waitFor(() => t.fake.responses.find((r) => r.path === '/response/thanks'));
    expect(thanks.body.response_type).toBe('ephemeral');
    expect((await t.feedback.listFeedback()).at(-1)).toMatchObject({
      vote: -1,
      question: '¿quién participa en el paso 2.1?',
      stepId: '2.1',
      userId: 'U0001',
    });
  });

  it('/guia with no text shows the help', async () => {
    await postCommand(t.target, { command: '/guia', text: '', response_url: t.fake.responseUrl() });
    const reply = await t.fake.waitFor(() => t.fake.responses[0]);
    expect(JSON.stringify(reply.body.blocks)).toContain('/guia lista');
  });
});

describe('App Home', () => {
  it('publishes the guide by phase with deadlines when the Home tab opens', async () => {
    await postEvent(
      t.target,
      eventEnvelope({ type: 'app_home_opened', user: 'U0001', channel: 'D0001', tab: 'home' }),
    );
    const publish = await t.fake.waitFor(() => t.fake.callsTo('views.publish')[0]);
    expect(publish.params.user_id).toBe('U0001');
    const view = publish.params.view as { type: string; blocks: unknown[] };
    expect(view.type).toBe('home');
    expect(view.blocks.length).toBeLessThanOrEqual(100);
    const text = JSON.stringify(view.blocks);
    for (const phase of ['Planea', 'Publica', 'Perfecciona', 'Promueve']) expect(text).toContain(phase);
    expect(text).toContain('1.1');
  });

  it('ignores the messages tab', async () => {
    await postEvent(
      t.target,
      eventEnvelope({ type: 'app_home_opened', user: 'U0001', channel: 'D0001', tab: 'messages' }),
    );
    await postEvent(t.target, eventEnvelope(dm('plazo del paso 1.1')));
    await t.fake.waitFor(() => t.fake.callsTo('chat.postMessage')[0]);
    expect(t.fake.callsTo('views.publish')).toHaveLength(0);
  });
});

describe('requests not signed by Slack', () => {
  it('a bad signature gets 401 and nothing is posted', async () => {
    const res = await postEvent(t.target, eventEnvelope(mention('<@UBOT> hola')), { secret: 'wrong' });
    expect(res.status).toBe(401);
    await sleep(150);
    expect(t.fake.calls.filter((c) => c.method !== 'auth.test')).toHaveLength(0);
  });

  it('a timestamp 10 minutes old gets 401', async () => {
    const res = await postCommand(
      t.target,
      { command: '/guia', text: '1.2', response_url: t.fake.responseUrl() },
      { timestamp: Math.floor(Date.now() / 1000) - 600 },
    );
    expect(res.status).toBe(401);
    await sleep(150);
    expect(t.fake.responses).toHaveLength(0);
  });
});

describe('when Slack fails', () => {
  it('a chat.postMessage error is logged, does not crash, and the next event still works', async () => {
    t.fake.fail('chat.postMessage', { error: 'channel_not_found' });
    await postEvent(t.target, eventEnvelope(mention('<@UBOT> plazo del paso 1.1')));
    await t.fake.waitFor(() => t.logs.find((l) => l.reason === 'channel_not_found'));
    await postEvent(t.target, eventEnvelope(mention('<@UBOT> plazo del paso 1.2')));
    await t.fake.waitFor(() => t.fake.callsTo('chat.postMessage').length === 2);
    const health = await fetch(`${t.baseUrl}/healthz`);
    expect(health.status).toBe(200);
  });

  it('tells the asker privately when the reply itself was refused', async () => {
    t.fake.fail('chat.postMessage', { error: 'invalid_blocks' });
    await postEvent(t.target, eventEnvelope(mention('<@UBOT> plazo del paso 1.1')));
    const eph = await t.fake.waitFor(() => t.fake.callsTo('chat.postEphemeral')[0]);
    expect(eph.params).toMatchObject({ channel: 'C0001', user: 'U0001' });
    expect(String(eph.params.text)).toContain('No pude publicar');
  });

  it('waits out a 429 Retry-After and then replies', async () => {
    t.fake.fail('chat.postMessage', { status: 429, retryAfter: 1 });
    await postEvent(t.target, eventEnvelope(mention('<@UBOT> plazo del paso 1.1')));
    await t.fake.waitFor(() => t.fake.callsTo('chat.postMessage').length === 2, 5000);
    const [refused, retried] = t.fake.callsTo('chat.postMessage');
    // The retry came after the second Slack asked for, not at once.
    expect((retried?.at ?? 0) - (refused?.at ?? 0)).toBeGreaterThanOrEqual(950);
  });

  it('survives a dropped connection to Slack', async () => {
    t.fake.fail('chat.postMessage', { drop: true }, 2);
    await postEvent(t.target, eventEnvelope(mention('<@UBOT> plazo del paso 1.1')));
    await t.fake.waitFor(() => t.logs.find((l) => l.msg === 'could not post reply'));
    await postEvent(t.target, eventEnvelope(dm('plazo del paso 1.1')));
    await t.fake.waitFor(() => t.fake.callsTo('chat.postMessage').find((c) => c.params.channel === 'D0001'));
  });
});

describe('health check', () => {
  it('GET /healthz answers 200 once the guide is loaded', async () => {
    const res = await fetch(`${t.baseUrl}/healthz`);
    expect(res.status).toBe(200);
    expect(await res.text()).toBe('ok');
  });
});
