/**
 * Distribution mode end to end: the real Bolt HTTP app (OAuth, no bot token) against the fake Slack, which
 * plays Slack's authorize page and oauth.v2.access. A person opens /slack/install, follows "Agregar a Slack",
 * approves, and comes back with a code; the installation is stored, that team's events are answered with
 * that team's token, its daily posts go out with it, and after app_uninstalled nothing is posted there.
 */
import { ClearStateStore } from '@slack/oauth';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { FakeWorkspace } from '../helpers/fake-slack.ts';
import { eventEnvelope, postCommand, postEvent } from '../helpers/signed-request.ts';
import { OAUTH_ENV, startTestApp, type TestApp } from '../helpers/slack-app.ts';
import { trackerWithDaily } from '../helpers/trackers.ts';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp({
    oauth: {},
    avance: { now: () => new Date('2026-02-10T16:00:00Z'), uploads: true },
  });
});
afterAll(async () => {
  await t.stop();
});
beforeEach(() => {
  t.fake.reset();
});

/** What a browser does: open the install page, follow the button to Slack, come back with the code. */
async function install(workspace: FakeWorkspace): Promise<{ status: number; html: string }> {
  t.fake.oauth.installing = workspace;
  const page = await fetch(`${t.baseUrl}/slack/install`);
  const html = await page.text();
  const cookie = (page.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
  const href = /href="([^"]+)"/.exec(html)?.[1]?.replace(/&amp;/g, '&') ?? '';
  const atSlack = await fetch(href, { redirect: 'manual' });
  const back = atSlack.headers.get('location') ?? '';
  const done = await fetch(back, { headers: { cookie } });
  return { status: done.status, html: await done.text() };
}

const tokenOf = async (teamId: string, enterpriseId?: string, isEnterpriseInstall = false) => {
  const installations = t.app.installations;
  if (!installations) throw new Error('no installation store in distribution mode');
  const found = await installations.fetchInstallation({ teamId, enterpriseId, isEnterpriseInstall } as never);
  return found.bot?.token ?? '';
};

const installed = async (teamId: string) =>
  tokenOf(teamId).then(
    (token) => token !== '',
    () => false,
  );

async function until(check: () => Promise<boolean>, timeoutMs = 3000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((r) => setTimeout(r, 20));
  }
}

let ts = 1_700_000_500;
function mentionFrom(teamId: string, text: string) {
  ts += 1;
  return eventEnvelope(
    { type: 'app_mention', user: 'U0001', text, ts: `${ts}.000100`, channel: 'C0001', event_ts: `${ts}` },
    { teamId },
  ) as Record<string, unknown> & { event_id: string };
}

/** A channel of `teamId` whose daily summary is due at 10:00 local every day. */
const dailyAt10 = (teamId: string, channelId: string) =>
  trackerWithDaily(t.stores.trackers, {
    teamId,
    channelId,
    startDate: '2026-01-05',
    daily: { time: '10:00', days: [1, 2, 3, 4, 5, 6, 7] },
    actor: { userId: 'U0001', source: 'test', at: '2026-02-10T16:00:00Z' },
  });

