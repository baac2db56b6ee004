import type { KnownBlock } from '@slack/types';
import { defaultGuide, findGuide } from '../content/guides.ts';
import type { Guide } from '../content/model.ts';
import { type ClaimStore, dailyClaim } from '../ports/claims.ts';
import type { CoordinationStore, ProgressPorts } from '../ports/index.ts';
import type { EventKind } from '../ports/steps.ts';
import { localDate } from '../progress/calendar.ts';
import { isDue } from '../progress/daily.ts';
import type { Tracker } from '../progress/model.ts';
import { summarize } from '../progress/summary.ts';
import { dailyPostBlocks, quietLine } from '../render/avance-daily.ts';

export type PostResult = { ok: true; ts?: string } | { ok: false; reason: string; removed: boolean };

export interface DailyDeps extends ProgressPorts {
  guides: Guide[];
  /** GUIA_TZ: each channel's time and days are read in this zone. */
  tz: string;
  /** Names this process in the claim rows (host:pid), for whoever reads the database. */
  runner: string;
  /** Posts to a channel; never throws. `removed` when the bot cannot write there any more. */
  post(channelId: string, message: { text: string; blocks: KnownBlock[] }): Promise<PostResult>;
  onError?(error: unknown, tracker: Tracker): void;
  /** The institution a tracker belongs to, shown in its post (issue 12). */
  coordination?: Pick<CoordinationStore, 'institutionOf'>;
}

export interface DailyRun {
  posted: number[];
  quiet: number[];
  failed: number[];
  removed: number[];
  /** Why each failed channel failed: Slack's error code (`network`, `ratelimited`, `http_503`…) or our error. */
  failures: Array<{ trackerId: number; channelId: string; reason: string }>;
}

/** Only these kinds are news for the channel; settings changes are not. */
const NEWS: readonly EventKind[] = [
  'step.status',
  'step.owner',
  'step.activity',
  'tracker.start_date',
  'tracker.guide',
];

/**
 * Posts every daily summary due at `now`, once per channel and local day. The claim row is written before
 * posting; a post Slack refused is marked failed and tried again by the next runs (same day only, a few
 * times); a runner that died mid-post leaves its claim, which nobody takes over (never twice beats always).
 * Days are the local dates in `tz`, so a post missed while down is sent on return, but never the next day.
 */
export async function runDaily(deps: DailyDeps, now: Date): Promise<DailyRun> {
  const run: DailyRun = { posted: [], quiet: [], failed: [], removed: [], failures: [] };
  const today = localDate(now, deps.tz);
  const at = now.toISOString();
  for (const tracker of await deps.trackers.listTrackers({ dailyEnabled: true })) {
    if (!isDue(tracker, now, deps.tz)) continue;
    if (!(await deps.claims.claim(dailyClaim(tracker.id, today), deps.runner, at))) continue;
    try {
      await postOne(deps, tracker, today, at, run);
    } catch (error) {
      // Our own bug (not Slack's answer): release the claim as failed so a fixed runner can retry.
      const reason = String(error).slice(0, 200);
      await deps.claims.finish(dailyClaim(tracker.id, today), { status: 'failed', error: reason }, at);
      run.failed.push(tracker.id);
      run.failures.push({ trackerId: tracker.id, channelId: tracker.channelId, reason });
      deps.onError?.(error, tracker);
    }
  }
  return run;
}

/** Names the claim that skips a day whose time had already passed when `/avance diario` set it. */
const TIME_SET_RUNNER = 'avance diario';

/**
 * After `/avance diario HH:MM` set a channel's time. A time already past today is not a missed post to catch
 * up on: today's slot is taken as skipped and the first summary comes on the next scheduled day. A time still
 * ahead today releases only such a skip left by an earlier setting (a real post, or a quiet-day skip by the
 * poster, keeps the day taken), so an earlier setting's skip does not swallow today's post.
 */
export async function dailyTimeSet(
  claims: ClaimStore,
  tracker: Tracker,
  now: Date,
  tz: string,
): Promise<void> {
  const key = dailyClaim(tracker.id, localDate(now, tz));
  if (!isDue(tracker, now, tz)) {
    await claims.releaseSkip(key, TIME_SET_RUNNER);
    return;
  }
  const at = now.toISOString();
  if (await claims.claim(key, TIME_SET_RUNNER, at)) {
    await claims.finish(key, { status: 'skipped', watermark: tracker.lastPostEventId }, at);
  }
}

async function postOne(
  deps: DailyDeps,
  tracker: Tracker,
  today: string,
  at: string,
  run: DailyRun,
): Promise<void> {
  const guide = findGuide(deps.guides, tracker.guideId) ?? defaultGuide(deps.guides);
  if (!guide) throw new Error('no guide loaded');
  const key = dailyClaim(tracker.id, today);
  const watermark = await deps.steps.lastEventId(tracker.id);
  const changes = await deps.steps.events(tracker.id, {
    afterId: tracker.lastPostEventId,
    upToId: watermark,
    kinds: NEWS,
  });
  const states = await deps.steps.stepStates(tracker.id, guide.id);
  const summary = summarize(guide, states, tracker.startDate, today);
  const quiet = changes.length === 0 && summary.overdue.length === 0 && summary.dueSoon.length === 0;
  if (quiet && tracker.daily.quiet === 'nada') {
    await deps.claims.finish(key, { status: 'skipped', watermark }, at);
    run.quiet.push(tracker.id);
    return;
  }
  const institution = await deps.coordination?.institutionOf(tracker.id);
  const message = quiet ? quietLine(summary) : dailyPostBlocks(guide, today, changes, summary, institution);
  const result = await deps.post(tracker.channelId, message);
  if (result.ok) {
    await deps.claims.finish(
      key,
      { status: 'posted', watermark, ...(result.ts ? { messageTs: result.ts } : {}) },
      at,
    );
    (quiet ? run.quiet : run.posted).push(tracker.id);
    return;
  }
  if (result.removed) {
    await deps.claims.finish(key, { status: 'skipped', watermark: tracker.lastPostEventId }, at);
    await deps.trackers.updateTracker(tracker.id, { removedAt: at }, 'tracker.removed', {
      userId: 'bot',
      source: `resumen diario (${result.reason})`,
      at,
    });
    run.removed.push(tracker.id);
    return;
  }
  await deps.claims.finish(key, { status: 'failed', error: result.reason }, at);
  run.failed.push(tracker.id);
  run.failures.push({ trackerId: tracker.id, channelId: tracker.channelId, reason: result.reason });
}
