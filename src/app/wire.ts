/**
 * The one composition root: config → logger → stores → guides → bot services → Slack app or terminal chat
 * → daily scheduler. `src/main.ts`, the `guia` commands and the tests all build the app here; tests pass
 * overrides (stores, clock, guides, Web API retries) instead of composing it again. Slack code is imported
 * only in the modes that talk to Slack.
 */
import { hostname } from 'node:os';
import { resolve } from 'node:path';
import type { Readable, Writable } from 'node:stream';
import { type Logger, pino } from 'pino';
import { openSqlStores } from '../adapters/sql/open.ts';
import type { AvanceDeps } from '../bot/avance-command.ts';
import { type Bot, createBot } from '../bot/build.ts';
import type { BotDeps } from '../bot/types.ts';
import type { Config, DatabaseConfig } from '../config/config.ts';
import { LOG_HOOKS } from '../config/redact.ts';
import { loadAnswerContent } from '../content/glossary.ts';
import { loadContent } from '../content/loader.ts';
import type { Guide } from '../content/model.ts';
import { progressPorts, type Stores } from '../ports/index.ts';
import type { InstallationStore } from '../ports/installations.ts';
import type { DailyDeps, DailyRun } from '../schedule/daily.ts';
import type { DailyScheduler } from '../schedule/scheduler.ts';
import type { WeeklyDeps, WeeklyScheduler } from '../schedule/weekly.ts';
import type { ScheduledPosting, ScheduledWorkspace } from '../schedule/workspaces.ts';
import type { SlackApp, SlackAppOptions } from '../slack/app.ts';
import type { Workspaces } from '../slack/installations.ts';

export type Wired<T> = { ok: true; value: T } | { ok: false; message: string };

/** What a test (or a special entry point) replaces; everything else comes from the config. */
export interface AppOverrides {
  /** Instead of opening GUIA_DB. The app owns them: `close()` closes them. */
  stores?: Stores;
  logger?: Logger;
  /** Instead of loading GUIA_CONTENT_DIR. */
  guides?: Guide[];
  /** The clock of `/avance` (due dates, "today"). */
  now?: () => Date;
  /** Team progress (`/avance`, its Home section and buttons, due dates on answers); on unless false. */
  avance?: boolean;
  /** `/avance exportar` uploads through files.uploadV2 in Slack modes; on unless false (then a code block). */
  uploads?: boolean;
  /** More bot deps (extra commands, Home sections, an answer decorator). */
  extraBotDeps?: (stores: Stores) => Partial<BotDeps>;
  /** Bolt's Web API retries and the interface to listen on. */
  slack?: SlackAppOptions;
}

export interface GuiaApp {
  config: Readonly<Config>;
  logger: Logger;
  guides: Guide[];
  stores: Stores;
  bot: Bot;
  /** Set unless `overrides.avance` is false. */
  avance?: AvanceDeps;
  /** Set in Socket Mode and HTTP mode; call `start()` on it. */
  slack?: SlackApp;
  /** The terminal chat on stdin/stdout-like streams, with the same bot (local mode). */
  runLocalChat(io: { input: Readable; output: Writable; interactive: boolean }): Promise<void>;
  /** The daily posts every minute, with their own Web API client (Slack modes only). */
  startScheduler(): Promise<DailyScheduler>;
  /**
   * One pass of what the scheduler runs each minute: the daily posts due at `now` in every installed
   * workspace, each with its own token, paced (Slack modes only).
   */
  runDaily(now: Date): Promise<DailyRun>;
  /** Distribution mode: the installations (with token rotation) Bolt and the schedulers read. */
  installations?: InstallationStore;
  /**
   * Stops the scheduler and the Slack app, then closes the stores. Safe to call twice. A failing Slack
   * stop is logged, or ignored with `quiet` (after a failed start, when there is nothing to stop).
   */
  close(opts?: { quiet?: boolean }): Promise<void>;
}

/** Logs are JSON lines; in the terminal chat stdout is the conversation, so they go to stderr. */
export function createLogger(config: Pick<Config, 'logLevel' | 'mode'>): Logger {
  return pino(
    // Every line, whatever logged it (Bolt, the Web API client, us), loses URL credentials.
    { level: config.logLevel, base: { mode: config.mode }, hooks: LOG_HOOKS },
    pino.destination({ fd: config.mode === 'local' ? 2 : 1, sync: config.mode === 'local' }),
  );
}

