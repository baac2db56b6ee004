/**
 * Start-up: config → the app built by src/app/wire.ts → the terminal chat, or the Slack app and the daily
 * scheduler until a signal. No composition lives here.
 */
import { createApp } from './app/wire.ts';
import { loadConfig } from './config/config.ts';
import { redactUrls } from './config/redact.ts';

async function main(): Promise<number> {
  const loaded = loadConfig();
  if (!loaded.ok) {
    process.stderr.write(`${redactUrls(loaded.message)}\n`);
    return 1;
  }
  const config = loaded.config;
  const built = await createApp(config);
  if (!built.ok) {
    process.stderr.write(`${redactUrls(built.message)}\n`);
    return 1;
  }
  const app = built.value;
  const { logger } = app;
  process.on('unhandledRejection', (reason) => logger.error({ err: reason }, 'unhandled rejection'));
  process.on('uncaughtException', (error) => logger.error({ err: error }, 'uncaught exception'));

  if (!app.slack) {
    await app.runLocalChat({
      input: process.stdin,
      output: process.stdout,
      interactive: Boolean(process.stdin.isTTY),
    });
    await app.close();
    return 0;
  }

  // Before anything is awaited: a SIGTERM right after "connected" must still shut down cleanly.
  let closing = false;
  const shutdown = async (signal: string) => {
    if (closing) return;
    closing = true;
    logger.info({ signal }, 'shutting down');
    await app.close();
    logger.flush();
    process.exit(0);
  };
  process.once('SIGTERM', () => void shutdown('SIGTERM'));
  process.once('SIGINT', () => void shutdown('SIGINT'));

  try {
    const { port } = await app.slack.start();
    logger.info(
      { port },
      config.mode === 'http' ? 'listening for Slack on HTTP' : 'connected to Slack (Socket Mode)',
    );
  } catch (error) {
    const { describeStartError } = await import('./slack/start-error.ts');
    process.stderr.write(`${describeStartError(error, config.slack?.apiUrl)}\n`);
    // Socket Mode may already have opened the /healthz server and keep reconnecting: close stops both.
    await app.close({ quiet: true });
    return 1;
  }
  await app.startScheduler();
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
