/**
 * Slack that stops answering or answers badly (issue 9, items 3, 6, 8, 12), through the real HTTP app and a
 * fake Slack on 127.0.0.1: hung calls time out and /healthz says so, response_url replies are retried
 * within Slack's limits, a second «Compartir» click posts nothing, and no half character goes out.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { openDb } from '../../src/adapters/sqlite/db.ts';
import { createSqliteStores } from '../../src/adapters/sqlite/index.ts';
import { progressPorts } from '../../src/ports/index.ts';
import { ACTIONS } from '../../src/render/ids.ts';
import { runDaily } from '../../src/schedule/daily.ts';
import { createPosterClient, createSlackPoster } from '../../src/schedule/slack-poster.ts';
import { slashCommand, startAvanceTestApp } from '../helpers/avance-app.ts';
import { type FakeSlack, startFakeSlack } from '../helpers/fake-slack.ts';
import { eventEnvelope, postBlockAction, postCommand, postEvent } from '../helpers/signed-request.ts';
import { realGuides, type TestApp } from '../helpers/slack-app.ts';
import { trackerWithDaily } from '../helpers/trackers.ts';

let t: TestApp;
beforeAll(async () => {
  ({ t } = await startAvanceTestApp({ callTimeoutMs: 400 }));
});
afterAll(async () => {
  await t.stop();
});
beforeEach(() => {
  t.fake.reset();
});

let ts = 1_700_200_000;
const dm = (text: string, channel = 'D0001') =>
  postEvent(
    t.target,
    eventEnvelope({ type: 'message', channel_type: 'im', channel, user: 'U0001', ts: `${++ts}.1`, text }),
  );
const healthz = async () => {
  const res = await fetch(`${t.baseUrl}/healthz`);
  return { status: res.status, text: await res.text() };
};

async function until<T>(check: () => Promise<T | undefined>, timeoutMs: number): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`condition not met in ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

describe('a Slack that stops answering', () => {
  it('cannot starve new replies: with 100 calls hung, the next message is still answered', async () => {
    t.fake.fail('chat.postMessage', { hang: true }, 100);
    t.fake.fail('chat.postEphemeral', { hang: true }, 100);
    await Promise.all(Array.from({ length: 100 }, (_, i) => dm('plazo del paso 1.1', `D${1000 + i}`)));
    await t.fake.waitFor(() => t.fake.callsTo('chat.postMessage').length >= 100, 10_000);
    expect((await dm('plazo del paso 1.2', 'DNEW')).status).toBe(200);
    await t.fake.waitFor(
      () => t.fake.callsTo('chat.postMessage').find((c) => c.params.channel === 'DNEW'),
      10_000,
    );
  }, 30_000);

  it('makes /healthz say degraded while calls fail, and ok again once one succeeds', async () => {
    // Enough failures that the client's own retries fail too: one retry that got through would end the
    // run of failures before /healthz is read, and the test would depend on that race.
    t.fake.fail('chat.postMessage', { hang: true }, 30);
    t.fake.fail('chat.postEphemeral', { hang: true }, 30);
    for (let i = 0; i < 3; i++) await dm('plazo del paso 1.1', `DH${i}`);
    const degraded = await until(async () => {
      const h = await healthz();
      return h.status === 503 ? h : undefined;
    }, 8000);
    expect(degraded.text).toMatch(/^degradado: las últimas \d+ llamadas a Slack fallaron$/);
    // Slack is back: the next reply goes out and health recovers.
    t.fake.reset();
    await new Promise((r) => setTimeout(r, 600));
    await dm('plazo del paso 1.2', 'DOK');
    await t.fake.waitFor(() => t.fake.callsTo('chat.postMessage').find((c) => c.params.channel === 'DOK'));
    expect(await healthz()).toEqual({ status: 200, text: 'ok' });
  }, 30_000);
});

describe('the daily run with one hung post', () => {
  let fake: FakeSlack;
  let dir: string;
  beforeAll(async () => {
    fake = await startFakeSlack();
    dir = mkdtempSync(join(tmpdir(), 'guia-daily-hang-'));
  });
  afterAll(async () => {
    await fake.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('still posts the other channel and marks the hung one failed, within seconds', async () => {
    const stores = createSqliteStores(await openDb(join(dir, 'guia.db')));
    for (const channelId of ['C1', 'C2']) await trackerWithDaily(stores.trackers, { channelId });
    // Every attempt of the first post hangs (the client tries three times).
    fake.fail('chat.postMessage', { hang: true }, 3);
    const client = createPosterClient({ token: 'xoxb-test', apiUrl: fake.apiUrl, timeoutMs: 300 });
    const started = performance.now();
    const run = await runDaily(
      {
        ...progressPorts(stores),
        guides: realGuides(),
        tz: 'America/Mexico_City',
        runner: 'test',
        post: createSlackPoster(client),
      },
      new Date('2026-01-21T15:30:00Z'),
    );
    expect(performance.now() - started).toBeLessThan(15_000);
    expect(run.posted).toHaveLength(1);
    expect(run.failed).toHaveLength(1);
    await stores.close();
  }, 30_000);
});

describe("the scheduler's paced daily posts", () => {
  it("go through the app's monitored fetch: a hung post times out and /healthz says degraded", async () => {
    const tracker = await trackerWithDaily(t.stores.trackers, { channelId: 'CPACED' });
    t.fake.fail('chat.postMessage', { hang: true }, 3);
    const started = performance.now();
    // The app's own pass (paced posts, as the scheduler runs them), not runDaily with a hand-made poster.
    const run = await t.app.runDaily(new Date('2026-01-21T15:30:00Z'));
    // The app's 400 ms call timeout ends each of the three attempts, not a client timeout of its own.
    expect(performance.now() - started).toBeLessThan(10_000);
    expect(run.failed).toContain(tracker.id);
    expect((await healthz()).text).toMatch(/^degradado: /);
    // Slack is back: the next post goes out and health recovers for the tests after this one.
    t.fake.reset();
    await t.app.runDaily(new Date('2026-01-21T15:31:00Z'));
    expect(await healthz()).toEqual({ status: 200, text: 'ok' });
  }, 30_000);
});

describe('slash-command replies through a failing response_url', () => {
  it('are retried after a 500 until the confirmation gets through', async () => {
    t.fake.failResponses({ status: 500 }, 2);
    const body = await slashCommand(t, '/avance', 'iniciar 1.1');
    expect(String(body.text)).toContain('1.1');
    expect(t.fake.responseAttempts).toHaveLength(3);
  });

  it('wait as long as a 429 says (Retry-After) before trying again', async () => {
    t.fake.failResponses({ status: 429, retryAfter: 1 });
    await slashCommand(t, '/avance', 'iniciar 1.2');
    const [first, second] = t.fake.responseAttempts;
    expect((second?.at ?? 0) - (first?.at ?? 0)).toBeGreaterThanOrEqual(950);
  });

  it('stop after Slack’s 5 uses; the change is kept and the next /avance shows it', async () => {
    t.fake.failResponses({ status: 500 }, 10);
    const url = t.fake.responseUrl();
    const res = await postCommand(t.target, { command: '/avance', text: 'completar 1.3', response_url: url });
    expect(res.status).toBe(200);
    await t.fake.waitFor(() => t.fake.responseAttempts.length >= 5, 10_000);
    await new Promise((r) => setTimeout(r, 1500));
    expect(t.fake.responseAttempts).toHaveLength(5);
    t.fake.reset();
    const card = await slashCommand(t, '/avance', '1.3');
    expect(JSON.stringify(card)).toMatch(/completado/i);
  }, 20_000);
});

/** The «Compartir en el canal» button of a /guia reply. */
const shareButton = (reply: { blocks?: unknown }) =>
  (reply.blocks as Array<{ elements?: Array<{ action_id: string; value: string }> }>)
    .flatMap((b) => b.elements ?? [])
    .find((e) => e.action_id === ACTIONS.share);

