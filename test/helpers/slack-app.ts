/**
 * Starts the real Slack app in HTTP mode on 127.0.0.1 (random port) against a fake Slack Web API, with a
 * real SQLite file in a temp folder and the repository's content/, built by src/main.ts's createBot. Extra
 * bot deps (e.g. `/avance` through `extraCommands`, `homeSections`, `decorateAnswer`) can be passed in.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { pino } from 'pino';
import type { AvanceDeps } from '../../src/bot/avance-command.ts';
import { createBot } from '../../src/bot/build.ts';
import type { BotDeps } from '../../src/bot/types.ts';
import { parseConfig } from '../../src/config/config.ts';
import { loadContent } from '../../src/content/loader.ts';
import type { Guide } from '../../src/content/model.ts';
import { createSlackApp, type SlackApp } from '../../src/slack/app.ts';
import { createProcessedEvents } from '../../src/slack/processed-events.ts';
import { type Db, openDb } from '../../src/store/db.ts';
import { createFeedbackStore, type FeedbackStore } from '../../src/store/feedback-store.ts';
import { type FakeSlack, startFakeSlack } from './fake-slack.ts';
import type { SlackTarget } from './signed-request.ts';

export const SIGNING_SECRET = 'test-signing-secret';
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
  db: Db;
  dbFile: string;
  feedback: FeedbackStore;
  slack: SlackApp;
  /** Log lines (parsed pino JSON) written by the app. */
  logs: Array<Record<string, unknown>>;
  stop(): Promise<void>;
}

export async function startTestApp(
  opts: {
    extraDeps?: (db: Db) => Partial<BotDeps>;
    /** Team progress, wired as src/main.ts wires it (command, Home section, decorator, buttons). */
    avance?: (db: Db) => AvanceDeps;
    retries?: number;
    /** Timeout of each call to Slack, and the first response_url retry wait (both short in tests). */
    callTimeoutMs?: number;
    respondBaseDelayMs?: number;
  } = {},
): Promise<TestApp> {
  const fake = await startFakeSlack();
  const dir = mkdtempSync(join(tmpdir(), 'guia-slack-'));
  const dbFile = join(dir, 'guia.db');
  const parsed = parseConfig({
    SLACK_BOT_TOKEN: 'xoxb-test-token',
    SLACK_SIGNING_SECRET: SIGNING_SECRET,
    SLACK_API_URL: fake.apiUrl,
    PORT: '0',
    GUIA_DB: dbFile,
    LOG_LEVEL: 'info',
  });
  if (!parsed.ok) throw new Error(parsed.message);
  const logs: Array<Record<string, unknown>> = [];
  const logger = pino(
    { level: 'info' },
    { write: (line: string) => void logs.push(JSON.parse(line) as Record<string, unknown>) },
  );
  const db = openDb(dbFile);
  const feedback = createFeedbackStore(db);
  const avance = opts.avance?.(db);
  const { deps: bot, commands } = createBot(realGuides(), {
    questions: feedback,
    ...(avance ? { avance } : {}),
    ...(opts.extraDeps ? { extra: opts.extraDeps(db) } : {}),
  });
  const slack = createSlackApp(
    parsed.config,
    { bot, commands, feedback, events: createProcessedEvents(db), logger, ...(avance ? { avance } : {}) },
    {
      retryConfig: { retries: opts.retries ?? 0 },
      host: '127.0.0.1',
      ...(opts.callTimeoutMs !== undefined ? { callTimeoutMs: opts.callTimeoutMs } : {}),
      respondBaseDelayMs: opts.respondBaseDelayMs ?? 50,
    },
  );
  const { port } = await slack.start();
  const baseUrl = `http://127.0.0.1:${port}`;
  return {
    target: { url: `${baseUrl}/slack/events`, signingSecret: SIGNING_SECRET },
    baseUrl,
    fake,
    db,
    dbFile,
    feedback,
    slack,
    logs,
    async stop() {
      await slack.stop();
      await fake.close();
      db.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
