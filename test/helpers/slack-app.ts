/**
 * Starts the real Slack app in HTTP mode on 127.0.0.1 (random port) against a fake Slack Web API, with a
 * real SQLite file in a temp folder and the repository's content/, built by src/app/wire.ts's createApp as
 * src/main.ts builds it. Team progress is off unless `avance` is given; extra bot deps can be passed in.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { pino } from 'pino';
import type { Db } from '../../src/adapters/sqlite/db.ts';
import { openDb } from '../../src/adapters/sqlite/db.ts';
import { createSqliteStores } from '../../src/adapters/sqlite/index.ts';
import { createApp, type GuiaApp } from '../../src/app/wire.ts';
import type { BotDeps } from '../../src/bot/types.ts';
import { parseConfig } from '../../src/config/config.ts';
import { loadContent } from '../../src/content/loader.ts';
import type { Guide } from '../../src/content/model.ts';
import type { FeedbackStore } from '../../src/ports/feedback.ts';
import type { Stores } from '../../src/ports/index.ts';
import type { InstallationStore } from '../../src/ports/installations.ts';
import type { SlackApp } from '../../src/slack/app.ts';
import { type FakeSlack, startFakeSlack } from './fake-slack.ts';
import type { SlackTarget } from './signed-request.ts';

export const SIGNING_SECRET = 'test-signing-secret';
/** The distribution-mode variables of the test app (no SLACK_BOT_TOKEN). */
export const OAUTH_ENV = {
  SLACK_CLIENT_ID: '1234.5678',
  SLACK_CLIENT_SECRET: 'test-client-secret',
  SLACK_STATE_SECRET: 'test-state-secret-0123456789',
} as const;
export const CONTENT_DIR = fileURLToPath(new URL('../../content/', import.meta.url));

let cachedGuides: Guide[] | undefined;
export function realGuides(): Guide[] {
  cachedGuides ??= loadContent(CONTENT_DIR).guides;
  return cachedGuides;
}

export interface TestApp {
  target: SlackTarget;
  baseUrl: string;
  fake: FakeSlack;
  /** The SQLite file's connection, for tests that read the tables. */
  db: Db;
  dbFile: string;
  stores: Stores;
  feedback: FeedbackStore;
  app: GuiaApp;
  slack: SlackApp;
  /** Log lines (parsed pino JSON) written by the app. */
  logs: Array<Record<string, unknown>>;
  stop(): Promise<void>;
}

export async function startTestApp(
  opts: {
    extraDeps?: (stores: Stores) => Partial<BotDeps>;
    /** Team progress, wired as src/main.ts wires it (command, Home section, decorator, buttons), on this clock. */
    avance?: { now: () => Date; uploads?: boolean };
    retries?: number;
    /** Timeout of each call to Slack, and the first response_url retry wait (both short in tests). */
    callTimeoutMs?: number;
    respondBaseDelayMs?: number;
    /** Distribution mode (OAuth, no bot token), installations in `installations` (default: in memory). */
    oauth?: { installations?: InstallationStore };
  } = {},
): Promise<TestApp> {
  const fake = await startFakeSlack();
  const dir = mkdtempSync(join(tmpdir(), 'guia-slack-'));
  const dbFile = join(dir, 'guia.db');
  const parsed = parseConfig({
    ...(opts.oauth ? OAUTH_ENV : { SLACK_BOT_TOKEN: 'xoxb-test-token' }),
    SLACK_SIGNING_SECRET: SIGNING_SECRET,
    SLACK_API_URL: fake.apiUrl,
    PORT: '0',
    GUIA_DB: dbFile,
    GUIA_CONTENT_DIR: CONTENT_DIR,
    GUIA_TZ: 'America/Mexico_City',
    LOG_LEVEL: 'info',
  });
  if (!parsed.ok) throw new Error(parsed.message);
  const logs: Array<Record<string, unknown>> = [];
  const logger = pino(
    { level: 'info' },
    { write: (line: string) => void logs.push(JSON.parse(line) as Record<string, unknown>) },
  );
  const db = await openDb(dbFile);
  const sqlite = createSqliteStores(db);
  // Distribution mode keeps installations in the same SQLite file, unless the test hands its own store.
  const stores: Stores = opts.oauth?.installations
    ? { ...sqlite, installations: opts.oauth.installations }
    : sqlite;
  const built = await createApp(parsed.config, {
    stores,
    logger,
    guides: realGuides(),
    ...(opts.avance ? { now: opts.avance.now, uploads: opts.avance.uploads ?? false } : { avance: false }),
    ...(opts.extraDeps ? { extraBotDeps: opts.extraDeps } : {}),
    slack: {
      retryConfig: { retries: opts.retries ?? 0 },
      host: '127.0.0.1',
      ...(opts.callTimeoutMs !== undefined ? { callTimeoutMs: opts.callTimeoutMs } : {}),
      respondBaseDelayMs: opts.respondBaseDelayMs ?? 50,
    },
  });
  if (!built.ok) throw new Error(built.message);
  const app = built.value;
  const slack = app.slack;
  if (!slack) throw new Error('createApp built no Slack app in HTTP mode');
  const { port } = await slack.start();
  const baseUrl = `http://127.0.0.1:${port}`;
  fake.oauth.redirectUrl = `${baseUrl}/slack/oauth_redirect`;
  return {
    target: { url: `${baseUrl}/slack/events`, signingSecret: SIGNING_SECRET },
    baseUrl,
    fake,
    db,
    dbFile,
    stores,
    feedback: stores.feedback,
    app,
    slack,
    logs,
    async stop() {
      await app.close();
      await fake.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
