import type { DateTime, DurationLike } from 'luxon';
import type { Recurrence, Step } from '../content/model.ts';
import { addWorkingDays, type IsoDate, isoOf, toDate } from './calendar.ts';
import type { StepState } from './model.ts';

/**
 * How often a recurring step comes back. "continua" has no period in the guide; a monthly review is what a
 * team would expect to be reminded of: often enough to keep the work alive, rare enough not to nag.
 */
export const RECURRENCE_PERIOD: Record<Recurrence, DurationLike> = {
  continua: { months: 1 },
  mensual: { months: 1 },
  bimestral: { months: 2 },
  trimestral: { months: 3 },
  semestral: { months: 6 },
  anual: { years: 1 },
};

const times = (period: DurationLike, k: number): DurationLike => {
  const p = period as { months?: number; years?: number };
  return { months: (p.months ?? 0) * k, years: (p.years ?? 0) * k };
};

/**
 * The first (or only) deadline of a step for a team that started on `startDate`.
 * - "N días naturales": N calendar days after the start.
 * - "N días hábiles": N working days after the start, skipping weekends and official rest days.
 * - "N días" with no qualifier: calendar days. Every other count in the guide says "naturales", so we read
 *   it the same way; it is also the earlier of the two readings, so a team is never told too late.
 * - No count but a recurrence ("De manera bimestral"): the first review, one period after the start.
 * - Neither: no due date.
 */
const dueCache = new Map<string, IsoDate | undefined>();

export function dueDate(step: Pick<Step, 'deadline'>, startDate: IsoDate): IsoDate | undefined {
  const { days, dayKind, recurrence } = step.deadline;
  // Pure in its inputs, and asked for every step of every tracker by the coordination overview: remembered.
  const key = `${startDate} ${days ?? ''} ${dayKind ?? ''} ${recurrence ?? ''}`;
  if (dueCache.has(key)) return dueCache.get(key);
  const start = toDate(startDate);
  let due: IsoDate | undefined;
  if (days !== undefined) {
    due = isoOf(dayKind === 'hábiles' ? addWorkingDays(start, days) : start.plus({ days }));
  } else if (recurrence) {
    due = isoOf(start.plus(RECURRENCE_PERIOD[recurrence]));
  }
  if (dueCache.size >= 20_000) dueCache.clear();
  dueCache.set(key, due);
  return due;
}

const reviewCache = new Map<string, IsoDate | undefined>();

/**
 * The first review of a recurring step on or after `today`. Reviews fall one, two, … periods after the first
 * deadline (computed from the deadline each time, so 31 January does not drift to the 28th). For a step
 * that only repeats ("De manera bimestral") the first deadline is itself the first review.
 */
export function nextReview(
  step: Pick<Step, 'deadline'>,
  startDate: IsoDate,
  today: IsoDate,
): IsoDate | undefined {
  const { recurrence, days } = step.deadline;
  const first = dueDate(step, startDate);
  if (!recurrence || !first) return undefined;
  // Pure too, and asked for every recurring step of every tracker each time the overview is drawn.
  const key = `${first} ${recurrence} ${days === undefined ? '' : 'n'} ${today}`;
  if (reviewCache.has(key)) return reviewCache.get(key);
  const review = walkToReview(first, recurrence, days, today);
  if (reviewCache.size >= 20_000) reviewCache.clear();
  reviewCache.set(key, review);
  return review;
}

function walkToReview(
  first: IsoDate,
  recurrence: Recurrence,
  days: number | undefined,
  today: IsoDate,
): IsoDate | undefined {
  const base: DateTime = toDate(first);
  const period = RECURRENCE_PERIOD[recurrence];
  const todayDate = toDate(today);
  // Every review before the period that contains today is earlier than today: start one period short of it
  // instead of walking from the first deadline (months of iterations per step for an old tracker).
  const p = period as { months?: number; years?: number };
  const periodMonths = (p.months ?? 0) + 12 * (p.years ?? 0);
  const monthsAway = (todayDate.year - base.year) * 12 + (todayDate.month - base.month);
  const skip = periodMonths > 0 ? Math.max(0, Math.floor(monthsAway / periodMonths) - 1) : 0;
  for (let k = Math.max(days === undefined ? 0 : 1, skip); k < 10_000; k += 1) {
    const review = base.plus(times(period, k));
    if (review >= todayDate) return isoOf(review);
  }
  return undefined;
}

export interface ShownDate {
  date: IsoDate;
  /** "vence": the step's deadline; "revision": the next review of a recurring step. */
  kind: 'vence' | 'revision';
}

/**
 * The one date to show for a step:
 * - a step with a count of days, while open: its deadline, even when passed (that is what makes it overdue);
 * - a step that only repeats (no count of days): always its next review, which rolls forward: work that is
 *   "continua" or "bimestral" cannot be late by months, it is simply due again at the next review;
 * - a completed recurring step: its next review; a completed one-off step: nothing.
 */
export function shownDate(
  step: Pick<Step, 'deadline'>,
  state: Pick<StepState, 'status'>,
  startDate: IsoDate,
  today: IsoDate,
): ShownDate | undefined {
  const onlyRepeats = step.deadline.days === undefined && step.deadline.recurrence !== undefined;
  if (state.status !== 'completado' && !onlyRepeats) {
    const date = dueDate(step, startDate);
    return date ? { date, kind: 'vence' } : undefined;
  }
  const review = nextReview(step, startDate, today);
  return review ? { date: review, kind: 'revision' } : undefined;
}
