import type { Button, KnownBlock } from '@slack/types';
import type { Guide, Step } from '../content/model.ts';
import type { ProgressEvent } from '../ports/steps.ts';
import { formatDateEs } from '../progress/calendar.ts';
import type { DailySettings, Tracker } from '../progress/model.ts';
import { STATUS_LABEL, type StepState } from '../progress/model.ts';
import { type ProgressSummary, SOON_DAYS, type StepLine } from '../progress/summary.ts';
import { escapeMrkdwn, escapeUserText } from './escape.ts';
import { ACTIONS, COMMANDS } from './ids.ts';
import { capBlocks, context, cut, header, LIMITS, section } from './limits.ts';

/** What a button on a step card or on the Home tab carries: tracker id, guide id, step id, activity index. */
export interface ButtonValue {
  t: number;
  g: string;
  s: string;
  a?: number;
}

export const buttonValue = (v: ButtonValue): string => JSON.stringify(v);

/** `<@U123>` for a stored user id; anything that is not an id never reaches the mrkdwn. */
export const mention = (userId: string): string => `<@${userId.replace(/[^A-Z0-9]/gi, '')}>`;

const STATUS_EMOJI: Record<StepState['status'], string> = {
  pendiente: '⚪',
  en_curso: '🔵',
  bloqueado: '⛔',
  completado: '✅',
};

export const statusText = (state: Pick<StepState, 'status'>): string =>
  `${STATUS_EMOJI[state.status]} ${STATUS_LABEL[state.status]}`;

/**
 * "vence el 13 de febrero de 2027 (en 3 días)", "venció el … (hace 2 días)", "próxima revisión: …",
 * "cumplido" for a completed one-off step.
 */
export function dateText({ shown, daysLeft, state }: Pick<StepLine, 'shown' | 'daysLeft' | 'state'>): string {
  if (!shown) return state.status === 'completado' ? 'cumplido' : 'sin fecha límite';
  const date = formatDateEs(shown.date);
  if (shown.kind === 'revision') return `próxima revisión: ${date}`;
  if (daysLeft === undefined) return `vence el ${date}`;
  if (daysLeft < 0) return `venció el ${date} (hace ${-daysLeft} ${-daysLeft === 1 ? 'día' : 'días'})`;
  if (daysLeft === 0) return `vence hoy, ${date}`;
  return `vence el ${date} (en ${daysLeft} ${daysLeft === 1 ? 'día' : 'días'})`;
}

const lineText = (l: StepLine, ping: boolean): string =>
  `• \`${l.step.id}\` ${escapeMrkdwn(cut(l.step.title, 80))} — ${dateText(l)}` +
  (l.state.ownerUserId && ping ? ` · ${mention(l.state.ownerUserId)}` : '');

export const progressHeadline = (s: ProgressSummary): string =>
  `${s.percent} % · ${s.completed} de ${s.total} pasos completados`;

/**
 * The body shared by `/avance` and the daily post: progress, phases, late, due soon, owners.
 * `owners: false` (the daily channel post) mentions only the owners of late steps: the ones who must act.
 */
export function summaryBlocks(s: ProgressSummary, opts: { owners: boolean }): KnownBlock[] {
  const blocks: KnownBlock[] = [
    section(
      `*${progressHeadline(s)}*\n` +
        s.phases.map((p) => `\`${p.bar}\` ${p.phase} (${p.completed}/${p.total})`).join('\n'),
    ),
  ];
  if (s.overdue.length > 0)
    blocks.push(section(`*Vencidos*\n${s.overdue.map((l) => lineText(l, true)).join('\n')}`));
  if (s.dueSoon.length > 0) {
    blocks.push(
      section(
        `*En los próximos ${SOON_DAYS} días*\n${s.dueSoon.map((l) => lineText(l, opts.owners)).join('\n')}`,
      ),
    );
  }
  if (s.blocked.length > 0) {
    blocks.push(
      section(
        `*Bloqueados*\n${s.blocked
          .map((l) => `• \`${l.step.id}\` ${escapeUserText(cut(l.state.blockedReason ?? 'sin motivo', 200))}`)
          .join('\n')}`,
      ),
    );
  }
  if (opts.owners && s.owners.length > 0) {
    blocks.push(
      section(
        `*Responsables*\n${s.owners
          .map((o) => `• ${mention(o.userId)}: ${o.steps.map((l) => `\`${l.step.id}\``).join(', ')}`)
          .join('\n')}`,
      ),
    );
  }
  return blocks;
}

