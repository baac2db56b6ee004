/**
 * The one composition root: config → logger → store → guides → answerer → bot services → Slack app or
 * terminal chat. No logic lives here; every piece is built by a factory and wired once.
 */
import { pino } from 'pino';
import { createCommands } from './bot/commands.ts';
import type { BotDeps } from './bot/types.ts';
import { loadConfig } from './config/config.ts';
import { loadContent } from './content/loader.ts';
import { runLocalChat } from './local/chat.ts';
import { createAnswerer } from './search/answerer.ts';
import { createSlackApp, type SlackApp } from './slack/app.ts';
import { createProcessedEvents } from './slack/processed-events.ts';
import { openDb } from './store/db.ts';
import { createFeedbackStore } from './store/feedback-store.ts';

async function main(): Promise<number> {
  const loaded = loadConfig();
  if (!loaded.ok) {
    process.stderr.write(`${loaded.message}\n`);
    return 1;
  }
  const config = loaded.config;
  // In the terminal chat stdout is the conversation: logs go to stderr.
  const logger = pino(
    { level: config.logLevel, base: { mode: config.mode } },
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

  const db = openDb(config.dbFile);
  const feedback = createFeedbackStore(db);
  const bot: BotDeps = {
    guides,
    answerer: createAnswerer(guides),
    questions: feedback,
    // EXTENSION POINT (team progress, issue 5): build the progress store and services from `db`,
    // `guides` and `config.timeZone` here, then add
    //   extraCommands: { [COMMANDS.avance]: avanceCommand },   // Slack + terminal + /guia ayuda
    //   homeSections: [progressHomeSection],                    // Home tab
    //   decorateAnswer: addTeamDueDate,                         // deadline answers
  };
  const commands = createCommands(bot);

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
    isReady: () => guides.length > 0,
  });
  try {
    const { port } = await slack.start();
    logger.info(
      { port },
      config.mode === 'http' ? 'listening for Slack on HTTP' : 'connected to Slack (Socket Mode)',
    );
  } catch (error) {
    process.stderr.write(
      `No pude conectar con Slack: ${error instanceof Error ? error.message : String(error)}. ` +
        'Revisa SLACK_BOT_TOKEN (y SLACK_APP_TOKEN en Socket Mode).\n',
    );
    db.close();
    return 1;
  }
  // EXTENSION POINT (team progress, issue 5): start the daily scheduler here and stop it in shutdown().

  let closing = false;
  const shutdown = async (signal: string) => {
    if (closing) return;
    closing = true;
    logger.info({ signal }, 'shutting down');
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
  },
  (error: unknown) => {
    process.stderr.write(`Error al iniciar: ${error instanceof Error ? error.stack : String(error)}\n`);
    process.exitCode = 1;
  },
);
