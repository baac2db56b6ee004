import type { Config, TopLevelSpec } from 'vega-lite';
import { MONTHS_ES } from '../../content/deadline.ts';
import { PHASES } from '../../content/model.ts';
import type { CoordinationChartData, TeamChartData } from '../../coordination/chart-data.ts';
import { formatDateEs } from '../../progress/calendar.ts';
import { CHART_FONT_FAMILY } from './font.ts';

/** Spanish month and day names and number format for the axes (vega's default is English). */
const ES_LOCALE: NonNullable<Config['locale']> = {
  time: {
    dateTime: '%A, %e de %B de %Y, %X',
    date: '%d/%m/%Y',
    time: '%H:%M:%S',
    periods: ['a. m.', 'p. m.'],
    days: ['domingo', 'lunes', 'martes', 'miércoles', 'jueves', 'viernes', 'sábado'],
    shortDays: ['dom', 'lun', 'mar', 'mié', 'jue', 'vie', 'sáb'],
    months: [...MONTHS_ES],
    shortMonths: ['ene', 'feb', 'mar', 'abr', 'may', 'jun', 'jul', 'ago', 'sep', 'oct', 'nov', 'dic'],
  },
  number: { decimal: '.', thousands: ',', grouping: [3], currency: ['$', ''] },
};

/** Shared look: one font (the one resvg loads), white background, Spanish locale. */
const CONFIG: Config = {
  font: CHART_FONT_FAMILY,
  background: 'white',
  padding: 16,
  view: { stroke: null },
  axis: { labelFontSize: 12, titleFontSize: 12, labelColor: '#3c4043', titleColor: '#3c4043' },
  legend: { labelFontSize: 12, titleFontSize: 12, orient: 'bottom' },
  title: { fontSize: 16, subtitleFontSize: 12, subtitleColor: '#5f6368', anchor: 'start' },
  locale: ES_LOCALE,
};

/** The later of two ISO dates (they sort as text). */
const latest = (...dates: string[]): string => dates.sort().at(-1) ?? '';

const COLORS = { done: '#188038', plan: '#9aa0a6', today: '#d93025', empty: '#f1f3f4' } as const;

/** Heat map: one row per institution (riskiest first), one column per phase, colour and label = % done. */
export function coordinationChartSpec(data: CoordinationChartData): TopLevelSpec {
  const cut = data.totalInstitutions > data.institutions.length;
  const subtitle =
    `${formatDateEs(data.today)} · ` +
    (cut
      ? `las ${data.institutions.length} instituciones con más riesgo de ${data.totalInstitutions}`
      : `${data.institutions.length} ${data.institutions.length === 1 ? 'institución' : 'instituciones'}`);
  const values = data.cells.map((c) => ({
    ...c,
    label: `${c.percent} % (${c.completed}/${c.total})`,
  }));
  const encoding = {
    y: {
      field: 'institution',
      type: 'nominal',
      sort: data.institutions,
      title: null,
      axis: { labelLimit: 260, ticks: false, domain: false, labelPadding: 8 },
    },
    x: {
      field: 'phase',
      type: 'nominal',
      sort: [...PHASES],
      title: null,
      axis: { orient: 'top', labelAngle: 0, ticks: false, domain: false, labelFontWeight: 'bold' },
    },
  } as const;
  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    config: CONFIG,
    title: { text: 'Avance por institución y fase', subtitle },
    width: { step: 120 },
    height: { step: 28 },
    data: { values },
    encoding,
    layer: [
      {
        mark: { type: 'rect', stroke: 'white', strokeWidth: 2 },
        encoding: {
          color: {
            field: 'percent',
            type: 'quantitative',
            title: '% completado',
            scale: { domain: [0, 100], range: [COLORS.empty, COLORS.done], interpolate: 'rgb' },
            legend: { orient: 'bottom', gradientLength: 200, direction: 'horizontal' },
          },
        },
      },
      {
        mark: { type: 'text', fontSize: 12 },
        encoding: {
          text: { field: 'label', type: 'nominal' },
          color: { condition: { test: 'datum.percent >= 60', value: 'white' }, value: '#202124' },
        },
      },
    ],
  };
}

/** Burn-up: steps completed (cumulative) against the steps due by each date (the plan), with a "hoy" rule. */
export function teamChartSpec(data: TeamChartData, title: string): TopLevelSpec {
  const DONE = 'Completados';
  const PLAN = 'Plan (plazos de la guía)';
  const points: Array<{ date: string; count: number; series: string }> = [];
  /** A step line: one point per distinct date with the count reached that day, held until `until`. */
  const cumulative = (dates: readonly string[], series: string, until: string): void => {
    const counts = new Map<string, number>([[data.startDate, 0]]);
    let count = 0;
    for (const date of dates) {
      count += 1;
      counts.set(latest(date, data.startDate), count);
    }
    const last = [...counts.keys()].at(-1) ?? data.startDate;
    if (last < until) counts.set(until, count);
    for (const [date, n] of counts) points.push({ date, count: n, series });
  };
  const lastDue = data.dueOn.at(-1) ?? data.startDate;
  cumulative(data.dueOn, PLAN, latest(lastDue, data.today));
  cumulative(data.completedOn, DONE, data.today);
  const done = data.completedOn.length;
  const planned = data.dueOn.filter((d) => d <= data.today).length;
  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    config: CONFIG,
    title: {
      text: title,
      subtitle: `${formatDateEs(data.today)} · ${done} de ${data.total} pasos completados; a hoy vencían ${planned}`,
    },
    width: 560,
    height: 280,
    layer: [
      {
        data: { values: points },
        mark: { type: 'line', interpolate: 'step-after', strokeWidth: 2.5, point: { size: 30 } },
        encoding: {
          x: {
            field: 'date',
            type: 'temporal',
            scale: { type: 'utc' },
            title: null,
            axis: { format: '%-d %b', labelAngle: 0, labelOverlap: true, grid: false },
          },
          y: {
            field: 'count',
            type: 'quantitative',
            title: 'Pasos',
            scale: { domain: [0, Math.max(1, data.total)] },
            axis: { tickMinStep: 1, format: 'd' },
          },
          color: {
            field: 'series',
            type: 'nominal',
            title: null,
            scale: { domain: [DONE, PLAN], range: [COLORS.done, COLORS.plan] },
            legend: { labelLimit: 320 },
          },
        },
      },
      {
        data: { values: [{ date: data.today, label: 'hoy' }] },
        mark: { type: 'rule', color: COLORS.today, strokeDash: [4, 3] },
        encoding: { x: { field: 'date', type: 'temporal', scale: { type: 'utc' } } },
      },
      {
        data: { values: [{ date: data.today, label: 'hoy' }] },
        mark: { type: 'text', color: COLORS.today, dy: -6, baseline: 'bottom', y: 0, fontWeight: 'bold' },
        encoding: {
          x: { field: 'date', type: 'temporal', scale: { type: 'utc' } },
          text: { field: 'label', type: 'nominal' },
        },
      },
    ],
  };
}