describe('installing the app into a workspace (OAuth)', () => {
  it('shows a Spanish "Agregar a Slack" page that sets the state cookie and links to Slack', async () => {
    const res = await fetch(`${t.baseUrl}/slack/install`);
    const html = await res.text();
    expect(res.status).toBe(200);
    expect(html).toContain('Agregar a Slack');
    expect(res.headers.get('set-cookie')).toMatch(/^slack-app-oauth-state=[^;]+;.*HttpOnly/i);
    const href = new URL((/href="([^"]+)"/.exec(html)?.[1] ?? '').replace(/&amp;/g, '&'));
    expect(`${href.origin}${href.pathname}`).toBe(t.fake.authorizeUrl);
    expect(href.searchParams.get('client_id')).toBe(OAUTH_ENV.SLACK_CLIENT_ID);
    expect(href.searchParams.get('scope')).toContain('chat:write');
    expect(href.searchParams.get('state')).toBeTruthy();
  });

  it('exchanges the code through SLACK_API_URL, stores the install and answers that team with its token', async () => {
    const done = await install({ teamId: 'T100', teamName: 'Secretaría de Prueba' });
    expect(done.status).toBe(200);
    expect(done.html).toContain('¡Listo!');
    expect(done.html).toContain('Secretaría de Prueba');
    const exchange = t.fake.callsTo('oauth.v2.access');
    expect(exchange).toHaveLength(1);
    expect(exchange[0]?.params).toMatchObject({ client_id: OAUTH_ENV.SLACK_CLIENT_ID });
    const token = await tokenOf('T100');
    expect(token).toMatch(/^xoxb-T100-/);

    await install({ teamId: 'T200', teamName: 'Instituto B' });
    const other = await tokenOf('T200');
    expect(other).not.toBe(token);

    for (const [team, expected] of [
      ['T100', token],
      ['T200', other],
    ] as const) {
      t.fake.reset();
      expect((await postEvent(t.target, mentionFrom(team, '<@UBOT> ¿qué es el paso 1.1?'))).status).toBe(200);
      const reply = await t.fake.waitFor(() => t.fake.callsTo('chat.postMessage')[0]);
      expect(reply.token).toBe(expected);
    }
  });

  it("runs /avance for that team and uploads its CSV export with that team's token", async () => {
    const command = async (text: string) => {
      const url = t.fake.responseUrl();
      await postCommand(t.target, { command: '/avance', text, response_url: url, team_id: 'T200' });
      const path = new URL(url).pathname;
      return JSON.stringify((await t.fake.waitFor(() => t.fake.responses.find((r) => r.path === path))).body);
    };
    expect(await command('inicio 2026-01-15')).toContain('15 de enero de 2026');
    expect(await command('exportar')).toContain('Subí');
    expect(t.fake.callsTo('files.getUploadURLExternal')[0]?.token).toBe(await tokenOf('T200'));
  });

  it('keeps an Enterprise Grid org-wide install and answers its workspaces with the org token', async () => {
    const org: FakeWorkspace = {
      teamId: '',
      enterpriseId: 'E900',
      enterpriseInstall: true,
      orgTeams: ['T901', 'T902'],
    };
    expect((await install(org)).status).toBe(200);
    const token = await tokenOf('', 'E900', true);
    expect(token).toMatch(/^xoxb-E900-/);
    ts += 1;
    const envelope = {
      ...eventEnvelope(
        { type: 'app_mention', user: 'U0001', text: '<@UBOT> plazo del 1.1', ts: `${ts}.1`, channel: 'C9' },
        { teamId: 'T901' },
      ),
      enterprise_id: 'E900',
      is_ext_shared_channel: false,
      authorizations: [
        { enterprise_id: 'E900', team_id: null, user_id: 'UBOT', is_bot: true, is_enterprise_install: true },
      ],
    };
    await postEvent(t.target, envelope);
    const reply = await t.fake.waitFor(() => t.fake.callsTo('chat.postMessage')[0]);
    expect(reply.token).toBe(token);

    // The daily walk reaches the org's workspaces through auth.teams.list, with the org token.
    const tracker = await dailyAt10('T902', 'C902');
    t.fake.reset();
    const run = await t.app.runDaily(new Date('2026-02-11T16:00:00Z'));
    expect(run.posted.concat(run.quiet)).toContain(tracker.id);
    const post = t.fake.callsTo('chat.postMessage').find((c) => c.params.channel === 'C902');
    expect(post?.token).toBe(token);
  });

  it('posts each workspace daily summary with its own token, and none after app_uninstalled', async () => {
    const a = await dailyAt10('T100', 'C100');
    const b = await dailyAt10('T200', 'C200');
    const run = await t.app.runDaily(new Date('2026-02-12T16:00:00Z')); // 10:00 in Mexico City
    expect(run.failed).toEqual([]);
    const posts = t.fake.callsTo('chat.postMessage');
    expect(posts.find((c) => c.params.channel === 'C100')?.token).toBe(await tokenOf('T100'));
    expect(posts.find((c) => c.params.channel === 'C200')?.token).toBe(await tokenOf('T200'));

    const uninstall = eventEnvelope({ type: 'app_uninstalled' }, { teamId: 'T100' });
    expect((await postEvent(t.target, uninstall)).status).toBe(200);
    await until(async () => !(await installed('T100')));
    expect(await installed('T100')).toBe(false);
    expect(await installed('T200')).toBe(true);

    t.fake.reset();
    const next = await t.app.runDaily(new Date('2026-02-13T16:00:00Z'));
    const channels = t.fake.callsTo('chat.postMessage').map((c) => c.params.channel);
    expect(channels).toContain('C200');
    expect(channels).not.toContain('C100');
    expect(next.posted.concat(next.quiet)).not.toContain(a.id);
    expect(next.posted.concat(next.quiet)).toContain(b.id);

    // An event from the uninstalled team is not answered (there is no token to answer with).
    t.fake.reset();
    await postEvent(t.target, mentionFrom('T100', '<@UBOT> hola'));
    await new Promise((r) => setTimeout(r, 300));
    expect(t.fake.callsTo('chat.postMessage')).toHaveLength(0);

    // Reinstalling brings the same tracker (and its history) back into the daily walk.
    await install({ teamId: 'T100', teamName: 'Secretaría de Prueba' });
    expect((await t.stores.trackers.getTracker('T100', 'C100'))?.id).toBe(a.id);
    t.fake.reset();
    await t.app.runDaily(new Date('2026-02-14T16:00:00Z'));
    const back = t.fake.callsTo('chat.postMessage').find((c) => c.params.channel === 'C100');
    expect(back?.token).toBe(await tokenOf('T100'));
  });

  it('refreshes a rotating token once when two events of that team arrive at once', async () => {
    const workspace: FakeWorkspace = { teamId: 'T400', expiresIn: 60 };
    await install(workspace);
    const old = await tokenOf('T400');
    workspace.expiresIn = 12 * 3600;
    t.fake.reset();
    await Promise.all([
      postEvent(t.target, mentionFrom('T400', '<@UBOT> paso 1.1')),
      postEvent(t.target, mentionFrom('T400', '<@UBOT> paso 1.2')),
    ]);
    const replies = await t.fake.waitFor(() => {
      const r = t.fake.callsTo('chat.postMessage');
      return r.length >= 2 ? r : undefined;
    });
    const refreshes = t.fake
      .callsTo('oauth.v2.access')
      .filter((c) => c.params.grant_type === 'refresh_token');
    expect(refreshes).toHaveLength(1);
    const fresh = await tokenOf('T400');
    expect(fresh).not.toBe(old);
    expect(replies.map((r) => r.token)).toEqual([fresh, fresh]);
  });

  it('deletes the tokens on tokens_revoked for the bot', async () => {
    await install({ teamId: 'T300' });
    expect(await installed('T300')).toBe(true);
    const revoked = eventEnvelope({ type: 'tokens_revoked', tokens: { bot: ['UBOT'] } }, { teamId: 'T300' });
    await postEvent(t.target, revoked);
    await until(async () => !(await installed('T300')));
    expect(await installed('T300')).toBe(false);
  });
});

