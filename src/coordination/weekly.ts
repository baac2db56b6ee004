import type { ProgressEvent } from '../ports/steps.ts';
import type { IsoDate } from '../progress/calendar.ts';
import type { Status, StepState } from '../progress/model.ts';
import { percentOf } from '../progress/summary.ts';
import { byName, type OverviewRow, overviewRow, type TrackerView } from './overview.ts';

/** Where the weekly report goes: the coordination channel (every tracker) or a team channel (its own). */
export type WeeklyScope = 'coordination' | 'team';

export type MoveKind = 'completed' | 'started' | 'blocked' | 'reopened';

export interface StepMove {
  stepId: string;
  title: string;
  kind: MoveKind;
}

export interface InstitutionWeek {
  /** Undefined: a channel that has not named its institution (shown by its channel). */
  institution?: string;
  channelIds: string[];
  moves: StepMove[];
  completed: number;
  total: number;
  percentNow: number;
  percentWeekAgo: number;
  overdue: number;
  maxDaysLate: number;
}

export interface LateStep {
  trackerId: number;
  channelId: string;
  institution?: string;
  stepId: string;
  title: string;
  daysLate: number;
  ownerUserId?: string;
}

export interface WeeklyReport {
  scope: WeeklyScope;
  /** The first local day the report covers and today (the post's day). */
  since: IsoDate;
  today: IsoDate;
  institutions: InstitutionWeek[];
  /** Open steps past their deadline, most late first. */
  late: LateStep[];
  trend: {
    completedNow: number;
    /** Net: completed in the week minus those reopened. */
    completedThisWeek: number;
    total: number;
    percentNow: number;
    percentWeekAgo: number;
    /** At this week's pace, weeks until every step is done; undefined when nothing moved forward. */
    weeksToFinish?: number;
  };
  rows: OverviewRow[];
}

export interface WeeklyInput {
  view: TrackerView;
  /** The tracker's events of the week, oldest first (any kind; only step changes count). */
  events: readonly ProgressEvent[];
}

const statusOf = (value: unknown): Status | undefined => {
  const s = (value as Partial<StepState> | null | undefined)?.status;
  return s === 'pendiente' || s === 'en_curso' || s === 'bloqueado' || s === 'completado' ? s : undefined;
};

/**
 * What each step did in the week, judged from its first and last status change: a step started and finished
 * the same week counts once, as completed; one completed then reopened, as reopened; back and forth that ends
 * where it began, not at all.
 */
function weekMoves(
  view: TrackerView,
  events: readonly ProgressEvent[],
): { moves: StepMove[]; before: Map<string, Status> } {
  const first = new Map<string, Status>();
  const last = new Map<string, Status>();
  for (const e of events) {
    if (e.kind !== 'step.status' || !e.stepId || e.guideId !== view.guide.id) continue;
    const before = statusOf(e.before) ?? 'pendiente';
    const after = statusOf(e.after);
    if (!after) continue;
    if (!first.has(e.stepId)) first.set(e.stepId, before);
    last.set(e.stepId, after);
  }
  const moves: StepMove[] = [];
  for (const step of view.guide.steps) {
    const from = first.get(step.id);
    const to = last.get(step.id);
    if (!from || !to || from === to) continue;
    const kind: MoveKind | undefined =
      to === 'completado'
        ? 'completed'
        : from === 'completado'
          ? 'reopened'
          : to === 'bloqueado'
            ? 'blocked'
            : to === 'en_curso'
              ? 'started'
              : undefined;
    if (kind) moves.push({ stepId: step.id, title: step.title, kind });
  }
  return { moves, before: first };
}

const institutionKey = (row: Pick<OverviewRow, 'institution' | 'channelId'>): string =>
  row.institution ? `i:${row.institution.toLocaleLowerCase('es')}` : `c:${row.channelId}`;

/**
 * The weekly report's content as data: per institution what moved and how far it got, who is late, and the
 * trend (percent now against a week ago, reconstructed from the week's events, and the pace).
 */
export function weeklyReport(
  scope: WeeklyScope,
  inputs: readonly WeeklyInput[],
  since: IsoDate,
  today: IsoDate,
): WeeklyReport {
  const groups = new Map<string, InstitutionWeek>();
  const late: LateStep[] = [];
  const rows: OverviewRow[] = [];
  const weekAgoOf = new Map<string, number>();
  let completedNow = 0;
  let completedWeekAgo = 0;
  let total = 0;
  for (const { view, events } of inputs) {
    const row = overviewRow(view, today);
    rows.push(row);
    const { moves, before } = weekMoves(view, events);
    let weekAgo = 0;
    for (const line of row.summary.lines) {
      const then = before.get(line.step.id) ?? line.state.status;
      if (then === 'completado') weekAgo += 1;
    }
    completedNow += row.completed;
    completedWeekAgo += weekAgo;
    total += row.total;
    const key = institutionKey(row);
    const g = groups.get(key) ?? {
      ...(row.institution ? { institution: row.institution } : {}),
      channelIds: [],
      moves: [],
      completed: 0,
      total: 0,
      percentNow: 0,
      percentWeekAgo: 0,
      overdue: 0,
      maxDaysLate: 0,
    };
    g.channelIds.push(row.channelId);
    g.moves.push(...moves);
    g.completed += row.completed;
    g.total += row.total;
    g.overdue += row.overdue;
    g.maxDaysLate = Math.max(g.maxDaysLate, row.maxDaysLate);
    groups.set(key, g);
    weekAgoOf.set(key, (weekAgoOf.get(key) ?? 0) + weekAgo);
    for (const l of row.summary.overdue) {
      late.push({
        trackerId: row.trackerId,
        channelId: row.channelId,
        ...(row.institution ? { institution: row.institution } : {}),
        stepId: l.step.id,
        title: l.step.title,
        daysLate: -(l.daysLeft ?? 0),
        ...(l.state.ownerUserId ? { ownerUserId: l.state.ownerUserId } : {}),
      });
    }
  }
  const institutions = [...groups].map(([key, g]) => ({
    ...g,
    percentNow: percentOf(g.completed, g.total),
    percentWeekAgo: percentOf(weekAgoOf.get(key) ?? 0, g.total),
  }));
  // Most to do first: the late ones, then by how far they are from done.
  institutions.sort(
    (a, b) =>
      b.overdue - a.overdue ||
      b.maxDaysLate - a.maxDaysLate ||
      a.percentNow - b.percentNow ||
      byName(a.institution, b.institution),
  );
  late.sort((a, b) => b.daysLate - a.daysLate || a.channelId.localeCompare(b.channelId));
  const completedThisWeek = completedNow - completedWeekAgo;
  const remaining = total - completedNow;
  return {
    scope,
    since,
    today,
    institutions,
    late,
    trend: {
      completedNow,
      completedThisWeek,
      total,
      percentNow: percentOf(completedNow, total),
      percentWeekAgo: percentOf(completedWeekAgo, total),
      ...(completedThisWeek > 0 && remaining > 0
        ? { weeksToFinish: Math.ceil(remaining / completedThisWeek) }
        : {}),
    },
    rows,
  };
}