describe('«Compartir en el canal» clicked twice', () => {
  it('posts the answer in the channel once; the second click is told it is already shared', async () => {
    const reply = await slashCommand(t, '/guia', '1.2');
    const share = shareButton(reply);
    expect(share).toBeDefined();
    for (const id of ['click-1', 'click-2']) {
      await postBlockAction(t.target, {
        action_id: ACTIONS.share,
        value: share?.value ?? '',
        response_url: t.fake.responseUrl(id),
      });
      await t.fake.waitFor(() => t.fake.responses.find((r) => r.path === `/response/${id}`));
    }
    await new Promise((r) => setTimeout(r, 300));
    expect(t.fake.responses.filter((r) => r.body.response_type === 'in_channel')).toHaveLength(1);
    const second = t.fake.responses.find((r) => r.path === '/response/click-2');
    expect(second?.body.text).toBe('Esta respuesta ya se compartió en el canal.');
  });
});

describe('«Compartir en el canal» when Slack refuses the post', () => {
  it('can be clicked again: the next click shares the answer once', async () => {
    const reply = await slashCommand(t, '/guia', '2.1');
    const share = shareButton(reply);
    t.fake.reset();
    t.fake.failResponses({ status: 500 }, 10);
    await postBlockAction(t.target, {
      action_id: ACTIONS.share,
      value: share?.value ?? '',
      response_url: t.fake.responseUrl('refused'),
    });
    await t.fake.waitFor(() => t.fake.responseAttempts.length >= 5, 15_000);
    await new Promise((r) => setTimeout(r, 500));
    expect(t.fake.responses.filter((r) => r.body.response_type === 'in_channel')).toHaveLength(0);
    t.fake.reset();
    await postBlockAction(t.target, {
      action_id: ACTIONS.share,
      value: share?.value ?? '',
      response_url: t.fake.responseUrl('again'),
    });
    const posted = await t.fake.waitFor(() =>
      t.fake.responses.find((r) => r.path === '/response/again' && r.body.response_type === 'in_channel'),
    );
    expect(posted).toBeDefined();
  }, 30_000);
});

describe('half characters', () => {
  it('a lone surrogate sent by Slack never comes back in a reply', async () => {
    const res = await postEvent(
      t.target,
      eventEnvelope({
        type: 'app_mention',
        channel: 'C0001',
        user: 'U0001',
        ts: `${++ts}.1`,
        text: '<@UBOT> \uD800 qué es \uDC00 zzqx \uD83D',
      }),
    );
    expect(res.status).toBe(200);
    const post = await t.fake.waitFor(() => t.fake.callsTo('chat.postMessage')[0]);
    expect(String(post.params.text).isWellFormed()).toBe(true);
    expect(JSON.stringify(post.params)).not.toMatch(/\\ud[89a-f][0-9a-f]{2}/i);
  });
});
