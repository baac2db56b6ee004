import type { Guide } from '../content/model.ts';
import { daysBetween, type IsoDate } from '../progress/calendar.ts';
import type { StepState } from '../progress/model.ts';
import { type PhaseProgress, type ProgressSummary, summarize } from '../progress/summary.ts';

/** One channel's tracker as the coordination office sees it: plain data, read from the stores by the caller. */
export interface TrackerView {
  trackerId: number;
  channelId: string;
  /** `/avance institucion …`; undefined until a team names it. */
  institution?: string;
  guide: Guide;
  startDate: IsoDate;
  states: ReadonlyMap<string, StepState>;
  /** ISO instant of the tracker's newest event (its creation at least). */
  lastActivityAt?: string;
}

/** 🟢 on time · 🟡 something due within 7 days or blocked · 🔴 something overdue. */
export type Light = 'red' | 'yellow' | 'green';

export interface OverviewRow {
  trackerId: number;
  channelId: string;
  institution?: string;
  guideId: string;
  guideTitle: string;
  startDate: IsoDate;
  percent: number;
  completed: number;
  total: number;
  phases: PhaseProgress[];
  overdue: number;
  /** Days the most late open step is past its deadline (0 when none is). */
  maxDaysLate: number;
  dueSoon: number;
  blocked: number;
  lastActivityAt?: string;
  light: Light;
  summary: ProgressSummary;
}

export function lightOf(s: Pick<ProgressSummary, 'overdue' | 'dueSoon' | 'blocked'>): Light {
  if (s.overdue.length > 0) return 'red';
  if (s.dueSoon.length > 0 || s.blocked.length > 0) return 'yellow';
  return 'green';
}

const COLLATOR = new Intl.Collator('es');

/** Institutions in Spanish alphabetical order; channels without one last. (One collator: localeCompare with a
 * locale builds one per call, seconds for a few hundred rows.) */
export const byName = (a: string | undefined, b: string | undefined): number =>
  a === undefined || b === undefined ? (a === b ? 0 : a === undefined ? 1 : -1) : COLLATOR.compare(a, b);

const LIGHT_RANK: Record<Light, number> = { red: 0, yellow: 1, green: 2 };

/**
 * Riskiest first: the light, then more overdue steps, the longest delay, more blocked, sooner work, less done;
 * ties by institution then channel so the order (and so the pages) never shuffle between two requests.
 */
export function byRisk(a: OverviewRow, b: OverviewRow): number {
  return (
    LIGHT_RANK[a.light] - LIGHT_RANK[b.light] ||
    b.overdue - a.overdue ||
    b.maxDaysLate - a.maxDaysLate ||
    b.blocked - a.blocked ||
    b.dueSoon - a.dueSoon ||
    a.percent - b.percent ||
    byName(a.institution, b.institution) ||
    a.channelId.localeCompare(b.channelId) ||
    a.trackerId - b.trackerId
  );
}

export function overviewRow(view: TrackerView, today: IsoDate): OverviewRow {
  const summary = summarize(view.guide, view.states, view.startDate, today);
  const late = summary.overdue[0]?.shown?.date;
  return {
    trackerId: view.trackerId,
    channelId: view.channelId,
    ...(view.institution ? { institution: view.institution } : {}),
    guideId: view.guide.id,
    guideTitle: view.guide.title,
    startDate: view.startDate,
    percent: summary.percent,
    completed: summary.completed,
    total: summary.total,
    phases: summary.phases,
    overdue: summary.overdue.length,
    maxDaysLate: late ? Math.max(0, daysBetween(late, today)) : 0,
    dueSoon: summary.dueSoon.length,
    blocked: summary.blocked.length,
    ...(view.lastActivityAt ? { lastActivityAt: view.lastActivityAt } : {}),
    light: lightOf(summary),
    summary,
  };
}

export interface Overview {
  rows: OverviewRow[];
  lights: Record<Light, number>;
  institutions: number;
}

/** Every tracker of the workspace, sorted by risk, with the count of each light. */
export function coordinationOverview(views: readonly TrackerView[], today: IsoDate): Overview {
  const rows = views.map((v) => overviewRow(v, today)).sort(byRisk);
  const lights: Record<Light, number> = { red: 0, yellow: 0, green: 0 };
  for (const row of rows) lights[row.light] += 1;
  const institutions = new Set(rows.map((r) => r.institution ?? `#${r.channelId}`)).size;
  return { rows, lights, institutions };
}

export interface Page<T> {
  items: T[];
  /** 1-based. */
  page: number;
  pages: number;
  /** Index (0-based) of the first item in the whole list. */
  first: number;
  total: number;
}

/** Page `page` (clamped into range) of `size` items. */
export function pageOf<T>(items: readonly T[], page: number, size: number): Page<T> {
  const pages = Math.max(1, Math.ceil(items.length / size));
  const p = Math.min(Math.max(1, Number.isFinite(page) ? Math.floor(page) : 1), pages);
  const first = (p - 1) * size;
  return { items: items.slice(first, first + size), page: p, pages, first, total: items.length };
}
