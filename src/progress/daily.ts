import { DateTime } from 'luxon';
import { isHoliday } from './calendar.ts';
import type { Tracker } from './model.ts';

/**
 * Whether the tracker's post is due at `now`: its day, at or after its time (so a missed post catches up).
 * Mexico's official rest days are skipped whatever the days chosen: the summary is for working days.
 */
export function isDue(tracker: Tracker, now: Date, tz: string): boolean {
  if (!tracker.daily.enabled || tracker.removedAt) return false;
  const local = DateTime.fromJSDate(now, { zone: tz });
  return (
    tracker.daily.days.includes(local.weekday) &&
    !isHoliday(local) &&
    local.toFormat('HH:mm') >= tracker.daily.time
  );
}
