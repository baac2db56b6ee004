import type { CoordinationChartData, TeamChartData } from '../../coordination/chart-data.ts';
import { formatDateEs } from '../../progress/calendar.ts';

/** Slack's limit for a file's alt text. */
export const ALT_TEXT_MAX = 1000;

/** Adds `parts` while they fit, then says how many were left out. */
function fitParts(head: string, parts: string[], more: (n: number) => string): string {
  let text = head;
  for (const [i, part] of parts.entries()) {
    const rest = parts.length - i - 1;
    const tail = rest > 0 ? more(rest) : '';
    if (text.length + 1 + part.length + tail.length > ALT_TEXT_MAX)
      return `${text} ${more(parts.length - i)}`;
    text += ` ${part}`;
  }
  return text;
}

/** What the coordination heat map shows, for screen readers: every institution's percent per phase. */
export function coordinationAltText(data: CoordinationChartData): string {
  const n = data.totalInstitutions;
  const head =
    `Mapa de calor del avance por institución y fase al ${formatDateEs(data.today)}: ` +
    `${n} ${n === 1 ? 'institución' : 'instituciones'}, de la de más riesgo a la de menos.`;
  const parts = data.institutions.map((name) => {
    const cells = data.cells.filter((c) => c.institution === name);
    return `${name}: ${cells.map((c) => `${c.phase} ${c.percent} %`).join(', ')}.`;
  });
  const hidden = n - data.institutions.length;
  return fitParts(head, parts, (left) => `Y ${left + hidden} instituciones más.`).slice(0, ALT_TEXT_MAX);
}

/** What the team's burn-up shows: completed so far against what the guide's deadlines asked for by today. */
export function teamAltText(data: TeamChartData, title: string): string {
  const due = data.dueOn.filter((d) => d <= data.today).length;
  const last = data.completedOn.at(-1);
  return (
    `${title}. Gráfica de pasos completados a lo largo del tiempo contra los plazos de la guía, ` +
    `del ${formatDateEs(data.startDate)} al ${formatDateEs(data.today)}: ` +
    `${data.completedOn.length} de ${data.total} pasos completados` +
    (last ? ` (el último, el ${formatDateEs(last)})` : '') +
    `; según los plazos ya debían estar ${due}.`
  ).slice(0, ALT_TEXT_MAX);
}