describe('a bad or old install link', () => {
  const callback = (query: string, cookie?: string) =>
    fetch(`${t.baseUrl}/slack/oauth_redirect?${query}`, cookie ? { headers: { cookie } } : {});

  it('refuses a forged state with a Spanish page and stores nothing', async () => {
    const forged = new ClearStateStore('not-our-secret-at-all');
    const state = await forged.generateStateParam({ scopes: ['chat:write'] }, new Date());
    const res = await callback(`code=abc&state=${state}`, `slack-app-oauth-state=${state}`);
    expect(res.status).toBe(400);
    const html = await res.text();
    expect(html).toContain('no es válido o ya venció');
    expect(html).toContain('lang="es"');
    expect(t.fake.callsTo('oauth.v2.access')).toHaveLength(0);
  });

  it('refuses a state older than 10 minutes, and one from another browser (no cookie)', async () => {
    const ours = new ClearStateStore(OAUTH_ENV.SLACK_STATE_SECRET);
    const old = await ours.generateStateParam({ scopes: ['chat:write'] }, new Date(Date.now() - 11 * 60_000));
    const expired = await callback(`code=abc&state=${old}`, `slack-app-oauth-state=${old}`);
    expect(expired.status).toBe(400);
    expect(await expired.text()).toContain('ya venció');

    const fresh = await ours.generateStateParam({ scopes: ['chat:write'] }, new Date());
    const noCookie = await callback(`code=abc&state=${fresh}`);
    expect(noCookie.status).toBe(400);
    expect(await noCookie.text()).toContain('solo sirve en el navegador');
    expect(t.fake.callsTo('oauth.v2.access')).toHaveLength(0);
  });

  it('says in Spanish that the install was cancelled when the person declined', async () => {
    const res = await callback('error=access_denied&state=x');
    expect(await res.text()).toContain('se canceló');
  });
});