/** `/avance`: the channel's overview. */
export function overviewBlocks(
  guide: Guide,
  tracker: Tracker,
  s: ProgressSummary,
  created: boolean,
  /** `/avance institucion …`, when the team named it. */
  institution?: string,
): KnownBlock[] {
  const blocks: KnownBlock[] = [header(`Avance del canal · ${guide.title}`)];
  if (institution) blocks.push(context(`Institución: *${escapeMrkdwn(cut(institution, 120))}*`));
  if (created) {
    blocks.push(
      section(
        `Empecé a llevar el avance de este canal con inicio *hoy*. Si empezaron antes, usa ` +
          `\`${COMMANDS.avance} inicio AAAA-MM-DD\`.`,
      ),
    );
  }
  blocks.push(...summaryBlocks(s, { owners: true }));
  blocks.push(
    context(
      `Inicio: ${formatDateEs(tracker.startDate)}`,
      `Resumen diario: ${dailyText(tracker.daily)}`,
      `\`${COMMANDS.avance} 1.2\` ficha del paso · \`${COMMANDS.avance} ayuda\``,
    ),
  );
  return capBlocks(blocks, LIMITS.messageBlocks, 'Hay más; usa `/avance exportar`.');
}

const DAY_NAMES = ['lun', 'mar', 'mié', 'jue', 'vie', 'sáb', 'dom'];

export function daysText(days: number[]): string {
  const key = days.join(',');
  if (key === '1,2,3,4,5') return 'lun-vie';
  if (key === '1,2,3,4,5,6,7') return 'todos los días';
  return days.map((d) => DAY_NAMES[d - 1] ?? '?').join(', ');
}

export const dailyText = (d: DailySettings): string =>
  d.enabled
    ? `${d.time} (${daysText(d.days)}); en días sin novedades: ${d.quiet === 'nada' ? 'no publica' : 'una línea'}`
    : 'apagado';

/**
 * The team's card of one step: status, date, owner, and a button per activity while the step is open. A
 * completed step lists its activities without buttons: nothing is left to mark (reopen it to change them).
 * `note` ("Paso 1.2 completado.") opens the card and the notification text, which then does not repeat it.
 */
