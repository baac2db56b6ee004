import { PHASES, type Phase } from '../content/model.ts';
import type { IsoDate } from '../progress/calendar.ts';
import { dayOf } from '../progress/csv.ts';
import { dueDate } from '../progress/due.ts';
import { type ProgressSummary, percentOf } from '../progress/summary.ts';
import type { OverviewRow } from './overview.ts';

/** One institution's progress in one phase, summed over its channels. */
export interface InstitutionPhaseCell {
  institution: string;
  phase: Phase;
  completed: number;
  total: number;
  percent: number;
}

export interface CoordinationChartData {
  today: IsoDate;
  /** Institutions in risk order (the riskiest channel of each decides), at most `limit`. */
  institutions: string[];
  /** How many institutions there are in all (more than `institutions.length` when the chart is cut). */
  totalInstitutions: number;
  cells: InstitutionPhaseCell[];
}

/** A chart taller than this many rows stops being readable in a Slack preview. */
export const CHART_MAX_INSTITUTIONS = 40;

/** The label of a channel with no institution yet: its channel id, which Slack users can look up. */
export const unnamedInstitution = (channelId: string): string => `Sin institución (${channelId})`;

/** Institutions × phases for the coordination chart, from the overview's rows (already sorted by risk). */
export function coordinationChartData(
  rows: readonly OverviewRow[],
  today: IsoDate,
  limit = CHART_MAX_INSTITUTIONS,
): CoordinationChartData {
  const byName = new Map<string, Map<Phase, { completed: number; total: number }>>();
  for (const row of rows) {
    const name = row.institution ?? unnamedInstitution(row.channelId);
    let phases = byName.get(name);
    if (!phases) {
      phases = new Map();
      byName.set(name, phases);
    }
    for (const p of row.phases) {
      const sum = phases.get(p.phase) ?? { completed: 0, total: 0 };
      phases.set(p.phase, { completed: sum.completed + p.completed, total: sum.total + p.total });
    }
  }
  const institutions = [...byName.keys()].slice(0, limit);
  const cells: InstitutionPhaseCell[] = [];
  for (const institution of institutions) {
    const phases = byName.get(institution);
    for (const phase of PHASES) {
      const sum = phases?.get(phase);
      if (!sum || sum.total === 0) continue;
      cells.push({ institution, phase, ...sum, percent: percentOf(sum.completed, sum.total) });
    }
  }
  return { today, institutions, totalInstitutions: byName.size, cells };
}

export interface TeamChartData {
  startDate: IsoDate;
  today: IsoDate;
  total: number;
  /** Local dates the completed steps were completed on, sorted. */
  completedOn: IsoDate[];
  /** First deadlines of the steps that have one (the plan), sorted. */
  dueOn: IsoDate[];
}

/** Steps completed over time against their due dates, for one channel's weekly chart. */
export function teamChartData(
  summary: ProgressSummary,
  startDate: IsoDate,
  today: IsoDate,
  tz: string,
): TeamChartData {
  const completedOn = summary.lines
    .filter((l) => l.state.status === 'completado' && l.state.completedAt)
    .map((l) => dayOf(l.state.completedAt, tz))
    .sort();
  const dueOn = summary.lines
    .map((l) => (l.step.deadline.days !== undefined ? dueDate(l.step, startDate) : undefined))
    .filter((d): d is IsoDate => d !== undefined)
    .sort();
  return { startDate, today, total: summary.total, completedOn, dueOn };
}
