import type { KnownBlock } from '@slack/types';
import type { InstitutionWeek, MoveKind, WeeklyReport } from '../coordination/weekly.ts';
import { formatDateEs } from '../progress/calendar.ts';
import { mention } from './avance.ts';
import { channelRef, institutionName, LIGHT_EMOJI } from './coordination.ts';
import { escapeMrkdwn } from './escape.ts';
import { COMMANDS } from './ids.ts';
import { context, cut, header, LIMITS, section } from './limits.ts';

const plural = (n: number, one: string, many: string): string => `${n} ${n === 1 ? one : many}`;

const MOVE_WORDS: Record<MoveKind, [string, string]> = {
  completed: ['completado', 'completados'],
  started: ['iniciado', 'iniciados'],
  blocked: ['bloqueado', 'bloqueados'],
  reopened: ['reabierto', 'reabiertos'],
};
const MOVE_ORDER: MoveKind[] = ['completed', 'started', 'blocked', 'reopened'];

/** Sections of at most Slack's 3000 characters from `lines`; lines beyond `maxSections` are counted, not cut. */
function listSections(title: string, lines: string[], maxSections: number, more: (n: number) => string) {
  const blocks: KnownBlock[] = [];
  let current = `*${title}*`;
  for (const [i, line] of lines.entries()) {
    if (current.length + 1 + line.length > LIMITS.sectionText - 80) {
      if (blocks.length + 1 >= maxSections) {
        current += `\n${more(lines.length - i)}`;
        blocks.push(section(current));
        return blocks;
      }
      blocks.push(section(current));
      current = '';
    }
    current += `${current ? '\n' : ''}${line}`;
  }
  blocks.push(section(current));
  return blocks;
}

const movesText = (moves: InstitutionWeek['moves'], withIds: boolean): string =>
  MOVE_ORDER.map((kind) => {
    const steps = moves.filter((m) => m.kind === kind);
    if (steps.length === 0) return '';
    const [one, many] = MOVE_WORDS[kind];
    const ids = withIds ? ` (${steps.map((m) => `\`${m.stepId}\``).join(', ')})` : '';
    return `${plural(steps.length, one, many)}${ids}`;
  })
    .filter(Boolean)
    .join(', ');

const delta = (now: number, before: number): string => {
  const d = now - before;
  return d === 0 ? 'sin cambio' : `${d > 0 ? '+' : ''}${d} ${Math.abs(d) === 1 ? 'punto' : 'puntos'}`;
};

function trendText(r: WeeklyReport): string {
  const t = r.trend;
  const parts = [
    `*${t.percentNow} %* (${t.completedNow} de ${t.total} pasos) · ${delta(t.percentNow, t.percentWeekAgo)} en la semana`,
    t.completedThisWeek > 0
      ? `${plural(t.completedThisWeek, 'paso completado', 'pasos completados')} esta semana`
      : 'ningún paso completado esta semana',
  ];
  if (t.weeksToFinish !== undefined) {
    parts.push(`a este ritmo faltan unas ${plural(t.weeksToFinish, 'semana', 'semanas')} para terminar`);
  } else if (t.completedNow === t.total && t.total > 0) {
    parts.push('¡todos los pasos completados!');
  }
  return `*Tendencia*\n${parts.join(' · ')}`;
}

/**
 * The weekly post. For the coordination channel: what moved per institution, who is late, the trend; it
 * mentions nobody (the owners are other channels' people). For a team channel: its own moves and late steps,
 * mentioning only the owners of overdue steps, as the daily post does.
 */
export function weeklyBlocks(r: WeeklyReport): { text: string; blocks: KnownBlock[] } {
  const range = `${formatDateEs(r.since)} al ${formatDateEs(r.today)}`;
  const blocks: KnownBlock[] = [
    header(r.scope === 'coordination' ? 'Informe semanal de coordinación' : 'Informe semanal del avance'),
    context(`Del ${range}`),
  ];
  const moved = r.institutions.filter((i) => i.moves.length > 0);
  if (r.scope === 'coordination') {
    const lines = moved.map(
      (i) =>
        `• *${institutionName(i)}*${i.institution ? '' : ` ${i.channelIds.map(channelRef).join(' ')}`}: ` +
        `${movesText(i.moves, false)} · ${i.percentNow} % (${delta(i.percentNow, i.percentWeekAgo)})`,
    );
    const still = r.institutions.length - moved.length;
    if (lines.length === 0) blocks.push(section('*Esta semana*\nNinguna institución registró movimientos.'));
    else
      blocks.push(
        ...listSections(
          'Esta semana',
          lines,
          6,
          (n) => `… y ${plural(n, 'institución más', 'instituciones más')}`,
        ),
      );
    if (still > 0 && lines.length > 0) {
      blocks.push(context(`${plural(still, 'institución', 'instituciones')} sin movimientos esta semana`));
    }
    const lateInstitutions = r.institutions.filter((i) => i.overdue > 0);
    if (lateInstitutions.length > 0) {
      const late = lateInstitutions.map(
        (i) =>
          `${LIGHT_EMOJI.red} *${institutionName(i)}* ${i.channelIds.map(channelRef).join(' ')}: ` +
          `${plural(i.overdue, 'paso vencido', 'pasos vencidos')} (el más atrasado: ${plural(i.maxDaysLate, 'día', 'días')})`,
      );
      blocks.push(
        ...listSections(
          'Quién va tarde',
          late,
          6,
          (n) => `… y ${plural(n, 'institución más', 'instituciones más')}`,
        ),
      );
    } else {
      blocks.push(section('*Quién va tarde*\nNadie: ningún paso vencido. 🎉'));
    }
  } else {
    const own = r.institutions[0];
    blocks.push(
      section(
        `*Esta semana*\n${own && own.moves.length > 0 ? movesText(own.moves, true) : 'Sin movimientos esta semana.'}`,
      ),
    );
    if (r.late.length > 0) {
      const late = r.late.map(
        (l) =>
          `• \`${l.stepId}\` ${escapeMrkdwn(cut(l.title, 80))} — hace ${plural(l.daysLate, 'día', 'días')}` +
          (l.ownerUserId ? ` · ${mention(l.ownerUserId)}` : ' · sin responsable'),
      );
      blocks.push(...listSections('Vencidos', late, 3, (n) => `… y ${plural(n, 'paso más', 'pasos más')}`));
    }
  }
  blocks.push(section(trendText(r)));
  blocks.push(
    context(
      r.scope === 'coordination'
        ? `\`${COMMANDS.avance} coordinacion\` para el detalle por canal · \`${COMMANDS.avance} semanal off\` para apagarlo`
        : `\`${COMMANDS.avance}\` para el detalle · \`${COMMANDS.avance} semanal off\` para apagarlo`,
    ),
  );
  const lateCount = r.late.length;
  const text =
    `Informe semanal: ${r.trend.percentNow} % (${delta(r.trend.percentNow, r.trend.percentWeekAgo)}), ` +
    `${plural(r.trend.completedThisWeek, 'paso completado', 'pasos completados')} esta semana` +
    (lateCount > 0 ? `, ${plural(lateCount, 'vencido', 'vencidos')}` : '');
  return { text: cut(text, LIMITS.fallbackText), blocks };
}