/**
 * The stores of the configured database, opened and migrated (a SQLite path is GUIA_DB or `--db`): a
 * database that cannot be used, or one written by a newer version, is a Spanish message naming `source`.
 */
export async function openStores(database: DatabaseConfig | string, source?: string): Promise<Wired<Stores>> {
  const target: DatabaseConfig = typeof database === 'string' ? { kind: 'sqlite', file: database } : database;
  const opened = await openSqlStores(
    target,
    source ?? (target.kind === 'sqlite' ? 'GUIA_DB' : 'DATABASE_URL'),
  );
  return opened.ok ? { ok: true, value: opened.stores } : opened;
}

/** What the scheduled posts (daily and weekly) are built from. */
export interface PosterOptions<OnError> {
  stores: Stores;
  guides: Guide[];
  tz: string;
  token: string;
  apiUrl?: string | undefined;
  runner: string;
  onError?: OnError;
  /** The Slack app's monitored fetch, so /healthz also sees the daily posts. */
  fetch?: typeof fetch;
}

/** The daily posts' deps: the progress ports and a poster with its own Web API client (see slack-poster). */
export async function createDailyDeps(opts: PosterOptions<DailyDeps['onError']>): Promise<DailyDeps> {
  const { createPosterClient, createSlackDm, createSlackPoster } = await import(
    '../schedule/slack-poster.ts'
  );
  const { createUserNames } = await import('../schedule/user-names.ts');
  const client = createPosterClient({
    token: opts.token,
    apiUrl: opts.apiUrl,
    ...(opts.fetch ? { fetch: opts.fetch } : {}),
  });
  return {
    ...progressPorts(opts.stores),
    coordination: opts.stores.coordination,
    guides: opts.guides,
    tz: opts.tz,
    runner: opts.runner,
    post: createSlackPoster(client),
    dm: createSlackDm(client),
    names: createUserNames(client),
    ...(opts.onError ? { onError: opts.onError } : {}),
  };
}

/**
 * `/avance exportar` through files.uploadV2: with the bot token, or in distribution mode with the token of
 * the workspace that asked (a workspace that is not installed any more gets the CSV in a code block).
 */
async function createUploader(
  slack: NonNullable<Config['slack']>,
  workspaces: Workspaces | undefined,
  retryConfig: SlackAppOptions['retryConfig'],
): Promise<AvanceDeps['uploadFile']> {
  const upload = await import('../slack/avance-upload.ts');
  const clientFor = (token: string) =>
    upload.createUploadClient({ token, apiUrl: slack.apiUrl, retryConfig });
  if (slack.botToken) return upload.createSlackUploader(clientFor(slack.botToken));
  if (!workspaces) return undefined;
  return async (file) => {
    const token = await workspaces.tokenFor(file.teamId);
    if (!token) throw new Error(`workspace ${file.teamId} is not installed`);
    await upload.createSlackUploader(clientFor(token))(file);
  };
}

/**
 * The schedulers' hook: every installed workspace (one in the single-token modes) with its own token, and
 * one pacer for all their scheduled posts (per-channel rate, per-workspace budget, Retry-After).
 */
export async function createScheduledPosting(opts: {
  apiUrl?: string | undefined;
  /** The single-token modes. */
  token?: string | undefined;
  /** Distribution mode: the app's one view of the installed workspaces (shared with the uploader). */
  workspaces?: Workspaces | undefined;
  /** The Slack app's monitored fetch, so /healthz also sees the scheduled posts. */
  fetch?: typeof fetch;
}): Promise<ScheduledPosting> {
  const [{ createPacer }, poster, ws] = await Promise.all([
    import('../slack/pacing.ts'),
    import('../schedule/slack-poster.ts'),
    import('../slack/installations.ts'),
  ]);
  let workspaces: Workspaces;
  if (opts.token) workspaces = ws.singleWorkspace(opts.token);
  else if (opts.workspaces) workspaces = opts.workspaces;
  else throw new Error('scheduled posts need a bot token or the installations');
  const pacer = createPacer();
  return {
    workspaces: () => workspaces.list(),
    posterFor: (w) =>
      poster.createSlackPoster(
        poster.createPosterClient({
          token: w.token,
          apiUrl: opts.apiUrl,
          rejectRateLimitedCalls: true,
          ...(opts.fetch ? { fetch: opts.fetch } : {}),
        }),
        { pacer, workspace: w.teamId },
      ),
  };
}

