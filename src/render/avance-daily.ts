import type { KnownBlock } from '@slack/types';
import type { Guide } from '../content/model.ts';
import type { ProgressEvent } from '../ports/steps.ts';
import { formatDateEs, type IsoDate } from '../progress/calendar.ts';
import { type ProgressSummary, SOON_DAYS, type StepLine } from '../progress/summary.ts';
import {
  count,
  dateText,
  eventText,
  type NameOf,
  person,
  progressHeadline,
  statusText,
  summaryBlocks,
  userText,
} from './avance.ts';
import { escapeMrkdwn } from './escape.ts';
import { COMMANDS } from './ids.ts';
import { context, cut, section } from './limits.ts';

const MAX_CHANGES = 15;

/**
 * A step that changed since the last post, once, as it is now: "`1.2` Priorizar — ✅ completado · responsable:
 * *Ana* · actividades 2 de 3". Twelve reassignments of a step are one line naming its final owner.
 */
function changedStepLine(line: StepLine, names: NameOf): string {
  const { state, step } = line;
  const parts = [`\`${step.id}\` ${escapeMrkdwn(cut(step.title, 80))} — ${statusText(state)}`];
  if (state.status === 'bloqueado' && state.blockedReason) {
    parts[0] += `: _${userText(cut(state.blockedReason, 200), names)}_`;
  }
  if (state.ownerUserId) parts.push(`responsable: ${person(state.ownerUserId, names, 'asignado')}`);
  if (step.activities.length > 0 && state.status !== 'completado') {
    parts.push(`actividades: ${state.checkedActivities.length} de ${step.activities.length}`);
  }
  if (state.status !== 'completado') parts.push(dateText(line));
  return `• ${parts.join(' · ')}`;
}

/** The people a post names (owners of changed steps, people mentioned in their reasons), to look up once. */
export function peopleNamed(changes: readonly ProgressEvent[], summary: ProgressSummary): string[] {
  const changed = new Set(changes.flatMap((e) => (e.stepId ? [e.stepId] : [])));
  const ids = new Set<string>();
  for (const line of summary.lines) {
    if (!changed.has(line.step.id)) continue;
    if (line.state.ownerUserId) ids.add(line.state.ownerUserId);
    for (const m of (line.state.blockedReason ?? '').matchAll(/<@([UW][A-Z0-9]+)>/g)) if (m[1]) ids.add(m[1]);
  }
  for (const line of summary.blocked) {
    for (const m of (line.state.blockedReason ?? '').matchAll(/<@([UW][A-Z0-9]+)>/g)) if (m[1]) ids.add(m[1]);
  }
  return [...ids];
}

/**
 * The daily channel post: each step that changed since the last one, once, in its final state and naming
 * people (names, not pings); late and upcoming steps; progress. The only mentions are the owners of late
 * steps: the ones who must act.
 */
export function dailyPostBlocks(
  guide: Guide,
  today: IsoDate,
  changes: ProgressEvent[],
  summary: ProgressSummary,
  names: NameOf = () => undefined,
  /** `/avance institucion …`, when the team named it. */
  institution?: string,
): { text: string; blocks: KnownBlock[] } {
  const who = institution ? ` · ${escapeMrkdwn(cut(institution, 120))}` : '';
  const blocks: KnownBlock[] = [section(`*Avance diario · ${formatDateEs(today)}*${who} · ${guide.title}`)];
  const changedSteps = new Set(changes.flatMap((e) => (e.stepId ? [e.stepId] : [])));
  const stepLines = summary.lines
    .filter((l) => changedSteps.has(l.step.id))
    .map((l) => changedStepLine(l, names));
  // Settings of the channel (start date, guide): the latest of each kind, without its author.
  const latest = new Map<string, ProgressEvent>();
  for (const e of changes) if (!e.stepId) latest.set(e.kind, e);
  const settingLines = [...latest.values()].map((e) => `• ${eventText(e, { actor: false, names })}`);
  const lines = [...settingLines, ...stepLines];
  if (lines.length > 0) {
    const shown = lines.slice(0, MAX_CHANGES);
    if (lines.length > MAX_CHANGES) {
      shown.push(`• … y ${count(lines.length - MAX_CHANGES, 'paso', 'pasos')} más con cambios`);
    }
    blocks.push(section(`*Desde el último resumen*\n${shown.join('\n')}`));
  }
  blocks.push(...summaryBlocks(summary, { owners: false, names }));
  blocks.push(
    context(
      `\`${COMMANDS.avance}\` para el detalle · \`${COMMANDS.avance} historial\` dice quién hizo cada cambio · ` +
        `\`${COMMANDS.avance} diario off\` para apagarlo`,
    ),
  );
  const parts = [progressHeadline(summary)];
  if (summary.overdue.length > 0) parts.push(count(summary.overdue.length, 'vencido', 'vencidos'));
  if (summary.dueSoon.length > 0) parts.push(`${summary.dueSoon.length} en los próximos ${SOON_DAYS} días`);
  return { text: `Avance diario: ${parts.join('; ')}`, blocks };
}

/** A day with no change and nothing due. */
export function quietLine(summary: ProgressSummary): { text: string; blocks: KnownBlock[] } {
  const text = `Sin novedades hoy · ${progressHeadline(summary)}`;
  return { text, blocks: [context(text)] };
}

/** The DM to whoever set a channel's daily post, when Slack refused it for good. */
export function dailyStoppedMessage(
  channelId: string,
  reason: string,
): { text: string; blocks: KnownBlock[] } {
  const where = `<#${channelId.replace(/[^A-Z0-9]/gi, '')}>`;
  const text =
    `No pude publicar el resumen diario en ${where} (${escapeMrkdwn(reason)}): normalmente es porque el bot ` +
    'ya no es miembro del canal. Invítalo con `/invite @guia` en ese canal; al volver, el resumen sigue solo ' +
    `(\`${COMMANDS.avance}\` en el canal también lo dice).`;
  return { text, blocks: [section(`:warning: ${text}`)] };
}
