/**
 * The real HTTP Slack app (see slack-app.ts) with `/avance` wired in as `src/main.ts` wires it (createBot
 * and SlackDeps.avance: the command, the Home tab section, the deadline decorator and the step-card
 * buttons), on a fixed clock.
 */
import { expect } from 'vitest';
import type { AvanceDeps } from '../../src/bot/avance-command.ts';
import { createSlackUploader } from '../../src/slack/avance-upload.ts';
import { SqliteProgressStore } from '../../src/store/progress-store.ts';
import { postCommand } from './signed-request.ts';
import { realGuides, startTestApp, type TestApp } from './slack-app.ts';

export async function startAvanceTestApp(
  opts: { uploads?: boolean; callTimeoutMs?: number } = {},
): Promise<{ t: TestApp; avance: AvanceDeps }> {
  let avance: AvanceDeps | undefined;
  const t = await startTestApp({
    ...(opts.callTimeoutMs !== undefined ? { callTimeoutMs: opts.callTimeoutMs } : {}),
    avance: (db) => {
      avance = {
        guides: realGuides(),
        store: new SqliteProgressStore(db),
        tz: 'America/Mexico_City',
        now: () => new Date('2026-02-10T16:00:00Z'),
      };
      return avance;
    },
  });
  if (!avance) throw new Error('startTestApp did not build the avance deps');
  // Without it `/avance exportar` falls back to a code block, as when Slack refuses the upload.
  if (opts.uploads) avance.uploadFile = createSlackUploader(t.slack.app.client);
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