export function stepProgressBlocks(
  step: Step,
  line: StepLine,
  tracker: Tracker,
  guideId: string,
  note?: string,
): { blocks: KnownBlock[]; text: string } {
  const { state } = line;
  const value = (extra: { a?: number } = {}) =>
    buttonValue({ t: tracker.id, g: guideId, s: step.id, ...extra });
  const facts = [
    `*Estado:* ${statusText(state)}`,
    `*Plazo:* ${dateText(line)}`,
    `*Responsable:* ${state.ownerUserId ? mention(state.ownerUserId) : 'sin asignar'}`,
  ];
  if (state.blockedReason)
    facts.push(`*Motivo del bloqueo:* ${escapeUserText(cut(state.blockedReason, 500))}`);
  const blocks: KnownBlock[] = [
    ...(note ? [section(note)] : []),
    header(`Paso ${step.id} · ${step.title}`),
    section(facts.join('\n')),
    context(`Plazo en la guía: ${escapeMrkdwn(step.deadline.text)}`),
  ];
  const checked = new Set(state.checkedActivities);
  // Keep room for the header, facts, context, the buttons row and the "more" note within 50 blocks.
  const closed = state.status === 'completado';
  for (const [i, activity] of step.activities.slice(0, LIMITS.messageBlocks - 7).entries()) {
    const done = checked.has(i);
    if (closed) {
      blocks.push(section(`${done ? '☑️' : '•'} ${escapeMrkdwn(cut(activity, 600))}`));
      continue;
    }
    blocks.push({
      type: 'section',
      text: { type: 'mrkdwn', text: `${done ? '☑️' : '⬜'} ${escapeMrkdwn(cut(activity, 600))}` },
      accessory: {
        type: 'button',
        action_id: `${ACTIONS.avanceToggleActivity}_${i}`,
        text: { type: 'plain_text', text: done ? 'Desmarcar' : 'Hecho', emoji: true },
        value: value({ a: i }),
      },
    });
  }
  const buttons: Button[] = [];
  if (state.status === 'pendiente' || state.status === 'bloqueado') {
    buttons.push({
      type: 'button',
      action_id: ACTIONS.avanceStart,
      text: { type: 'plain_text', text: 'Iniciar', emoji: true },
      value: value(),
    });
  }
  if (state.status !== 'completado') {
    buttons.push({
      type: 'button',
      action_id: ACTIONS.avanceComplete,
      style: 'primary',
      text: { type: 'plain_text', text: 'Completar', emoji: true },
      value: value(),
    });
  }
  if (buttons.length > 0) blocks.push({ type: 'actions', elements: buttons });
  if (closed && step.activities.length > 0) {
    blocks.push(
      context(
        `Paso completado. Para marcar actividades, reábrelo: \`${COMMANDS.avance} reabrir ${step.id}\``,
      ),
    );
  }
  const text = note
    ? `${note} Plazo: ${dateText(line)}.`
    : `Paso ${step.id}: ${STATUS_LABEL[state.status]}, ${dateText(line)}`;
  return { blocks, text };
}

/**
 * One change in words: "<@U1> completó el paso 1.2". With `actor: false` the same change without who made it
 * ("Paso 1.2 completado"): a channel post must not ping each author every morning, and without users:read we
 * have no display name to write instead, so the post says what changed and `/avance historial` says who.
 */
