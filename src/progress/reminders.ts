/**
 * Which reminders are due, for whom, at a given instant: pure rules, no clock, no store, no Slack.
 *
 * Each open step with an owner and a deadline gets at most three reminders, by DM to its owner:
 * - `antes`: N working days before the due date (N per channel, default 3);
 * - `hoy`: on the due date, or on the working day before it when the due date is a rest day (nobody should
 *   learn on Monday that it was due on Sunday);
 * - `vencido`: on the first working day after the due date.
 * Never on a rest day (weekends and Mexico's official rest days). A reminder is due from the channel's daily
 * time (or 09:00) of its day, in GUIA_TZ, until the end of that day: a runner that was down catches up the
 * same day, never a later one. Sending each at most once is the caller's job (a claim per step and kind).
 * Steps that only repeat (reviews of "de manera continua") have no deadline and get no reminder.
 */
import { DateTime } from 'luxon';
import type { Guide } from '../content/model.ts';
import {
  type IsoDate,
  isoOf,
  isWorkingDay,
  nextWorkingDay,
  subtractWorkingDays,
  toDate,
  workingDayOnOrBefore,
} from './calendar.ts';
import { shownDate } from './due.ts';
import type { StepState } from './model.ts';

export const REMINDER_KINDS = ['antes', 'hoy', 'vencido'] as const;
export type ReminderKind = (typeof REMINDER_KINDS)[number];

export const DEFAULT_LEAD_DAYS = 3;
export const MAX_LEAD_DAYS = 30;
/** When the channel has no daily time. */
export const DEFAULT_REMINDER_TIME = '09:00';

export interface ReminderSettings {
  enabled: boolean;
  /** Working days before the due date for the `antes` reminder; 0 means none. */
  leadDays: number;
}

export interface DueReminder {
  stepId: string;
  ownerUserId: string;
  kind: ReminderKind;
  /** The step's due date. */
  dueDate: IsoDate;
  /** The day this reminder belongs to (its claim is per step and kind, this is for the message). */
  day: IsoDate;
}

/** The day of each reminder of a step due on `due`. */
export function reminderDays(due: IsoDate, leadDays: number): Partial<Record<ReminderKind, IsoDate>> {
  const date = toDate(due);
  const hoy = workingDayOnOrBefore(date);
  const days: Partial<Record<ReminderKind, IsoDate>> = {
    hoy: isoOf(hoy),
    vencido: isoOf(nextWorkingDay(date)),
  };
  if (leadDays > 0) {
    const antes = subtractWorkingDays(date, leadDays);
    // With a rest-day due date the lead can land on the same day as `hoy`: then one reminder is enough.
    if (isoOf(antes) !== days.hoy) days.antes = isoOf(antes);
  }
  return days;
}

export interface ReminderInput {
  guide: Guide;
  states: ReadonlyMap<string, StepState>;
  startDate: IsoDate;
  settings: ReminderSettings;
  /** "HH:MM": the channel's daily time, or DEFAULT_REMINDER_TIME. */
  time: string;
  now: Date;
  tz: string;
  /** True when this owner said «No recordarme este paso» for this step. */
  isMuted?: (stepId: string, userId: string) => boolean;
}

/** The reminders due at `now` (today's, once today's time has come), in step order. */
export function dueReminders(input: ReminderInput): DueReminder[] {
  if (!input.settings.enabled) return [];
  const local = DateTime.fromJSDate(input.now, { zone: input.tz });
  const today = local.toISODate() ?? '';
  if (!isWorkingDay(toDate(today)) || local.toFormat('HH:mm') < input.time) return [];
  const out: DueReminder[] = [];
  for (const step of input.guide.steps) {
    const state = input.states.get(step.id);
    if (!state?.ownerUserId || state.status === 'completado') continue;
    if (input.isMuted?.(step.id, state.ownerUserId)) continue;
    const shown = shownDate(step, state, input.startDate, today);
    if (shown?.kind !== 'vence') continue;
    const days = reminderDays(shown.date, input.settings.leadDays);
    for (const kind of REMINDER_KINDS) {
      if (days[kind] === today) {
        out.push({ stepId: step.id, ownerUserId: state.ownerUserId, kind, dueDate: shown.date, day: today });
      }
    }
  }
  return out;
}
