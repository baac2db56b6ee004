import { coordinationChartData, teamChartData, unnamedInstitution } from '../coordination/chart-data.ts';
import { type ProgressReads, trackerView, workspaceViews } from '../coordination/load.ts';
import { coordinationOverview, overviewRow } from '../coordination/overview.ts';
import { localDate } from '../progress/calendar.ts';
import { type ChartImage, coordinationChart, teamChart } from '../render/charts/index.ts';

export type ChannelChart =
  | { ok: true; image: ChartImage; scope: 'coordination' | 'team'; filename: string; title: string }
  | { ok: false; reason: 'not-tracked' };

/**
 * The chart a channel is entitled to: the coordination channel gets institutions × phases of the whole
 * workspace, a team channel its own steps completed against their deadlines. Never another team's.
 */
export async function channelChart(
  deps: ProgressReads,
  teamId: string,
  channelId: string,
  now: Date,
  tz: string,
): Promise<ChannelChart> {
  const today = localDate(now, tz);
  const coordination = await deps.coordination.coordinationChannel(teamId);
  if (coordination?.channelId === channelId) {
    const { rows } = coordinationOverview(await workspaceViews(deps, teamId), today);
    const image = await coordinationChart(coordinationChartData(rows, today));
    return {
      ok: true,
      image,
      scope: 'coordination',
      filename: `avance-coordinacion-${today}.png`,
      title: `Avance por institución y fase · ${today}`,
    };
  }
  const tracker = await deps.trackers.getTracker(teamId, channelId);
  const view =
    tracker && !tracker.removedAt
      ? await trackerView(deps, tracker, await deps.coordination.institutionOf(tracker.id))
      : undefined;
  if (!view) return { ok: false, reason: 'not-tracked' };
  const row = overviewRow(view, today);
  const title = `Avance · ${row.institution ?? unnamedInstitution(row.channelId)}`;
  const image = await teamChart(teamChartData(row.summary, row.startDate, today, tz), title);
  return { ok: true, image, scope: 'team', filename: `avance-${today}.png`, title };
}
