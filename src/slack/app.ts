import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { App, HTTPReceiver, SocketModeReceiver, webApi } from '@slack/bolt';
import type { RetryOptions } from '@slack/web-api';
import type { Config } from '../config/config.ts';
import { errorText } from '../error-text.ts';
import { boltLogger } from './bolt-logger.ts';
import type { SlackDeps } from './deps.ts';
import { registerListeners } from './listeners/index.ts';
import { oauthAppOptions, registerUninstall } from './oauth.ts';
import { guardSlackRequests, MAX_BODY_BYTES } from './request-guard.ts';
import { createSlackHealth, SLACK_CALL_TIMEOUT_MS, type SlackHealth } from './slack-health.ts';
import { wellFormedInput } from './well-formed-input.ts';

/**
 * The start-up auth.test only: a couple of quick retries, so an unreachable Slack API is reported within
 * seconds instead of after the ≈30 minutes of Bolt's default policy (which later calls keep).
 */
const START_RETRY_CONFIG: RetryOptions = { retries: 2, factor: 2, minTimeout: 500, maxTimeout: 2000 };
/** Per attempt at start-up, so a host that swallows packets cannot hang start() either. */
const START_TIMEOUT_MS = 10_000;
/** A database that does not answer a trivial query within this is unhealthy. */
const HEALTH_TIMEOUT_MS = 3_000;

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`sin respuesta en ${ms} ms`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

export interface SlackAppOptions {
  /** Web API retries; the default keeps Bolt's (≈30 min, honouring Retry-After). Tests use few or none. */
  retryConfig?: RetryOptions;
  /** Interface for the HTTP server (/slack/events and /healthz, or only /healthz in Socket Mode); default HOST. */
  host?: string;
  /** Timeout of each HTTP call to Slack (Web API, uploads, response_url); tests use a short one. */
  callTimeoutMs?: number;
  /** First wait before retrying a response_url reply (doubled each time); tests use a short one. */
  respondBaseDelayMs?: number;
}

export interface SlackApp {
  app: App;
  /** Starts receiving; resolves with the port actually bound (/healthz in Socket Mode) once connected. */
  start(): Promise<{ port?: number }>;
  /** In Socket Mode resolves once the WebSocket is closed, so nothing is left running. */
  stop(): Promise<void>;
  /** Fed by every HTTP call to Slack; /healthz reads it. Its fetch is for other clients (the daily poster). */
  health: SlackHealth;
}