export function eventText(e: ProgressEvent, opts: { actor?: boolean } = {}): string {
  const withActor = opts.actor ?? true;
  const who = mention(e.userId);
  const step = e.stepId ? `el paso \`${e.stepId}\`` : '';
  const Step = e.stepId ? `Paso \`${e.stepId}\`` : 'Paso';
  /** "<@U1> completó el paso 1.2" or "Paso 1.2 completado". */
  const onStep = (active: string, passive: string, tail = ''): string =>
    withActor ? `${who} ${active} ${step}${tail}` : `${Step} ${passive}${tail}`;
  const before = (e.before ?? {}) as Partial<StepState> & Partial<Tracker>;
  const after = (e.after ?? {}) as Partial<StepState> & Partial<Tracker>;
  switch (e.kind) {
    case 'step.status':
      if (after.status === 'completado') return onStep('completó', 'completado');
      if (after.status === 'bloqueado') {
        return onStep('bloqueó', 'bloqueado', `: _${escapeUserText(cut(after.blockedReason ?? '', 200))}_`);
      }
      if (before.status === 'completado') return onStep('reabrió', 'reabierto');
      if (before.status === 'bloqueado') return onStep('desbloqueó', 'desbloqueado');
      return onStep('inició', 'iniciado');
    case 'step.owner':
      if (!withActor)
        return after.ownerUserId ? `${Step}: nueva persona responsable` : `${Step} sin responsable`;
      return after.ownerUserId
        ? `${who} asignó ${step} a ${mention(after.ownerUserId)}`
        : `${who} quitó al responsable de ${step}`;
    case 'step.activity': {
      const added = (after.checkedActivities ?? []).filter(
        (i) => !(before.checkedActivities ?? []).includes(i),
      );
      const removed = (before.checkedActivities ?? []).filter(
        (i) => !(after.checkedActivities ?? []).includes(i),
      );
      const n = (added[0] ?? removed[0] ?? 0) + 1;
      const marked = added[0] !== undefined;
      if (!withActor) return `${Step}: actividad ${n} ${marked ? 'marcada' : 'desmarcada'}`;
      return `${who} ${marked ? 'marcó' : 'desmarcó'} la actividad ${n} de ${step}`;
    }
    case 'tracker.created':
      return withActor ? `${who} empezó a llevar el avance` : 'Se empezó a llevar el avance';
    case 'tracker.start_date': {
      const date = after.startDate ? formatDateEs(after.startDate) : '?';
      return withActor ? `${who} cambió la fecha de inicio a ${date}` : `Fecha de inicio cambiada a ${date}`;
    }
    case 'tracker.guide': {
      const guide = `\`${escapeMrkdwn(after.guideId ?? '?')}\``;
      return withActor ? `${who} cambió la guía a ${guide}` : `Guía cambiada a ${guide}`;
    }
    case 'tracker.daily': {
      const daily = after.daily ? dailyText(after.daily) : '?';
      return withActor ? `${who} cambió el resumen diario: ${daily}` : `Resumen diario cambiado: ${daily}`;
    }
    case 'tracker.removed':
      return 'El bot ya no está en el canal';
    case 'tracker.restored':
      return withActor ? `${who} volvió a activar el avance` : 'Avance activado de nuevo';
  }
}

/** "13 feb 2026, 10:32" in the team's zone. */
export type FormatInstant = (iso: string) => string;

export function historyBlocks(
  events: ProgressEvent[],
  stepId: string | undefined,
  when: FormatInstant,
): KnownBlock[] {
  const title = stepId ? `Historial del paso ${stepId}` : 'Historial del canal';
  if (events.length === 0) return [section(`*${title}*\nTodavía no hay cambios.`)];
  const lines = events.map((e) => `• ${when(e.at)} · ${eventText(e)} · _${escapeMrkdwn(cut(e.source, 40))}_`);
  return [section(cut(`*${title}* (más recientes primero)\n${lines.join('\n')}`, LIMITS.sectionText))];
}

export const AVANCE_HELP = [
  `*\`${COMMANDS.avance}\`* — avance del equipo en este canal`,
  `• \`${COMMANDS.avance}\` resumen: porcentaje, fases, vencidos, próximos ${SOON_DAYS} días, responsables`,
  `• \`${COMMANDS.avance} 1.2\` ficha del paso con sus actividades`,
  `• \`${COMMANDS.avance} inicio 2026-01-15\` fecha de inicio (de ella salen los plazos)`,
  `• \`${COMMANDS.avance} iniciar 1.2\` · \`completar 1.2\` · \`reabrir 1.2\` · \`bloquear 1.2 motivo\``,
  `• \`${COMMANDS.avance} asignar 1.2 @persona\``,
  `• \`${COMMANDS.avance} historial [1.2]\` · \`${COMMANDS.avance} exportar\` (CSV)`,
  `• \`${COMMANDS.avance} guia guia-2015\` cambia la guía que se sigue`,
  `• \`${COMMANDS.avance} diario 09:00 [lun-vie]\` · \`diario off\` · \`diario sin-cambios linea|nada\``,
  `• \`${COMMANDS.avance} institucion Secretaría de Economía\` de qué institución es este canal`,
  `• \`${COMMANDS.avance} semanal lun 09:00\` · \`semanal off\` informe semanal con gráfica`,
  `• \`${COMMANDS.avance} coordinacion\` (en un canal propio) el avance de todas las instituciones · \`coordinacion exportar\``,
].join('\n');
