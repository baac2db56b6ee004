import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { App, SocketModeReceiver, webApi } from '@slack/bolt';
import type { RetryOptions } from '@slack/web-api';
import type { Config } from '../config/config.ts';
import { boltLogger } from './bolt-logger.ts';
import type { SlackDeps } from './deps.ts';
import { registerListeners } from './listeners/index.ts';
import { oauthAppOptions, registerUninstall } from './oauth.ts';

/**
 * The start-up auth.test only: a couple of quick retries, so an unreachable Slack API is reported within
 * seconds instead of after the ≈30 minutes of Bolt's default policy (which later calls keep).
 */
const START_RETRY_CONFIG: RetryOptions = { retries: 2, factor: 2, minTimeout: 500, maxTimeout: 2000 };
/** Per attempt at start-up, so a host that swallows packets cannot hang start() either. */
const START_TIMEOUT_MS = 10_000;

export interface SlackAppOptions {
  /** Web API retries; the default keeps Bolt's (≈30 min, honouring Retry-After). Tests use few or none. */
  retryConfig?: RetryOptions;
  /** Interface for the HTTP server (/slack/events and /healthz, or only /healthz in Socket Mode); default all. */
  host?: string;
}

export interface SlackApp {
  app: App;
  /** Starts receiving; resolves with the port actually bound (/healthz in Socket Mode) once connected. */
  start(): Promise<{ port?: number }>;
  /** In Socket Mode resolves once the WebSocket is closed, so nothing is left running. */
  stop(): Promise<void>;
}

/** The Bolt app in Socket Mode or HTTP mode, with every listener registered. Call start(). */
export function createSlackApp(config: Config, deps: SlackDeps, options: SlackAppOptions = {}): SlackApp {
  const slack = config.slack;
  if (!slack || config.mode === 'local') throw new Error('createSlackApp needs Slack credentials');
  // In Socket Mode the bot is only useful while its WebSocket is up: /healthz says so (set below).
  let socketUp = config.mode !== 'socket';
  // The guide is loaded before the app is built (main.ts refuses to start without one), so only the
  // connection can be missing.
  const healthz = (_req: IncomingMessage, res: ServerResponse) => {
    res.writeHead(socketUp ? 200 : 503, { 'content-type': 'text/plain; charset=utf-8' });
    res.end(socketUp ? 'ok' : 'sin conexión con Slack');
  };
  const logger = boltLogger(deps.logger);
  const clientOptions = {
    ...(slack.apiUrl ? { slackApiUrl: slack.apiUrl } : {}),
    ...(options.retryConfig ? { retryConfig: options.retryConfig } : {}),
  };
  // Socket Mode: our own receiver, so stop() can wait for the WebSocket to close, and our own small
  // /healthz server, so it honours `host` and reports the port it bound (Bolt's listens on all interfaces).
  const socket =
    config.mode === 'socket' && slack.appToken
      ? {
          receiver: new SocketModeReceiver({
            appToken: slack.appToken,
            logger,
            // A copy: the Socket Mode client writes its own retryConfig into the object it is given.
            installerOptions: { clientOptions: { ...clientOptions } },
          }),
          health: createServer((req, res) => {
            if (req.method === 'GET' && new URL(req.url ?? '/', 'http://x').pathname === '/healthz')
              healthz(req, res);
            else res.writeHead(404).end();
          }),
        }
      : undefined;
  // Distribution mode: no token of our own; Bolt's OAuth installs workspaces and authorizes each request.
  const oauth =
    slack.oauth && deps.installations
      ? oauthAppOptions({
          oauth: slack.oauth,
          apiUrl: slack.apiUrl,
          installations: deps.installations,
          logger: deps.logger,
        })
      : undefined;
  if (slack.oauth && !oauth) throw new Error('distribution mode needs an installation store');
  const app = new App({
    ...(oauth ?? { token: slack.botToken }),
    // auth.test once, in start(), so a wrong token becomes a clear error instead of an unhandled rejection.
    deferInitialization: true,
    logger,
    clientOptions,
    ...(socket
      ? { socketMode: true, receiver: socket.receiver }
      : {
          signingSecret: slack.signingSecret,
          customRoutes: [{ path: '/healthz', method: ['GET'], handler: healthz }],
        }),
  });

  if (socket) {
    const client = socket.receiver.client;
    client.on('connected', () => {
      socketUp = true;
    });
    for (const state of ['close', 'connecting', 'reconnecting', 'disconnected']) {
      client.on(state, () => {
        socketUp = false;
      });
    }
  }

  // Slack retries events it thinks were lost, even while the first copy is still being answered:
  // claim each event_id before any listener runs, and drop repeats.
  app.use(async ({ body, next, context }) => {
    const eventId = (body as { event_id?: unknown }).event_id;
    if (typeof eventId === 'string' && !(await deps.events.claim(eventId))) {
      deps.logger.info({ eventId, retryNum: context.retryNum }, 'duplicate event ignored');
      return;
    }
    await next();
  });
  registerListeners(app, deps);
  if (oauth && deps.installations) registerUninstall(app, deps.installations, deps.logger);
  app.error(async (error) => {
    deps.logger.error({ err: error }, 'unhandled error in a listener');
  });

  return {
    app,
    async start() {
      // Bolt's init() runs auth.test on app.client; lend it a client with the short start-up policy, then
      // put the normal one back for everything after (listeners, uploads, daily posts).
      const normalClient = app.client;
      app.client = new webApi.WebClient(slack.botToken ?? undefined, {
        ...app.webClientOptions,
        retryConfig: START_RETRY_CONFIG,
        timeout: START_TIMEOUT_MS,
      });
      try {
        await app.init();
      } finally {
        app.client = normalClient;
      }
      if (socket) {
        const port = await listen(socket.health, config.port, options.host);
        await app.start();
        return { port };
      }
      const server = (await app.start({
        port: config.port,
        ...(options.host ? { host: options.host } : {}),
      })) as Server;
      return { port: (server.address() as AddressInfo).port };
    },
    async stop() {
      if (!socket) {
        await app.stop();
        return;
      }
      // Bolt's stop() returns before the WebSocket has closed; the client's disconnect() waits for it.
      await socket.receiver.client.disconnect();
      if (socket.health.listening) await new Promise<void>((resolve) => socket.health.close(() => resolve()));
    },
  };
}

function listen(server: Server, port: number, host: string | undefined): Promise<number> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve((server.address() as AddressInfo).port);
    });
  });
}