/** The Bolt app in Socket Mode or HTTP mode, with every listener registered. Call start(). */
export function createSlackApp(config: Config, deps: SlackDeps, options: SlackAppOptions = {}): SlackApp {
  const slack = config.slack;
  const host = options.host ?? config.host;
  if (!slack || config.mode === 'local') throw new Error('createSlackApp needs Slack credentials');
  // In Socket Mode the bot is only useful while its WebSocket is up: /healthz says so (set below).
  let socketUp = config.mode !== 'socket';
  const health = createSlackHealth({ timeoutMs: options.callTimeoutMs ?? SLACK_CALL_TIMEOUT_MS });
  // The guide is loaded and the migrations have run before the app is built (createApp), so the server
  // listens only once the database is ready: until then /readyz is refused, not answered. After that both
  // say whether Slack (Socket Mode) and the database answer; /healthz is for liveness, /readyz for the
  // load balancer (same checks: a replica that cannot reach its database should get no traffic).
  const probe = async (res: ServerResponse) => {
    const problems: string[] = [];
    if (!socketUp) problems.push('sin conexión con Slack');
    const calls = health.state();
    if (!calls.ok) problems.push(`degradado: ${calls.reason}`);
    if (deps.health) {
      const db = await withTimeout(deps.health(), HEALTH_TIMEOUT_MS).catch((error: unknown) => ({
        ok: false,
        detail: errorText(error),
      }));
      if (!db.ok) problems.push(`base de datos: ${db.detail ?? 'no responde'}`);
    }
    res.writeHead(problems.length === 0 ? 200 : 503, { 'content-type': 'text/plain; charset=utf-8' });
    res.end(problems.length === 0 ? 'ok' : problems.join('; '));
  };
  const healthz = (_req: IncomingMessage, res: ServerResponse) => {
    probe(res).catch(() => {
      if (!res.headersSent) res.writeHead(500).end();
    });
  };
  const logger = boltLogger(deps.logger);
  const clientOptions = {
    ...(slack.apiUrl ? { slackApiUrl: slack.apiUrl } : {}),
    ...(options.retryConfig ? { retryConfig: options.retryConfig } : {}),
    // Every call times out (also uploads) and is watched; Bolt's respond() uses this fetch too.
    timeout: options.callTimeoutMs ?? SLACK_CALL_TIMEOUT_MS,
    fetch: health.fetch,
  };
  const listenerDeps: SlackDeps = {
    ...deps,
    respond: {
      fetch: health.fetch,
      ...(options.respondBaseDelayMs !== undefined ? { baseDelayMs: options.respondBaseDelayMs } : {}),
    },
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
            const path = new URL(req.url ?? '/', 'http://x').pathname;
            if (req.method === 'GET' && (path === '/healthz' || path === '/readyz')) healthz(req, res);
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
    // In HTTP mode the OAuth options live on our receiver (below); Socket Mode has no distribution mode.
    ...(oauth ? (socket ? oauth : {}) : { token: slack.botToken }),
    // auth.test once, in start(), so a wrong token becomes a clear error instead of an unhandled rejection.
    deferInitialization: true,
    logger,
    clientOptions,
    ...(socket
      ? { socketMode: true, receiver: socket.receiver }
      : {
          receiver: httpReceiver(
            slack.signingSecret ?? '',
            logger,
            healthz,
            // Our receiver replaces Bolt's, so it carries the OAuth installer (Bolt would have built it there).
            oauth ? { ...oauth, installerOptions: { clientOptions, ...oauth.installerOptions } } : undefined,
          ),
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
  app.use(wellFormedInput);
  app.use(async ({ body, next, context }) => {
    const eventId = (body as { event_id?: unknown }).event_id;
    if (typeof eventId === 'string') {
      let first = true;
      try {
        first = await deps.events.claim(eventId);
      } catch (error) {
        // Answering twice on a retry is better than never answering: go on without the claim.
        deps.logger.error({ err: error, eventId }, 'could not record the event id; answering anyway');
      }
      if (!first) {
        deps.logger.info({ eventId, retryNum: context.retryNum }, 'duplicate event ignored');
        return;
      }
    }
    await next();
  });
  registerListeners(app, listenerDeps);
  if (oauth && deps.installations) registerUninstall(app, deps.installations, deps.logger);
  app.error(async (error) => {
    deps.logger.error({ err: error }, 'unhandled error in a listener');
  });

  return {
    app,
    health,
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
        const port = await listen(socket.health, config.port, host);
        await app.start();
        return { port };
      }
      const server = (await app.start({
        port: config.port,
        ...(host ? { host } : {}),
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

/**
 * Bolt's HTTP receiver behind our guard (body cap, timestamp both ways, JSON shape): Bolt's own listener is
 * wrapped before start(), which is when its server begins calling it.
 */
function httpReceiver(
  signingSecret: string,
  logger: ReturnType<typeof boltLogger>,
  healthz: (req: IncomingMessage, res: ServerResponse) => void,
  oauth?: ReturnType<typeof oauthAppOptions>,
): HTTPReceiver {
  const receiver = new HTTPReceiver({
    signingSecret,
    logger,
    ...oauth,
    customRoutes: [
      { path: '/healthz', method: ['GET'], handler: healthz },
      { path: '/readyz', method: ['GET'], handler: healthz },
    ],
    bodyLimit: MAX_BODY_BYTES,
  });
  receiver.requestListener = guardSlackRequests(receiver.requestListener, { paths: ['/slack/events'] });
  return receiver;
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
