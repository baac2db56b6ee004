/**
 * Token rotation with several replicas: a refresh token works once, so two replicas that find the same
 * token about to expire must not both spend it. Each "replica" here is its own withTokenRotation over one
 * installation store (the shared database), talking to the fake Slack over HTTP, which refuses a refresh
 * token used twice as Slack does. Then installedWorkspaces, which reads those installations for the
 * schedulers and the uploader: `tokenFor` reads the team's own installation, not every one.
 */
import { pino } from 'pino';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createMemoryInstallationStore } from '../../src/adapters/memory/installations.ts';
import type { Installation, InstallationStore } from '../../src/ports/installations.ts';
import { createOAuthClient, installedWorkspaces, withTokenRotation } from '../../src/slack/installations.ts';
import { type FakeSlack, type FakeWorkspace, startFakeSlack } from '../helpers/fake-slack.ts';

let fake: FakeSlack;
beforeAll(async () => {
  fake = await startFakeSlack();
});
afterAll(async () => {
  await fake.close();
});
beforeEach(() => fake.reset());

const quiet = pino({ level: 'silent' });
const query = { teamId: 'T1', enterpriseId: undefined, isEnterpriseInstall: false } as const;

/** Installs T1 at the fake (code grant) with a token that expires in `expiresIn` s; stores it. */
async function installExpiring(store: InstallationStore, expiresIn: number): Promise<FakeWorkspace> {
  const workspace: FakeWorkspace = { teamId: 'T1', expiresIn };
  fake.oauth.installing = workspace;
  const page = await fetch(`${fake.authorizeUrl}?state=s&redirect_uri=http://127.0.0.1:9/cb`, {
    redirect: 'manual',
  });
  const code = new URL(page.headers.get('location') ?? '').searchParams.get('code') ?? '';
  const res = (await createOAuthClient(fake.apiUrl).oauth.v2.access({
    code,
    client_id: '1.2',
    client_secret: 's',
  })) as { access_token: string; refresh_token: string; expires_in: number };
  const installation: Installation<'v2', false> = {
    team: { id: 'T1' },
    enterprise: undefined,
    user: { token: undefined, scopes: undefined, id: 'UADMIN' },
    bot: {
      token: res.access_token,
      refreshToken: res.refresh_token,
      expiresAt: Math.floor(Date.now() / 1000) + res.expires_in,
      scopes: ['chat:write'],
      id: 'BBOT',
      userId: 'UBOT',
    },
    isEnterpriseInstall: false,
    authVersion: 'v2',
  };
  await store.storeInstallation(installation);
  // Refreshed tokens last the usual 12 hours.
  workspace.expiresIn = 12 * 3600;
  return workspace;
}

const replica = (store: InstallationStore) =>
  withTokenRotation({ store, clientId: '1.2', clientSecret: 's', apiUrl: fake.apiUrl, logger: quiet });

const refreshCalls = () =>
  fake.callsTo('oauth.v2.access').filter((c) => c.params.grant_type === 'refresh_token');

describe('token rotation across replicas', () => {
  it('refreshes a token about to expire once, however many replicas ask at the same time', async () => {
    const db = createMemoryInstallationStore();
    await installExpiring(db, 60);
    const before = (await db.fetchInstallation(query)).bot?.token;
    fake.reset();
    const [a, b] = [replica(db), replica(db)];
    const got = await Promise.all([a, b, a, b, a].map((r) => r.fetchInstallation(query)));
    expect(refreshCalls()).toHaveLength(1);
    const tokens = new Set(got.map((i) => i.bot?.token));
    expect(tokens.size).toBe(1);
    expect([...tokens][0]).not.toBe(before);
    // The new token and refresh token are what the database keeps, valid for hours.
    const stored = await db.fetchInstallation(query);
    expect(stored.bot?.token).toBe([...tokens][0]);
    expect(stored.bot?.expiresAt ?? 0).toBeGreaterThan(Date.now() / 1000 + 11 * 3600);
    // A later authorization finds it fresh and calls Slack no more.
    await a.fetchInstallation(query);
    expect(refreshCalls()).toHaveLength(1);
  });

  it('leaves a token with hours to go alone', async () => {
    const db = createMemoryInstallationStore();
    await installExpiring(db, 6 * 3600);
    fake.reset();
    await replica(db).fetchInstallation(query);
    expect(refreshCalls()).toHaveLength(0);
  });

  it('(the hazard the lock prevents) the fake Slack refuses a refresh token spent twice', async () => {
    const db = createMemoryInstallationStore();
    await installExpiring(db, 60);
    const refreshToken = (await db.fetchInstallation(query)).bot?.refreshToken ?? '';
    const client = createOAuthClient(fake.apiUrl);
    const spend = () =>
      client.oauth.v2.access({
        client_id: '1.2',
        client_secret: 's',
        grant_type: 'refresh_token',
        refresh_token: refreshToken,
      });
    await spend();
    await expect(spend()).rejects.toThrow(/invalid_refresh_token/);
  });
});

const workspace = (teamId: string): Installation<'v2', false> => ({
  team: { id: teamId },
  enterprise: undefined,
  user: { token: undefined, scopes: undefined, id: 'UADMIN' },
  bot: { token: `xoxb-${teamId}`, scopes: ['chat:write'], id: 'BBOT', userId: 'UBOT' },
  isEnterpriseInstall: false,
  authVersion: 'v2',
});

const org = (enterpriseId: string): Installation<'v2', true> => ({
  team: undefined,
  enterprise: { id: enterpriseId },
  user: { token: undefined, scopes: undefined, id: 'UADMIN' },
  bot: { token: `xoxb-${enterpriseId}`, scopes: ['chat:write'], id: 'BBOT', userId: 'UBOT' },
  isEnterpriseInstall: true,
  authVersion: 'v2',
});

/** The store with every read counted. */
function counted(store: InstallationStore) {
  const reads = { fetch: 0, list: 0 };
  const wrapped: InstallationStore = {
    ...store,
    fetchInstallation: (query) => {
      reads.fetch++;
      return store.fetchInstallation(query);
    },
    listInstallations: () => {
      reads.list++;
      return store.listInstallations();
    },
  };
  return { store: wrapped, reads };
}

describe('installedWorkspaces().tokenFor', () => {
  it("reads only the team's own installation", async () => {
    const memory = createMemoryInstallationStore();
    for (const team of ['T1', 'T2', 'T3', 'T4']) await memory.storeInstallation(workspace(team));
    const { store, reads } = counted(memory);
    const workspaces = installedWorkspaces({ store, apiUrl: fake.apiUrl, logger: quiet });
    expect(await workspaces.tokenFor('T3')).toBe('xoxb-T3');
    expect(reads).toEqual({ fetch: 1, list: 0 });
  });

  it('finds a team covered by an org-wide install, and nothing for a team not installed', async () => {
    const memory = createMemoryInstallationStore();
    await memory.storeInstallation(workspace('T1'));
    await memory.storeInstallation(org('E9'));
    fake.oauth.tokens.set('xoxb-E9', {
      teamId: '',
      enterpriseId: 'E9',
      enterpriseInstall: true,
      orgTeams: ['T91', 'T92'],
    });
    const workspaces = installedWorkspaces({ store: memory, apiUrl: fake.apiUrl, logger: quiet });
    expect(await workspaces.tokenFor('T92')).toBe('xoxb-E9');
    expect(await workspaces.tokenFor('T1')).toBe('xoxb-T1');
    expect(await workspaces.tokenFor('T5')).toBeUndefined();
  });
});
