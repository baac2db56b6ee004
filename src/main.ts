/**
 * The one composition root: config → logger → store → guides → answerer → bot services → Slack app or
 * terminal chat. No logic lives here; every piece is built by a factory and wired once.
 */
import { hostname } from 'node:os';
import { pino } from 'pino';
import type { AvanceDeps } from './bot/avance-command.ts';
import { createBot } from './bot/build.ts';
import { loadConfig } from './config/config.ts';
import { LOG_HOOKS, redactUrls } from './config/redact.ts';
import { loadContent } from './content/loader.ts';
import { runLocalChat } from './local/chat.ts';
import { startDailyScheduler } from './schedule/scheduler.ts';
import { createPosterClient, createSlackPoster } from './schedule/slack-poster.ts';
import { createSlackApp, type SlackApp } from './slack/app.ts';
import { createSlackUploader } from './slack/avance-upload.ts';
import { createProcessedEvents } from './slack/processed-events.ts';
import { describeStartError } from './slack/start-error.ts';
import { createFeedbackStore } from './store/feedback-store.ts';
import { SqliteProgressStore } from './store/progress-store.ts';
import { tryOpenDb } from './store/try-open-db.ts';

async function main(): Promise<number> {
  const loaded = loadConfig();
  if (!loaded.ok) {
    process.stderr.write(`${loaded.message}\n`);
    return 1;
  }
  const config = loaded.config;
  // In the terminal chat stdout is the conversation: logs go to stderr.
  const logger = pino(
    { level: config.logLevel, base: { mode: config.mode }, hooks: LOG_HOOKS },
    pino.destination({ fd: config.mode === 'local' ? 2 : 1, sync: config.mode === 'local' }),
  );
  process.on('unhandledRejection', (reason) => logger.error({ err: reason }, 'unhandled rejection'));
  process.on('uncaughtException', (error) => logger.error({ err: error }, 'uncaught exception'));

  const content = loadContent(config.contentDir);
  for (const p of content.problems) logger.warn({ file: p.file, field: p.field }, p.message);
  if (content.guides.length === 0) {
    process.stderr.write(
      `No encontré ninguna guía en «${config.contentDir}» (GUIA_CONTENT_DIR). ` +
        'Revisa la carpeta o ejecuta `npm run guia -- validate`.\n',
    );
    return 1;
  }
  const guides = content.guides;
  logger.info({ guides: guides.map((g) => `${g.id}:${g.steps.length}`) }, 'guide loaded');

  const opened = tryOpenDb(config.dbFile, 'GUIA_DB');
  if (!opened.ok) {
    process.stderr.write(`${opened.message}\n`);
    return 1;
  }
  const db = opened.db;
  const feedback = createFeedbackStore(db);
  // Team progress (issue 5). Its CSV upload is added once the Slack app (and its client) exists; the
  // terminal chat has nowhere to upload to, so there the CSV goes straight into a code block.
  const avance: AvanceDeps = {
    guides,
    store: new SqliteProgressStore(db),
    tz: config.timeZone,
    now: () => new Date(),
    onError: (error) => logger.warn({ err: error }, 'avance: file upload failed'),
  };
  const { deps: bot, commands } = createBot(guides, { questions: feedback, avance });

  if (config.mode === 'local') {
    await runLocalChat({
      input: process.stdin,
      output: process.stdout,
      interactive: Boolean(process.stdin.isTTY),
      deps: bot,
      commands,
      onError: (error) => logger.error({ err: error }, 'local reply failed'),
    });
    db.close();
    return 0;
  }

  const slack: SlackApp = createSlackApp(config, {
    bot,
    commands,
    feedback,
    events: createProcessedEvents(db),
    logger,
    avance,
  });
  avance.uploadFile = createSlackUploader(slack.app.client);
  try {
    const { port } = await slack.start();
    logger.info(
      { port },
      config.mode === 'http' ? 'listening for Slack on HTTP' : 'connected to Slack (Socket Mode)',
    );
  } catch (error) {
    process.stderr.write(`${describeStartError(error, config.slack?.apiUrl)}\n`);
    // Socket Mode may already have opened the /healthz server and keep reconnecting: stop both.
    await slack.stop().catch(() => {});
    db.close();
    return 1;
  }
  const scheduler = startDailyScheduler(
    {
      store: avance.store,
      guides,
      tz: config.timeZone,
      runner: `${hostname()}:${process.pid}`,
      post: createSlackPoster(
        createPosterClient({
          token: config.slack?.botToken ?? '',
          apiUrl: config.slack?.apiUrl,
          fetch: slack.health.fetch,
        }),
      ),
      onError: (error, tracker) =>
        logger.error({ err: error, channel: tracker.channelId }, 'daily post failed'),
    },
    {
      onRun: (run) => {
        if (run.posted.length + run.failed.length + run.removed.length > 0)
          logger.info({ run }, 'daily posts');
        for (const f of run.failures)
          logger.warn({ channel: f.channelId, reason: f.reason }, 'daily post failed');
      },
      onError: (error) => logger.error({ err: error }, 'daily job failed'),
    },
  );

  let closing = false;
  const shutdown = async (signal: string) => {
    if (closing) return;
    closing = true;
    logger.info({ signal }, 'shutting down');
    scheduler.stop();
    try {
      await slack.stop();
    } catch (error) {
      logger.warn({ err: error }, 'error while stopping the Slack app');
    }
    db.close();
    logger.flush();
    process.exit(0);
  };
  process.once('SIGTERM', () => void shutdown('SIGTERM'));
  process.once('SIGINT', () => void shutdown('SIGINT'));
  return -1;
}

main().then(
  (code) => {
    // -1: a server is running; the signal handlers end the process.
    if (code >= 0) process.exitCode = code;
    // A failed start must end the process even if a library left a socket or timer behind.
    if (code > 0) setTimeout(() => process.exit(code), 500).unref();
  },
  (error: unknown) => {
    process.stderr.write(
      redactUrls(`Error al iniciar: ${error instanceof Error ? error.stack : String(error)}\n`),
    );
    process.exitCode = 1;
    setTimeout(() => process.exit(1), 500).unref();
  },
);
