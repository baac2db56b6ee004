import type { KnownBlock } from '@slack/types';
import { Cron } from 'croner';
import { DateTime } from 'luxon';
import type { Guide } from '../content/model.ts';
import { coordinationChartData, teamChartData, unnamedInstitution } from '../coordination/chart-data.ts';
import { trackerView, workspaceViews } from '../coordination/load.ts';
import { type WeeklyInput, weeklyReport } from '../coordination/weekly.ts';
import type { CoordinationStore, WeeklyChannel, WeeklyClaimKey } from '../ports/coordination.ts';
import type { ProgressPorts } from '../ports/index.ts';
import type { ProgressEvent } from '../ports/steps.ts';
import { coordinationChart, teamChart } from '../render/charts/index.ts';
import { weeklyBlocks } from '../render/weekly.ts';
import type { PostResult } from './daily.ts';
import { dueWeeklySlot, weekStart } from './weekly-rule.ts';

export interface ChartUpload {
  channelId: string;
  filename: string;
  title: string;
  png: Buffer;
  altText: string;
  comment: string;
}

export interface WeeklyDeps extends ProgressPorts {
  coordination: CoordinationStore;
  guides: Guide[];
  tz: string;
  runner: string;
  post(channelId: string, message: { text: string; blocks: KnownBlock[] }): Promise<PostResult>;
  /** files.uploadV2 of the chart into the channel; never throws. */
  uploadChart(file: ChartUpload): Promise<{ ok: true } | { ok: false; reason: string }>;
  onError?(error: unknown, channelId: string): void;
}

export interface WeeklyRun {
  posted: string[];
  skipped: string[];
  failed: string[];
  failures: Array<{ channelId: string; reason: string }>;
  /** Render time and size of each chart uploaded. */
  charts: Array<{ channelId: string; ms: number; bytes: number }>;
}

/** More step changes than this in one tracker's week are not read (the report would not show them all). */
const WEEK_EVENTS_MAX = 2000;

/**
 * Posts every weekly report due at `now`, once per channel and week: the claim row (team, channel, week)
 * is written before posting, as for the daily post; a report Slack refused is retried by the next runs of
 * the same day; a runner that died mid-post leaves its claim, which nobody takes over. The chart goes up
 * right after the message, into the same channel; a failed chart upload does not repeat the message.
 */
export async function runWeekly(deps: WeeklyDeps, now: Date): Promise<WeeklyRun> {
  const run: WeeklyRun = { posted: [], skipped: [], failed: [], failures: [], charts: [] };
  const at = now.toISOString();
  for (const channel of await deps.coordination.listWeekly()) {
    const slot = dueWeeklySlot(channel.settings, now, deps.tz);
    if (!slot) continue;
    const key: WeeklyClaimKey = { teamId: channel.teamId, channelId: channel.channelId, week: slot.week };
    if (!(await deps.coordination.claimWeekly(key, deps.runner, at))) continue;
    try {
      await postOne(deps, channel, key, slot.date, at, run);
    } catch (error) {
      const reason = String(error).slice(0, 200);
      await deps.coordination.finishWeekly(key, { status: 'failed', error: reason }, at);
      run.failed.push(channel.channelId);
      run.failures.push({ channelId: channel.channelId, reason });
      deps.onError?.(error, channel.channelId);
    }
  }
  return run;
}

async function weekEvents(deps: WeeklyDeps, trackerId: number, sinceIso: string): Promise<ProgressEvent[]> {
  const newest = await deps.steps.events(trackerId, { kinds: ['step.status'], limit: WEEK_EVENTS_MAX });
  return newest.filter((e) => e.at >= sinceIso).reverse();
}

