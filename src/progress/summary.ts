import { type Guide, PHASES, type Phase, type Step } from '../content/model.ts';
import { daysBetween, type IsoDate } from './calendar.ts';
import { type ShownDate, shownDate } from './due.ts';
import { initialState, type StepState } from './model.ts';

export interface StepLine {
  step: Step;
  state: StepState;
  shown?: ShownDate;
  /** Days from today to the shown date (negative: late). */
  daysLeft?: number;
}

export interface PhaseProgress {
  phase: Phase;
  total: number;
  completed: number;
  /** "████░░░░░░" */
  bar: string;
}

export interface ProgressSummary {
  total: number;
  completed: number;
  /** Whole percent, rounded down so 99.5 % is never shown as done. */
  percent: number;
  phases: PhaseProgress[];
  /** Open steps whose deadline has passed, most late first. */
  overdue: StepLine[];
  /** Deadlines and reviews from today to today + 7 days, soonest first. */
  dueSoon: StepLine[];
  blocked: StepLine[];
  /** Owner user id → steps they own that are not completed, in step order. */
  owners: { userId: string; steps: StepLine[] }[];
  lines: StepLine[];
}

export const SOON_DAYS = 7;

/**
 * Most urgent first: the latest overdue, then the soonest due; lines without a date last (in step order).
 * Sorting by days left does exactly that, since a late step has negative days left.
 */
export function byUrgency(a: Pick<StepLine, 'daysLeft'>, b: Pick<StepLine, 'daysLeft'>): number {
  const da = a.daysLeft ?? Number.POSITIVE_INFINITY;
  const db = b.daysLeft ?? Number.POSITIVE_INFINITY;
  return da === db ? 0 : da < db ? -1 : 1;
}
const BAR_WIDTH = 10;

export function progressBar(done: number, total: number, width = BAR_WIDTH): string {
  const filled = total === 0 ? 0 : Math.floor((done / total) * width);
  return '█'.repeat(filled) + '░'.repeat(width - filled);
}

export const percentOf = (done: number, total: number): number =>
  total === 0 ? 0 : Math.floor((done / total) * 100);

/** One step's line (a step nobody touched yet is pending): for a step card or a single answer. */
export function stepLine(
  step: Step,
  stored: StepState | undefined,
  startDate: IsoDate,
  today: IsoDate,
): StepLine {
  const state = stored ?? initialState(step.id);
  const shown = shownDate(step, state, startDate, today);
  return shown ? { step, state, shown, daysLeft: daysBetween(today, shown.date) } : { step, state };
}

/** Everything `/avance`, the daily post and the Home tab show, from the guide, the states and today. */
export function summarize(
  guide: Guide,
  states: ReadonlyMap<string, StepState>,
  startDate: IsoDate,
  today: IsoDate,
): ProgressSummary {
  const lines = guide.steps.map((step) => stepLine(step, states.get(step.id), startDate, today));
  const completed = lines.filter((l) => l.state.status === 'completado').length;
  const phases = PHASES.map((phase) => {
    const inPhase = lines.filter((l) => l.step.phase === phase);
    const done = inPhase.filter((l) => l.state.status === 'completado').length;
    return { phase, total: inPhase.length, completed: done, bar: progressBar(done, inPhase.length) };
  }).filter((p) => p.total > 0);
  const byDays = (a: StepLine, b: StepLine) => (a.daysLeft ?? 0) - (b.daysLeft ?? 0);
  const overdue = lines
    .filter((l) => l.state.status !== 'completado' && l.daysLeft !== undefined && l.daysLeft < 0)
    .sort(byDays);
  const dueSoon = lines
    .filter((l) => l.daysLeft !== undefined && l.daysLeft >= 0 && l.daysLeft <= SOON_DAYS)
    .sort(byDays);
  const owners = new Map<string, StepLine[]>();
  for (const line of lines) {
    const owner = line.state.ownerUserId;
    if (!owner || line.state.status === 'completado') continue;
    owners.set(owner, [...(owners.get(owner) ?? []), line]);
  }
  return {
    total: lines.length,
    completed,
    percent: percentOf(completed, lines.length),
    phases,
    overdue,
    dueSoon,
    blocked: lines.filter((l) => l.state.status === 'bloqueado'),
    owners: [...owners].map(([userId, steps]) => ({ userId, steps })),
    lines,
  };
}
