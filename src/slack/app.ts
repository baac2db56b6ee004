import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { App } from '@slack/bolt';
import type { RetryOptions } from '@slack/web-api';
import type { Config } from '../config/config.ts';
import { boltLogger } from './bolt-logger.ts';
import type { SlackDeps } from './deps.ts';
import { registerListeners } from './listeners/index.ts';

export interface SlackAppOptions {
  /** Web API retries; the default keeps Bolt's (≈30 min, honouring Retry-After). Tests use few or none. */
  retryConfig?: RetryOptions;
  /** HTTP mode: interface to listen on (default: all). */
  host?: string;
}

export interface SlackApp {
  app: App;
  /** Starts receiving; in HTTP mode resolves with the port actually bound. */
  start(): Promise<{ port?: number }>;
  stop(): Promise<void>;
}

/** The Bolt app in Socket Mode or HTTP mode, with every listener registered. Call start(). */
export function createSlackApp(config: Config, deps: SlackDeps, options: SlackAppOptions = {}): SlackApp {
  const slack = config.slack;
  if (!slack || config.mode === 'local') throw new Error('createSlackApp needs Slack credentials');
  const healthz = {
    path: '/healthz',
    method: ['GET'],
    handler: (_req: unknown, res: import('node:http').ServerResponse) => {
      const ready = deps.isReady();
      res.writeHead(ready ? 200 : 503, { 'content-type': 'text/plain; charset=utf-8' });
      res.end(ready ? 'ok' : 'cargando');
    },
  };
  const app = new App({
    token: slack.botToken,
    // auth.test once, in start(), so a wrong token becomes a clear error instead of an unhandled rejection.
    deferInitialization: true,
    logger: boltLogger(deps.logger),
    clientOptions: {
      ...(slack.apiUrl ? { slackApiUrl: slack.apiUrl } : {}),
      ...(options.retryConfig ? { retryConfig: options.retryConfig } : {}),
    },
    customRoutes: [healthz],
    ...(config.mode === 'socket'
      ? {
          socketMode: true,
          appToken: slack.appToken,
          // In Socket Mode /healthz is served by a small HTTP server on PORT.
          installerOptions: { port: config.port },
        }
      : { signingSecret: slack.signingSecret }),
  });

  // Slack retries events it thinks were lost, even while the first copy is still being answered:
  // claim each event_id before any listener runs, and drop repeats.
  app.use(async ({ body, next, context }) => {
    const eventId = (body as { event_id?: unknown }).event_id;
    if (typeof eventId === 'string' && !deps.events.claim(eventId)) {
      deps.logger.info({ eventId, retryNum: context.retryNum }, 'duplicate event ignored');
      return;
    }
    await next();
  });
  registerListeners(app, deps);
  app.error(async (error) => {
    deps.logger.error({ err: error }, 'unhandled error in a listener');
  });

  return {
    app,
    async start() {
      await app.init();
      if (config.mode === 'socket') {
        await app.start();
        return {};
      }
      const server = (await app.start({
        port: config.port,
        ...(options.host ? { host: options.host } : {}),
      })) as Server;
      return { port: (server.address() as AddressInfo).port };
    },
    async stop() {
      await app.stop();
    },
  };
}
