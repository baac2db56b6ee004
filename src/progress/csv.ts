import { localDate } from './calendar.ts';
import { STATUS_LABEL } from './model.ts';
import type { ProgressSummary } from './summary.ts';

/**
 * A cell a spreadsheet could read as a formula: =, +, - or @ first (also their full-width forms, which some
 * spreadsheets fold), possibly after spaces, or a leading tab or carriage return.
 */
const FORMULA_START = /^(?:[ \u00a0]*[=+\-@\uff1d\uff0b\uff0d\uff20]|[\t\r\n])/;

/**
 * RFC 4180 field: quoted when needed. A cell that could start a formula gets a quote mark first so a
 * spreadsheet never runs what a user typed (e.g. a block reason or an institution's name) as a formula.
 */
export function csvField(value: string): string {
  const safe = FORMULA_START.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/** Header and rows as one RFC 4180 text with CRLF line ends (what spreadsheets expect). */
export const csvTable = (header: readonly string[], rows: readonly (readonly string[])[]): string =>
  `${[header, ...rows].map((r) => r.map(csvField).join(',')).join('\r\n')}\r\n`;

const days = new Map<string, string>();

/** The local date of an ISO instant, or '' for none (remembered: an export asks thousands of them). */
export function dayOf(iso: string | undefined, tz: string): string {
  if (!iso) return '';
  const key = `${tz} ${iso}`;
  let day = days.get(key);
  if (day === undefined) {
    day = localDate(new Date(iso), tz);
    if (days.size >= 20_000) days.clear();
    days.set(key, day);
  }
  return day;
}

/** The steps of a tracker, one row each: what `/avance exportar` uploads. */
export function progressCsv(summary: ProgressSummary, tz: string): string {
  const header = [
    'paso',
    'titulo',
    'fase',
    'estado',
    'responsable',
    'iniciado',
    'vence',
    'completado',
    'motivo_bloqueo',
  ];
  const rows = summary.lines.map((l) => [
    l.step.id,
    l.step.title,
    l.step.phase,
    STATUS_LABEL[l.state.status],
    l.state.ownerUserId ?? '',
    dayOf(l.state.startedAt, tz),
    l.shown?.date ?? '',
    dayOf(l.state.completedAt, tz),
    l.state.blockedReason ?? '',
  ]);
  return csvTable(header, rows);
}
