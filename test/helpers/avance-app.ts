/**
 * The real HTTP Slack app (see slack-app.ts) with `/avance` wired in by createApp exactly as `src/main.ts`
 * gets it (the command, the Home tab section, the deadline decorator and the step-card buttons), on a fixed
 * clock.
 */
import { expect } from 'vitest';
import { createDailyDeps } from '../../src/app/wire.ts';
import type { AvanceDeps } from '../../src/bot/avance-command.ts';
import type { Stores } from '../../src/ports/index.ts';
import { postCommand } from './signed-request.ts';
import { startTestApp, type TestApp } from './slack-app.ts';

export async function startAvanceTestApp(
  opts: { uploads?: boolean; callTimeoutMs?: number } = {},
): Promise<{ t: TestApp; avance: AvanceDeps }> {
  // Without uploads `/avance exportar` falls back to a code block, as when Slack refuses the upload.
  const t = await startTestApp({
    ...(opts.callTimeoutMs !== undefined ? { callTimeoutMs: opts.callTimeoutMs } : {}),
    avance: { now: () => new Date('2026-02-10T16:00:00Z'), uploads: opts.uploads ?? false },
  });
  const avance = t.app.avance;
  if (!avance) throw new Error('createApp did not build the avance deps');
  return { t, avance };
}

/** Sends a slash command signed, as Slack does, and returns what the bot sent to its response_url. */
export async function slashCommand(
  t: TestApp,
  command: string,
  text: string,
  userId = 'U0001',
): Promise<Record<string, unknown>> {
  const url = t.fake.responseUrl();
  const res = await postCommand(t.target, { command, text, response_url: url, user_id: userId });
  expect(res.status).toBe(200);
  const path = new URL(url).pathname;
  const response = await t.fake.waitFor(() => t.fake.responses.find((r) => r.path === path));
  return response.body;
}

/** The daily job's deps (posts, DMs, names) as the scheduler builds them, against the app's fake Slack. */
export function dailyDepsFor(t: TestApp, stores: Stores = t.stores, runner = 'test') {
  return createDailyDeps({
    stores,
    guides: t.app.guides,
    tz: 'America/Mexico_City',
    token: 'xoxb-test-token',
    apiUrl: t.fake.apiUrl,
    runner,
  });
}
