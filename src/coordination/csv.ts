import { daysBetween, type IsoDate } from '../progress/calendar.ts';
import { csvTable, dayOf } from '../progress/csv.ts';
import { dueDate } from '../progress/due.ts';
import { STATUS_LABEL } from '../progress/model.ts';
import type { StepLine } from '../progress/summary.ts';
import type { OverviewRow } from './overview.ts';

const HEADER = [
  'institucion',
  'canal',
  'guia',
  'paso',
  'titulo',
  'fase',
  'estado',
  'responsable',
  'iniciado',
  'vence',
  'completado',
  'dias_de_retraso',
  'motivo_bloqueo',
] as const;

/** The deadline a step is measured against: the open step's shown deadline, or a finished step's first one. */
function deadlineOf(line: StepLine, startDate: IsoDate): IsoDate | undefined {
  if (line.shown?.kind === 'vence') return line.shown.date;
  if (line.state.status === 'completado' && line.step.deadline.days !== undefined) {
    return dueDate(line.step, startDate);
  }
  return undefined;
}

/**
 * Whole days past the deadline: for an open step up to today, for a completed one up to the day it was
 * completed; 0 when on time, '' when the step has no deadline (a review that only repeats cannot be late).
 */
export function daysLate(line: StepLine, startDate: IsoDate, today: IsoDate, tz: string): string {
  const due = deadlineOf(line, startDate);
  if (!due) return '';
  const end = line.state.status === 'completado' ? dayOf(line.state.completedAt, tz) || today : today;
  return String(Math.max(0, daysBetween(due, end)));
}

/** `/avance coordinacion exportar`: every tracker × step, in the overview's (risk) order. */
export function coordinationCsv(rows: readonly OverviewRow[], today: IsoDate, tz: string): string {
  const out: string[][] = [];
  for (const row of rows) {
    for (const l of row.summary.lines) {
      out.push([
        row.institution ?? '',
        row.channelId,
        row.guideId,
        l.step.id,
        l.step.title,
        l.step.phase,
        STATUS_LABEL[l.state.status],
        l.state.ownerUserId ?? '',
        dayOf(l.state.startedAt, tz),
        l.shown?.date ?? deadlineOf(l, row.startDate) ?? '',
        dayOf(l.state.completedAt, tz),
        daysLate(l, row.startDate, today, tz),
        l.state.blockedReason ?? '',
      ]);
    }
  }
  return csvTable(HEADER, out);
}