async function postOne(
  deps: WeeklyDeps,
  channel: WeeklyChannel,
  key: WeeklyClaimKey,
  today: string,
  at: string,
  run: WeeklyRun,
): Promise<void> {
  const since = weekStart(today);
  const sinceIso = DateTime.fromISO(since, { zone: deps.tz }).toUTC().toISO() ?? '';
  const coordination = await deps.coordination.coordinationChannel(channel.teamId);
  const scope = coordination?.channelId === channel.channelId ? 'coordination' : 'team';
  let inputs: WeeklyInput[] = [];
  if (scope === 'coordination') {
    const views = await workspaceViews(deps, channel.teamId);
    inputs = await Promise.all(
      views.map(async (view) => ({ view, events: await weekEvents(deps, view.trackerId, sinceIso) })),
    );
  } else {
    const tracker = await deps.trackers.getTracker(channel.teamId, channel.channelId);
    const view =
      tracker && !tracker.removedAt
        ? await trackerView(deps, tracker, await deps.coordination.institutionOf(tracker.id))
        : undefined;
    if (view) inputs = [{ view, events: await weekEvents(deps, view.trackerId, sinceIso) }];
  }
  if (inputs.length === 0) {
    // Nothing to report on: a coordination channel with no team yet, or a channel that stopped tracking.
    await deps.coordination.finishWeekly(key, { status: 'skipped', reason: 'nothing to report' }, at);
    run.skipped.push(channel.channelId);
    return;
  }
  const report = weeklyReport(scope, inputs, since, today);
  const result = await deps.post(channel.channelId, weeklyBlocks(report));
  if (!result.ok) {
    const outcome = result.removed
      ? ({ status: 'skipped', reason: result.reason } as const)
      : ({ status: 'failed', error: result.reason } as const);
    await deps.coordination.finishWeekly(key, outcome, at);
    if (result.removed) {
      // The bot left the channel: stop trying every week (a new `/avance semanal` turns it on again).
      const off = { ...channel.settings, enabled: false };
      await deps.coordination.setWeekly(channel.teamId, channel.channelId, off, {
        userId: 'bot',
        source: `informe semanal (${result.reason})`,
        at,
      });
      run.skipped.push(channel.channelId);
    } else {
      run.failed.push(channel.channelId);
    }
    run.failures.push({ channelId: channel.channelId, reason: result.reason });
    return;
  }
  await deps.coordination.finishWeekly(
    key,
    { status: 'posted', ...(result.ts ? { messageTs: result.ts } : {}) },
    at,
  );
  run.posted.push(channel.channelId);

  const row = report.rows[0];
  const image =
    scope === 'coordination'
      ? await coordinationChart(coordinationChartData(report.rows, today))
      : row
        ? await teamChart(
            teamChartData(row.summary, row.startDate, today, deps.tz),
            `Avance · ${row.institution ?? unnamedInstitution(row.channelId)}`,
          )
        : undefined;
  if (!image) return;
  run.charts.push({ channelId: channel.channelId, ms: image.ms, bytes: image.png.length });
  const uploaded = await deps.uploadChart({
    channelId: channel.channelId,
    filename: `avance-${scope === 'coordination' ? 'coordinacion' : 'equipo'}-${today}.png`,
    title:
      scope === 'coordination' ? `Avance por institución y fase · ${today}` : `Pasos completados · ${today}`,
    png: image.png,
    altText: image.altText,
    comment: 'Gráfica del informe semanal.',
  });
  if (!uploaded.ok) run.failures.push({ channelId: channel.channelId, reason: `chart: ${uploaded.reason}` });
}

export interface WeeklyScheduler {
  stop(): void;
}

/** Once a minute in GUIA_TZ, like the daily job; `protect` skips a tick while the previous one still runs. */
export function startWeeklyScheduler(
  deps: WeeklyDeps,
  opts: { onRun?: (run: WeeklyRun) => void; onError?: (error: unknown) => void; clock?: () => Date } = {},
): WeeklyScheduler {
  const clock = opts.clock ?? (() => new Date());
  const job = new Cron(
    '30 * * * * *',
    { timezone: deps.tz, protect: true, name: 'guia-weekly' },
    async () => {
      try {
        opts.onRun?.(await runWeekly(deps, clock()));
      } catch (error) {
        opts.onError?.(error);
      }
    },
  );
  return { stop: () => job.stop() };
}