/** What the scheduler runs each minute: the daily posts of every installed workspace, through `posting`. */
async function createDailyPass(opts: {
  stores: Stores;
  guides: Guide[];
  tz: string;
  runner: string;
  logger: Logger;
  posting: ScheduledPosting;
  apiUrl?: string | undefined;
  fetch?: typeof fetch;
}): Promise<(now: Date) => Promise<DailyRun>> {
  const [{ runDailyForWorkspaces }, poster, { createUserNames }] = await Promise.all([
    import('../schedule/workspaces.ts'),
    import('../schedule/slack-poster.ts'),
    import('../schedule/user-names.ts'),
  ]);
  const { logger, posting } = opts;
  // One DM sender and one names cache per workspace token, kept across passes (the cache is the point).
  const people = new Map<string, Pick<DailyDeps, 'dm' | 'names'>>();
  const peopleFor = (w: ScheduledWorkspace): Pick<DailyDeps, 'dm' | 'names'> => {
    let found = people.get(w.token);
    if (!found) {
      const client = poster.createPosterClient({
        token: w.token,
        apiUrl: opts.apiUrl,
        ...(opts.fetch ? { fetch: opts.fetch } : {}),
      });
      found = { dm: poster.createSlackDm(client), names: createUserNames(client) };
      if (people.size > 1000) people.clear();
      people.set(w.token, found);
    }
    return found;
  };
  const daily: Omit<DailyDeps, 'post'> = {
    ...progressPorts(opts.stores),
    coordination: opts.stores.coordination,
    guides: opts.guides,
    tz: opts.tz,
    runner: opts.runner,
    onError: (error, tracker) =>
      logger.error({ err: error, channel: tracker.channelId }, 'daily post failed'),
  };
  return (now) =>
    runDailyForWorkspaces(
      {
        daily,
        workspaces: () => posting.workspaces(),
        posterFor: (w) => posting.posterFor(w),
        peopleFor,
        onWorkspaceError: (error, teamId) => logger.error({ err: error, team: teamId }, 'daily posts failed'),
      },
      now,
    );
}

/** The weekly reports' deps: the daily poster's client for the message, an upload client for the chart. */
export async function createWeeklyDeps(opts: PosterOptions<WeeklyDeps['onError']>): Promise<WeeklyDeps> {
  const [{ createPosterClient, createSlackPoster }, { createUploadClient }, { createSlackChartUploader }] =
    await Promise.all([
      import('../schedule/slack-poster.ts'),
      import('../slack/avance-upload.ts'),
      import('../slack/chart-upload.ts'),
    ]);
  return {
    ...progressPorts(opts.stores),
    coordination: opts.stores.coordination,
    guides: opts.guides,
    tz: opts.tz,
    runner: opts.runner,
    post: createSlackPoster(
      createPosterClient({
        token: opts.token,
        apiUrl: opts.apiUrl,
        ...(opts.fetch ? { fetch: opts.fetch } : {}),
      }),
    ),
    uploadChart: createSlackChartUploader(createUploadClient({ token: opts.token, apiUrl: opts.apiUrl })),
    ...(opts.onError ? { onError: opts.onError } : {}),
  };
}

/** Names this process in claim rows (host:pid), for whoever reads the database. */
export const runnerName = (prefix = ''): string => `${prefix}${hostname()}:${process.pid}`;

