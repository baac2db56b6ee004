import { webApi } from '@slack/bolt';
import type { WebClient } from '@slack/web-api';
import type { Logger } from 'pino';
import type {
  Installation,
  InstallationKey,
  InstallationQuery,
  InstallationStore,
} from '../ports/installations.ts';
import { installationKey, keyOfInstallation } from '../ports/installations.ts';

/**
 * Bolt's InstallProvider refreshes a rotating token that expires within 2 hours, with no lock: two replicas
 * would both spend the same refresh token (it works once) and one would store a dead token. So the store
 * Bolt reads refreshes first, a little earlier than Bolt would, under the installation's lock, re-reading
 * inside it: whoever gets the lock second finds a fresh token and refreshes nothing.
 */
const REFRESH_MARGIN_S = 2 * 60 * 60 + 10 * 60;
/** Per attempt; a refresh that hangs must not hold the lock (and every reply of that workspace) for long. */
const OAUTH_TIMEOUT_MS = 10_000;

type AnyInstallation = Installation;

export interface TokenRotationOptions {
  store: InstallationStore;
  clientId: string;
  clientSecret: string;
  apiUrl?: string | undefined;
  logger: Logger;
  /** Seconds since the epoch (tests move it). */
  nowS?: () => number;
}

/**
 * A Web API client without a token, for oauth.v2.access and the calls that pass their own token
 * (auth.teams.list), through SLACK_API_URL like every other call.
 */
export function createOAuthClient(apiUrl: string | undefined): WebClient {
  return new webApi.WebClient(undefined, {
    ...(apiUrl ? { slackApiUrl: apiUrl } : {}),
    retryConfig: { retries: 1 },
    timeout: OAUTH_TIMEOUT_MS,
    logLevel: webApi.LogLevel.ERROR,
  });
}

const expiring = (installation: AnyInstallation, nowS: number): boolean => {
  const bot = installation.bot;
  return Boolean(bot?.refreshToken && bot.expiresAt !== undefined && bot.expiresAt - nowS < REFRESH_MARGIN_S);
};

/**
 * The installation store Bolt is given: the same rows, but `fetchInstallation` hands out a bot token that is
 * not about to expire, refreshing it under the installation's lock when needed.
 */
export function withTokenRotation(opts: TokenRotationOptions): InstallationStore {
  const { store } = opts;
  const nowS = opts.nowS ?? (() => Math.floor(Date.now() / 1000));
  const client = createOAuthClient(opts.apiUrl);

  const refresh = async (
    installation: AnyInstallation,
    save: (i: AnyInstallation) => Promise<void>,
  ): Promise<AnyInstallation> => {
    const bot = installation.bot;
    if (!bot?.refreshToken) return installation;
    const res = (await client.oauth.v2.access({
      client_id: opts.clientId,
      client_secret: opts.clientSecret,
      grant_type: 'refresh_token',
      refresh_token: bot.refreshToken,
    })) as { access_token?: string; refresh_token?: string; expires_in?: number };
    if (!res.access_token || !res.refresh_token || res.expires_in === undefined) {
      throw new Error('oauth.v2.access answered a refresh without access_token, refresh_token or expires_in');
    }
    const updated: AnyInstallation = {
      ...installation,
      bot: {
        ...bot,
        token: res.access_token,
        refreshToken: res.refresh_token,
        expiresAt: nowS() + res.expires_in,
      },
    };
    await save(updated);
    opts.logger.info({ installation: keyOfInstallation(updated) }, 'bot token refreshed');
    return updated;
  };

  const fresh = async (query: InstallationQuery<boolean>): Promise<AnyInstallation> => {
    const first = (await store.fetchInstallation(query)) as AnyInstallation;
    if (!expiring(first, nowS())) return first;
    return store.withInstallationLock(query, async (locked) => {
      // Another replica (or request) may have refreshed while we waited for the lock.
      const current = await locked.fetch();
      if (!current) throw new Error(`installation ${installationKey(query)} was deleted during a refresh`);
      return expiring(current, nowS()) ? refresh(current, (i) => locked.store(i)) : current;
    });
  };

  return {
    storeInstallation: (installation) => store.storeInstallation(installation),
    fetchInstallation: fresh,
    deleteInstallation: (query) => store.deleteInstallation(query),
    listInstallations: () => store.listInstallations(),
    withInstallationLock: (key, fn) => store.withInstallationLock(key, fn),
  };
}

