import { DateTime } from 'luxon';
import { type IsoDate, isoOf, isWorkingDay, toDate } from '../progress/calendar.ts';

/** `/avance semanal lun 09:00`: the weekday and time of a channel's weekly report, in GUIA_TZ. */
export interface WeeklySettings {
  enabled: boolean;
  /** ISO weekday, 1 = lunes … 7 = domingo. */
  day: number;
  /** "HH:MM". */
  time: string;
}

export const DEFAULT_WEEKLY: WeeklySettings = { enabled: false, day: 1, time: '09:00' };

/** One week's report: the week it belongs to (its Monday, the claim key) and the day it is posted on. */
export interface WeeklySlot {
  week: IsoDate;
  date: IsoDate;
}

const mondayOf = (date: DateTime): DateTime => date.minus({ days: date.weekday - 1 });

/**
 * The day the report of the week starting `monday` is posted: its chosen weekday, or when that is a weekend
 * or an official rest day, the next working day (which may fall in the following week: it is still that
 * week's report, claimed under that week).
 */
export function postingDate(monday: IsoDate, day: number): IsoDate {
  let date = toDate(monday).plus({ days: day - 1 });
  while (!isWorkingDay(date)) date = date.plus({ days: 1 });
  return isoOf(date);
}

/**
 * The report due at `now`, if any: today is a week's posting day and the time has come. A report missed
 * while the bot was down goes out later the same day, never on a later one (next week's report will cover it).
 */
export function dueWeeklySlot(settings: WeeklySettings, now: Date, tz: string): WeeklySlot | undefined {
  if (!settings.enabled) return undefined;
  const local = DateTime.fromJSDate(now, { zone: tz });
  if (local.toFormat('HH:mm') < settings.time) return undefined;
  const today = local.toISODate() ?? '';
  const thisMonday = mondayOf(toDate(today));
  // This week's slot, or last week's pushed into this week by a rest day; a holiday run is at most a few days.
  for (const monday of [thisMonday, thisMonday.minus({ weeks: 1 })]) {
    const week = isoOf(monday);
    if (postingDate(week, settings.day) === today) return { week, date: today };
  }
  return undefined;
}

/** The first day the report covers: a week before the posting day. */
export const weekStart = (date: IsoDate): IsoDate => isoOf(toDate(date).minus({ days: 7 }));