/** Builds the whole app from a parsed config. Nothing is started: call `slack.start()` or `runLocalChat`. */
export async function createApp(
  config: Readonly<Config>,
  overrides: AppOverrides = {},
): Promise<Wired<GuiaApp>> {
  const logger = overrides.logger ?? createLogger(config);
  let guides = overrides.guides;
  if (!guides) {
    const content = loadContent(config.contentDir);
    for (const p of content.problems) logger.warn({ file: p.file, field: p.field }, p.message);
    guides = content.guides;
  }
  if (guides.length === 0) {
    return {
      ok: false,
      message:
        `No encontré ninguna guía en «${config.contentDir}» (GUIA_CONTENT_DIR). ` +
        'Revisa la carpeta o ejecuta `npm run guia -- validate`.',
    };
  }
  logger.info({ guides: guides.map((g) => `${g.id}:${g.steps.length}`) }, 'guide loaded');

  let opened = overrides.stores;
  if (!opened) {
    const result = await openStores(config.database);
    if (!result.ok) return result;
    opened = result.value;
  }
  const stores = opened;

  const slackConfig = config.mode === 'local' ? undefined : config.slack;
  // Slack code is loaded only in the modes that talk to Slack (the terminal chat starts faster without it).
  const slackModule = slackConfig ? await import('../slack/app.ts') : undefined;
  // Distribution mode: Bolt and the schedulers read the installations through one token-rotating store.
  let installations: InstallationStore | undefined;
  let workspaces: Workspaces | undefined;
  if (slackConfig?.oauth) {
    let store = stores.installations;
    if (!store) {
      const { createMemoryInstallationStore } = await import('../adapters/memory/installations.ts');
      logger.warn(
        'installations kept in memory: they are lost on restart (this database has no SQL store for them)',
      );
      store = createMemoryInstallationStore();
    }
    const { installedWorkspaces, withTokenRotation } = await import('../slack/installations.ts');
    installations = withTokenRotation({
      store,
      clientId: slackConfig.oauth.clientId,
      clientSecret: slackConfig.oauth.clientSecret,
      apiUrl: slackConfig.apiUrl,
      logger,
    });
    // One view of the installed workspaces for the uploader and the schedulers: one org-teams cache.
    workspaces = installedWorkspaces({ store: installations, apiUrl: slackConfig.apiUrl, logger });
  }

  const uploads = Boolean(slackConfig) && overrides.avance !== false && overrides.uploads !== false;
  const uploadFile =
    slackConfig && uploads
      ? await createUploader(slackConfig, workspaces, overrides.slack?.retryConfig)
      : undefined;
  // Charts go up with the bot token; distribution mode has none (see createUploader for the CSV).
  const uploadClient =
    uploads && slackConfig?.botToken
      ? (await import('../slack/avance-upload.ts')).createUploadClient({
          token: slackConfig.botToken,
          apiUrl: slackConfig.apiUrl,
          retryConfig: overrides.slack?.retryConfig,
        })
      : undefined;
  const chartUploader =
    uploadClient && (await import('../slack/chart-upload.ts')).createSlackChartUploader(uploadClient);
  // `/avance grafica`: uploaded to the channel in Slack; in the terminal chat a PNG in the working folder.
  const saveChart: AvanceDeps['saveChart'] = chartUploader
    ? async (chart) => {
        const result = await chartUploader({ ...chart, comment: chart.title });
        if (!result.ok) throw new Error(`chart upload: ${result.reason}`);
        return 'la subí al canal';
      }
    : slackConfig
      ? undefined
      : async (chart) => {
          const { writeFile } = await import('node:fs/promises');
          const file = resolve(chart.filename);
          await writeFile(file, chart.png);
          return `la guardé en ${file}`;
        };
  // `/avance diario` asks Slack whether the bot is in the channel before promising a daily post.
  // Distribution mode (no single bot token) skips the check for now: a failed post is still told by DM.
  const botToken = slackConfig?.botToken;
  const channelAccess =
    slackConfig && botToken && overrides.avance !== false
      ? await import('../schedule/slack-poster.ts').then((m) =>
          m.createChannelAccess(m.createPosterClient({ token: botToken, apiUrl: slackConfig.apiUrl })),
        )
      : undefined;
  // Without an uploader (the terminal chat) `/avance exportar` puts the CSV in a code block.
  const avance: AvanceDeps | undefined =
    overrides.avance === false
      ? undefined
      : {
          ...progressPorts(stores),
          guides,
          tz: config.timeZone,
          now: overrides.now ?? (() => new Date()),
          ...(uploadFile ? { uploadFile } : {}),
          coordination: stores.coordination,
          ...(saveChart ? { saveChart } : {}),
          ...(channelAccess ? { channelAccess } : {}),
          onError: (error) => logger.warn({ err: error }, 'avance: file upload failed'),
        };
  // The glossary and the editors' vocabulary: a problem there is logged; the bot answers without them.
  const answerContent = loadAnswerContent(config.contentDir, guides);
  for (const p of answerContent.problems) logger.warn({ file: p.file, field: p.field }, p.message);
  const bot = createBot(guides, {
    questions: stores.feedback,
    content: answerContent,
    // Follow-ups in DMs, threads and the terminal chat (issue 8).
    context: stores.context,
    ...(avance ? { avance } : {}),
    ...(overrides.extraBotDeps ? { extra: overrides.extraBotDeps(stores) } : {}),
  });

  const slack = slackModule?.createSlackApp(
    config,
    {
      bot: bot.deps,
      commands: bot.commands,
      feedback: stores.feedback,
      events: stores.dedupe,
      health: () => stores.health(),
      logger,
      ...(avance ? { avance } : {}),
      ...(installations ? { installations } : {}),
    },
    overrides.slack,
  );

  let posting: Promise<ScheduledPosting> | undefined;
  const scheduledPosting = (): Promise<ScheduledPosting> => {
    if (!slackConfig) return Promise.reject(new Error('scheduled posts need Slack credentials'));
    posting ??= createScheduledPosting({
      apiUrl: slackConfig.apiUrl,
      token: slackConfig.botToken,
      workspaces,
      ...(slack ? { fetch: slack.health.fetch } : {}),
    });
    return posting;
  };
  let dailyPass: ((now: Date) => Promise<DailyRun>) | undefined;
  const runDailyPass = async (now: Date): Promise<DailyRun> => {
    dailyPass ??= await createDailyPass({
      stores,
      guides,
      tz: config.timeZone,
      runner: runnerName(),
      logger,
      posting: await scheduledPosting(),
      apiUrl: slackConfig?.apiUrl,
      ...(slack ? { fetch: slack.health.fetch } : {}),
    });
    return dailyPass(now);
  };

  let scheduler: DailyScheduler | undefined;
  let weeklyScheduler: WeeklyScheduler | undefined;
  let closed = false;
  const app: GuiaApp = {
    config,
    logger,
    guides,
    stores,
    bot,
    ...(avance ? { avance } : {}),
    ...(slack ? { slack } : {}),
    ...(installations ? { installations } : {}),
    runDaily: runDailyPass,
    async runLocalChat(io) {
      const { runLocalChat } = await import('../local/chat.ts');
      await runLocalChat({
        ...io,
        deps: bot.deps,
        commands: bot.commands,
        onError: (error) => logger.error({ err: error }, 'local reply failed'),
      });
    },
    async startScheduler() {
      if (!slackConfig) throw new Error('the daily posts need Slack credentials');
      const { startDailyScheduler } = await import('../schedule/scheduler.ts');
      scheduler?.stop();
      const started = startDailyScheduler(
        { tz: config.timeZone, run: runDailyPass },
        {
          onRun: (run: DailyRun) => {
            if (run.posted.length + run.failed.length + run.removed.length > 0)
              logger.info({ run }, 'daily posts');
            for (const f of run.failures)
              logger.warn({ channel: f.channelId, reason: f.reason }, 'daily post failed');
            if (run.reminders && run.reminders.sent.length + run.reminders.failed.length > 0)
              logger.info({ reminders: run.reminders }, 'reminders');
          },
          onError: (error) => logger.error({ err: error }, 'daily job failed'),
        },
      );
      // Weekly reports still post with the one bot token: not yet per installation in distribution mode.
      let weekly: WeeklyScheduler | undefined;
      if (slackConfig.botToken) {
        const { startWeeklyScheduler } = await import('../schedule/weekly.ts');
        const weeklyDeps = await createWeeklyDeps({
          stores,
          guides,
          tz: config.timeZone,
          token: slackConfig.botToken,
          apiUrl: slackConfig.apiUrl,
          runner: runnerName(),
          ...(slack ? { fetch: slack.health.fetch } : {}),
          onError: (error, channelId) =>
            logger.error({ err: error, channel: channelId }, 'weekly report failed'),
        });
        weeklyScheduler?.stop();
        weekly = startWeeklyScheduler(weeklyDeps, {
          onRun: (run) => {
            if (run.posted.length + run.failed.length > 0) logger.info({ run }, 'weekly reports');
            for (const f of run.failures)
              logger.warn({ channel: f.channelId, reason: f.reason }, 'weekly report failed');
          },
          onError: (error) => logger.error({ err: error }, 'weekly job failed'),
        });
      } else logger.warn('weekly reports are not sent in distribution mode yet');
      // Closed while the modules loaded (a signal during start-up): leave nothing ticking.
      if (closed) {
        started.stop();
        weekly?.stop();
      } else {
        scheduler = started;
        weeklyScheduler = weekly;
      }
      return started;
    },
    async close(opts = {}) {
      if (closed) return;
      closed = true;
      scheduler?.stop();
      weeklyScheduler?.stop();
      if (slack) {
        try {
          await slack.stop();
        } catch (error) {
          if (!opts.quiet) logger.warn({ err: error }, 'error while stopping the Slack app');
        }
      }
      await stores.close();
    },
  };
  return { ok: true, value: app };
}