/** One installed workspace as the schedulers see it: its team and a current bot token. */
export interface Workspace {
  key: InstallationKey;
  teamId: string;
  token: string;
}

/** Org-wide installs cover many workspaces; auth.teams.list names them (cached this long). */
const ORG_TEAMS_TTL_MS = 10 * 60 * 1000;

/**
 * The one "is this team installed, and with which token" check the schedulers (daily posts, and reminders
 * and weekly reports when they come) and the CSV uploader call: a team that uninstalled the app has no
 * token, so nothing is posted there, while its progress history stays in the database for when it
 * installs again.
 */
export interface Workspaces {
  /** Every installed workspace with a fresh token (org-wide installs expanded to their workspaces). */
  list(): Promise<Workspace[]>;
  /** The team's token, or undefined when the app is not installed there. */
  tokenFor(teamId: string): Promise<string | undefined>;
}

/** A single-token mode (Socket Mode, HTTP with SLACK_BOT_TOKEN): one workspace, every team maps to it. */
export function singleWorkspace(token: string): Workspaces {
  return {
    list: async () => [{ key: { isEnterpriseInstall: false }, teamId: '*', token }],
    tokenFor: async () => token,
  };
}

/** Distribution mode: the installations in the database, each with its own (rotated) token. */
export function installedWorkspaces(opts: {
  store: InstallationStore;
  apiUrl?: string | undefined;
  logger: Logger;
}): Workspaces {
  const orgTeams = new Map<string, { at: number; teams: string[] }>();
  // One client for every org, the token per call: the same URL, timeout and retries as the OAuth calls.
  const client = createOAuthClient(opts.apiUrl);
  const teamsOfOrg = async (key: InstallationKey, token: string): Promise<string[]> => {
    const id = installationKey(key);
    const cached = orgTeams.get(id);
    if (cached && Date.now() - cached.at < ORG_TEAMS_TTL_MS) return cached.teams;
    const teams: string[] = [];
    let cursor: string | undefined;
    do {
      const res = await client.auth.teams.list({ token, limit: 200, ...(cursor ? { cursor } : {}) });
      for (const t of res.teams ?? []) if (t.id) teams.push(t.id);
      cursor = res.response_metadata?.next_cursor || undefined;
    } while (cursor);
    orgTeams.set(id, { at: Date.now(), teams });
    return teams;
  };

  /** The installation's current (refreshed if need be) bot token; throws when there is none. */
  const tokenOf = async (key: InstallationKey): Promise<string | undefined> =>
    (await opts.store.fetchInstallation(key as InstallationQuery<boolean>)).bot?.token;

  const list = async (): Promise<Workspace[]> => {
    const out: Workspace[] = [];
    for (const key of await opts.store.listInstallations()) {
      try {
        const token = await tokenOf(key);
        if (!token) continue;
        const teams = key.isEnterpriseInstall ? await teamsOfOrg(key, token) : [key.teamId ?? ''];
        for (const teamId of teams) out.push({ key, teamId, token });
      } catch (error) {
        // One installation's bad row or failed refresh never hides the others.
        opts.logger.warn({ err: error, installation: installationKey(key) }, 'installation skipped');
      }
    }
    // A workspace installed on its own wins over the org-wide install that also covers it.
    const byTeam = new Map<string, Workspace>();
    for (const w of out) if (!byTeam.has(w.teamId) || !w.key.isEnterpriseInstall) byTeam.set(w.teamId, w);
    return [...byTeam.values()];
  };

  return {
    list,
    async tokenFor(teamId) {
      // The team's own install, one row (it wins over an org-wide one, as in list()); not every installation.
      try {
        const token = await tokenOf({ teamId, enterpriseId: undefined, isEnterpriseInstall: false });
        if (token) return token;
      } catch (error) {
        // fetchInstallation throws when the team has no install of its own: an org-wide one may cover it.
        opts.logger.debug({ err: error, team: teamId }, 'no workspace install, trying org-wide ones');
      }
      for (const key of await opts.store.listInstallations()) {
        if (!key.isEnterpriseInstall) continue;
        try {
          const token = await tokenOf(key);
          if (token && (await teamsOfOrg(key, token)).includes(teamId)) return token;
        } catch (error) {
          opts.logger.warn({ err: error, installation: installationKey(key) }, 'installation skipped');
        }
      }
      return undefined;
    },
  };
}
