import { DateTime } from 'luxon';

/** Time zone used for every "today" and every due date unless GUIA_TZ says otherwise. */
export const DEFAULT_TZ = 'America/Mexico_City';

/** A calendar date as "AAAA-MM-DD". Dates (not instants) keep the arithmetic free of time-zone surprises. */
export type IsoDate = string;

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Parses "AAAA-MM-DD" strictly: impossible dates such as 2026-02-30 give undefined. */
export function parseIsoDate(text: string): DateTime | undefined {
  if (!ISO_DATE.test(text)) return undefined;
  const date = DateTime.fromISO(text, { zone: 'UTC' });
  return date.isValid ? date : undefined;
}

/**
 * Parsed dates and working-day sums, remembered: luxon takes tens of microseconds per parse and the
 * coordination overview asks the same few dates thousands of times. DateTime values are immutable, so
 * sharing them is safe; the maps are emptied when they grow past a bound.
 */
const CACHE_MAX = 20_000;
const parsedDates = new Map<string, DateTime>();
const workingDaySums = new Map<string, DateTime>();
const remember = <T>(cache: Map<string, T>, key: string, value: T): T => {
  if (cache.size >= CACHE_MAX) cache.clear();
  cache.set(key, value);
  return value;
};

/** Dates are handled as UTC midnights so adding days never crosses a daylight-saving change. */
export function toDate(iso: IsoDate): DateTime {
  const known = parsedDates.get(iso);
  if (known) return known;
  const date = parseIsoDate(iso);
  if (!date) throw new Error(`Fecha inválida: ${iso}`);
  return remember(parsedDates, iso, date);
}

export const isoOf = (date: DateTime): IsoDate => date.toISODate() ?? '';

/** The local calendar date of an instant in the given zone. */
export function localDate(now: Date, tz: string = DEFAULT_TZ): IsoDate {
  return DateTime.fromJSDate(now, { zone: tz }).toISODate() ?? '';
}

/** "13 de febrero de 2027". */
export function formatDateEs(iso: IsoDate): string {
  return toDate(iso).setLocale('es').toFormat("d 'de' MMMM 'de' yyyy");
}

function nthMonday(year: number, month: number, n: number): DateTime {
  const first = DateTime.utc(year, month, 1);
  // luxon weekday: 1 = Monday … 7 = Sunday.
  const offset = (8 - first.weekday) % 7;
  return first.plus({ days: offset + 7 * (n - 1) });
}

/**
 * Mexico's official rest days ("días de descanso obligatorio"), Ley Federal del Trabajo, art. 74:
 *   I. 1 de enero; II. primer lunes de febrero (Constitución); III. tercer lunes de marzo (Juárez);
 *   IV. 1 de mayo; V. 16 de septiembre; VI. tercer lunes de noviembre (Revolución);
 *   VII. 1 de octubre cada seis años, cuando corresponda a la transmisión del Poder Ejecutivo Federal
 *        (2024, 2030, …; before the 2024 reform it was 1 de diciembre, so 2018 had 1 December);
 *   VIII. 25 de diciembre;
 *   IX. election days, which are declared case by case: not included because they cannot be computed.
 * Sorted "AAAA-MM-DD" strings.
 */
export function mexicanHolidays(year: number): IsoDate[] {
  const days: DateTime[] = [
    DateTime.utc(year, 1, 1),
    nthMonday(year, 2, 1),
    nthMonday(year, 3, 3),
    DateTime.utc(year, 5, 1),
    DateTime.utc(year, 9, 16),
    nthMonday(year, 11, 3),
    DateTime.utc(year, 12, 25),
  ];
  if (year >= 2024 && (year - 2024) % 6 === 0) days.push(DateTime.utc(year, 10, 1));
  if (year < 2024 && (year - 2018) % 6 === 0) days.push(DateTime.utc(year, 12, 1));
  return days.map(isoOf).sort();
}

const holidayCache = new Map<number, Set<IsoDate>>();

export function isHoliday(date: DateTime): boolean {
  let set = holidayCache.get(date.year);
  if (!set) {
    set = new Set(mexicanHolidays(date.year));
    holidayCache.set(date.year, set);
  }
  return set.has(isoOf(date));
}

/** Monday to Friday and not an official rest day. */
export function isWorkingDay(date: DateTime): boolean {
  return date.weekday <= 5 && !isHoliday(date);
}

/** The date `count` working days after `start` (the start day itself never counts). */
export function addWorkingDays(start: DateTime, count: number): DateTime {
  const key = `${start.toMillis()} ${start.zoneName} +${count}`;
  const known = workingDaySums.get(key);
  if (known) return known;
  let date = start;
  let left = count;
  while (left > 0) {
    date = date.plus({ days: 1 });
    if (isWorkingDay(date)) left -= 1;
  }
  return remember(workingDaySums, key, date);
}

/** Whole calendar days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: IsoDate, to: IsoDate): number {
  // Both are UTC midnights: a plain difference of milliseconds is exact (and far cheaper than luxon's diff).
  return Math.round((toDate(to).toMillis() - toDate(from).toMillis()) / 86_400_000);
}
