/**
 * Two real bot processes (`src/main.ts`, HTTP mode in distribution mode: OAuth, no bot token) on one
 * PostgreSQL database (DATABASE_URL, a fresh database for this file on the GUIA_TEST_DATABASE_URL server),
 * against one fake Slack: what a load balancer in front of two replicas would see. The workspace installs
 * through both (install page on one, Slack's redirect back on the other). Skipped, and listed as skipped,
 * without a server.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DateTime } from 'luxon';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { type ListeningBot, startHttpBot } from '../helpers/bot-process.ts';
import { type FakeSlack, startFakeSlack } from '../helpers/fake-slack.ts';
import { describePostgres, freshDatabase } from '../helpers/postgres.ts';
import { eventEnvelope, postCommand, postEvent, type SlackTarget } from '../helpers/signed-request.ts';
import { OAUTH_ENV } from '../helpers/slack-app.ts';

const SECRET = 'replica-signing-secret';
const TZ = 'America/Mexico_City';

describePostgres('two bot processes on one database', (serverUrl) => {
  let fake: FakeSlack;
  let dir: string;
  let database: Awaited<ReturnType<typeof freshDatabase>> | undefined;
  let bots: ListeningBot[] = [];
  let targets: SlackTarget[] = [];

  beforeAll(async () => {
    fake = await startFakeSlack();
    dir = mkdtempSync(join(tmpdir(), 'guia-replicas-'));
    database = await freshDatabase(serverUrl, 'guia_p');
    const env = {
      ...OAUTH_ENV,
      SLACK_BOT_TOKEN: '',
      SLACK_SIGNING_SECRET: SECRET,
      SLACK_APP_TOKEN: '',
      DATABASE_URL: database.url,
      GUIA_TZ: TZ,
    };
    // Both start at once: the migrations run once, under PostgreSQL's lock.
    bots = await Promise.all([
      startHttpBot(fake.apiUrl, join(dir, 'a.db'), env, 60_000),
      startHttpBot(fake.apiUrl, join(dir, 'b.db'), env, 60_000),
    ]);
    targets = bots.map((b) => ({ url: `${b.baseUrl}/slack/events`, signingSecret: SECRET }));
  }, 90_000);

  afterAll(async () => {
    for (const bot of bots) expect(await bot.stop()).toBe(0);
    await fake?.close();
    rmSync(dir, { recursive: true, force: true });
    await database?.drop();
  }, 30_000);

  /** `/avance <text>` to one replica; resolves with what it sent to the response_url. */
  async function avance(replica: 0 | 1, text: string): Promise<string> {
    const url = fake.responseUrl();
    const target = targets[replica];
    if (!target) throw new Error('no such replica');
    const res = await postCommand(target, { command: '/avance', text, response_url: url });
    expect(res.status).toBe(200);
    const path = new URL(url).pathname;
    const posted = await fake.waitFor(() => fake.responses.find((r) => r.path === path), 15_000);
    return JSON.stringify(posted.body);
  }

  it('installs through both replicas: the page on one, the redirect from Slack on the other', async () => {
    const [a, b] = bots as [ListeningBot, ListeningBot];
    fake.oauth.installing = { teamId: 'T0001', teamName: 'Dependencia' };
    fake.oauth.redirectUrl = `${b.baseUrl}/slack/oauth_redirect`;
    const page = await fetch(`${a.baseUrl}/slack/install`);
    const cookie = (page.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
    const href = (/href="([^"]+)"/.exec(await page.text())?.[1] ?? '').replace(/&amp;/g, '&');
    const back = (await fetch(href, { redirect: 'manual' })).headers.get('location') ?? '';
    const done = await fetch(back, { headers: { cookie } });
    expect(done.status).toBe(200);
    expect(await done.text()).toContain('¡Listo!');
  }, 30_000);

  it('answers an event delivered to both replicas once, with the installed token', async () => {
    fake.reset();
    const envelope = eventEnvelope({
      type: 'app_mention',
      user: 'U0001',
      text: '<@UBOT> ¿quién participa en el paso 1.1?',
      ts: '1700000100.000100',
      channel: 'C0001',
      event_ts: '1700000100',
    });
    const [a, b] = await Promise.all(targets.map((t) => postEvent(t, envelope)));
    expect([a?.status, b?.status]).toEqual([200, 200]);
    await fake.waitFor(() => fake.callsTo('chat.postMessage').length > 0, 15_000);
    await new Promise((r) => setTimeout(r, 1500));
    const replies = fake.callsTo('chat.postMessage');
    expect(replies).toHaveLength(1);
    expect(replies[0]?.token).toMatch(/^xoxb-T0001-/);
  }, 40_000);

  it('makes one change when «completar» reaches both replicas at once, and each sees it', async () => {
    expect(await avance(0, 'inicio 2026-01-15')).toContain('15 de enero de 2026');
    const [one, two] = await Promise.all([avance(0, 'completar 1.1'), avance(1, 'completar 1.1')]);
    expect([one, two].filter((r) => r.includes('Paso 1.1 completado'))).toHaveLength(1);
    const history = await avance(1, 'historial 1.1');
    // The same person asks, so the history says «Tú completaste» (another person's change: «completó»).
    expect(history.match(/complet(ó|aste)/g) ?? []).toHaveLength(1);
    // A change made on one replica is what the other shows.
    await avance(1, 'iniciar 1.2');
    expect(await avance(0, '1.2')).toMatch(/en curso/i);
  }, 60_000);

  it('posts the daily summary once per channel when both schedulers reach the minute', async () => {
    // The next whole minute in GUIA_TZ (two if this one is nearly over), so both schedulers see it come.
    const now = DateTime.now().setZone(TZ);
    const at = now.plus({ minutes: now.second > 45 ? 2 : 1 }).startOf('minute');
    expect(await avance(0, `diario ${at.toFormat('HH:mm')}`)).toContain(at.toFormat('HH:mm'));
    fake.reset();
    const waitMs = at.toMillis() - Date.now() + 20_000;
    await fake.waitFor(
      () => fake.callsTo('chat.postMessage').some((c) => c.params.channel === 'C0001'),
      waitMs,
    );
    await new Promise((r) => setTimeout(r, 3000));
    const posts = fake.callsTo('chat.postMessage').filter((c) => c.params.channel === 'C0001');
    expect(posts).toHaveLength(1);
    expect(posts[0]?.token).toMatch(/^xoxb-T0001-/);
  }, 180_000);
});
