import { localDate } from './calendar.ts';
import { STATUS_LABEL } from './model.ts';
import type { ProgressSummary } from './summary.ts';

/**
 * RFC 4180 field: quoted when needed. A leading =, +, - or @ gets a quote mark so a spreadsheet never runs
 * what a user typed (e.g. a block reason) as a formula.
 */
export function csvField(value: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

const dayOf = (iso: string | undefined, tz: string): string => (iso ? localDate(new Date(iso), tz) : '');

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
  return `${[header, ...rows].map((r) => r.map(csvField).join(',')).join('\r\n')}\r\n`;
}
