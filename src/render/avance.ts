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
  `${s.percent} % · ${s.completed} de ${count(s.total, 'paso completado', 'pasos completados')}`;

/**
 * The body shared by `/avance` and the daily post: progress, phases, late, due soon, owners.
 * `owners: false` (the daily channel post) mentions only the owners of late steps: the ones who must act.
 */
export function summaryBlocks(s: ProgressSummary, opts: { owners: boolean; names?: NameOf }): KnownBlock[] {
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
          .map(
            (l) =>
              `• \`${l.step.id}\` ${userText(cut(l.state.blockedReason ?? 'sin motivo', 200), opts.names)}`,
          )
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

/** How people name an edition: its year ("2015") when it has one, otherwise its id. */
export function editionName(guide: Pick<Guide, 'id' | 'editionDate'>): string {
  return /(?:19|20)\d\d/.exec(guide.id)?.[0] ?? guide.editionDate?.slice(0, 4) ?? guide.id;
}

/**
 * For an edition of which only some steps are published (the 2015 edition has only 4.1): says so plainly and
 * suggests the complete edition, instead of letting «0 de 1 paso» look like the whole guide.
 */
export function partialEditionText(guide: Guide, full: Guide | undefined): string | undefined {
  if (!full || full.id === guide.id || guide.steps.length >= full.steps.length) return undefined;
  const ids = guide.steps.map((s) => s.id);
  const which =
    ids.length === 1
      ? `solo está publicado el paso ${ids[0]}`
      : `solo están publicados los pasos ${ids.slice(0, -1).join(', ')} y ${ids[ids.length - 1]}`;
  return (
    `De *${escapeMrkdwn(guide.title)}* ${which}: el avance cuenta solo ${ids.length === 1 ? 'ese paso' : 'esos pasos'}. ` +
    `Para llevar el avance de la guía completa (${count(full.steps.length, 'paso', 'pasos')}), usa ` +
    `\`${COMMANDS.avance} guia ${editionName(full)}\`.`
  );
}

/** `/avance`: the channel's overview. `full` is the complete (default) edition, to compare a partial one. */
export function overviewBlocks(
  guide: Guide,
  tracker: Tracker,
  s: ProgressSummary,
  created: boolean,
  full?: Guide,
  /** `/avance institucion …`, when the team named it. */
  institution?: string,
): KnownBlock[] {
  const blocks: KnownBlock[] = [header(`Avance del canal · ${guide.title}`)];
  if (institution) blocks.push(context(`Institución: *${escapeMrkdwn(cut(institution, 120))}*`));
  const partial = partialEditionText(guide, full);
  if (partial) blocks.push(section(`:information_source: ${partial}`));
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
  if (state.blockedReason) facts.push(`*Motivo del bloqueo:* ${userText(cut(state.blockedReason, 500))}`);
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
        action_id: `${done ? ACTIONS.avanceUncheckActivity : ACTIONS.avanceCheckActivity}_${i}`,
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

/** "1 paso", "2 pasos": Spanish agreement for every count the bot writes. */
export const count = (n: number, one: string, many: string): string => `${n} ${n === 1 ? one : many}`;

/** A person's display name, when known (users:read, cached); undefined when Slack did not say. */
export type NameOf = (userId: string) => string | undefined;

/**
 * A person in a message: a mention where a mention is right (a private reply, the owner of a late step),
 * their name in bold where a ping would be noise (the channel's daily post); "alguien" if the name is unknown.
 */
export const person = (userId: string, names?: NameOf, unknown = 'alguien'): string => {
  if (!names) return mention(userId);
  const name = names(userId);
  return name ? `*${escapeMrkdwn(cut(name, 80))}*` : unknown;
};

/**
 * A text someone typed (a block reason), escaped so it cannot format or ping, except the people it mentions
 * (`<@U3>`), which stay mentions (or names, with `names`).
 */
export function userText(text: string, names?: NameOf): string {
  return text
    .split(/(<@[UW][A-Z0-9]+>)/)
    .map((part, i) => (i % 2 === 1 ? person(part.slice(2, -1), names) : escapeUserText(part)))
    .join('');
}

/** Past tense, third person and «tú» (the reader's own changes in their history: «Tú completaste…»). */
const PAST: Record<string, string> = {
  completó: 'completaste',
  bloqueó: 'bloqueaste',
  actualizó: 'actualizaste',
  reabrió: 'reabriste',
  desbloqueó: 'desbloqueaste',
  inició: 'iniciaste',
  asignó: 'asignaste',
  quitó: 'quitaste',
  marcó: 'marcaste',
  desmarcó: 'desmarcaste',
  empezó: 'empezaste',
  cambió: 'cambiaste',
  volvió: 'volviste',
};

export interface EventTextOptions {
  /** false: the change without who made it ("Paso 1.2 completado"). */
  actor?: boolean;
  /** The reader: their own changes read «Tú completaste el paso 1.2». */
  you?: string;
  /** Names instead of mentions (the channel post). */
  names?: NameOf;
}

/**
 * One change in words: "<@U1> completó el paso 1.2", «Tú completaste el paso 1.2» for the reader's own. With
 * `actor: false` the same change without who made it ("Paso 1.2 completado").
 */
export function eventText(e: ProgressEvent, opts: EventTextOptions = {}): string {
  const withActor = opts.actor ?? true;
  const mine = opts.you !== undefined && e.userId === opts.you;
  const who = mine ? 'Tú' : person(e.userId, opts.names);
  const did = (verb: string): string => `${who} ${mine ? (PAST[verb] ?? verb) : verb}`;
  const step = e.stepId ? `el paso \`${e.stepId}\`` : '';
  const ofStep = e.stepId ? `del paso \`${e.stepId}\`` : '';
  const Step = e.stepId ? `Paso \`${e.stepId}\`` : 'Paso';
  /** "<@U1> completó el paso 1.2" or "Paso 1.2 completado". */
  const onStep = (active: string, passive: string, tail = ''): string =>
    withActor ? `${did(active)} ${step}${tail}` : `${Step} ${passive}${tail}`;
  const before = (e.before ?? {}) as Partial<StepState> & Partial<Tracker>;
  const after = (e.after ?? {}) as Partial<StepState> & Partial<Tracker>;
  switch (e.kind) {
    case 'step.status': {
      if (after.status === 'completado') return onStep('completó', 'completado');
      if (after.status === 'bloqueado') {
        const reason = `: _${userText(cut(after.blockedReason ?? '', 200), opts.names)}_`;
        if (before.status === 'bloqueado') {
          return withActor
            ? `${did('actualizó')} el motivo del bloqueo ${ofStep}${reason}`
            : `${Step}: nuevo motivo del bloqueo${reason}`;
        }
        return onStep('bloqueó', 'bloqueado', reason);
      }
      if (before.status === 'completado') return onStep('reabrió', 'reabierto');
      if (before.status === 'bloqueado') return onStep('desbloqueó', 'desbloqueado');
      return onStep('inició', 'iniciado');
    }
    case 'step.owner': {
      const owner = after.ownerUserId;
      if (!withActor) {
        return owner ? `${Step}: responsable ${person(owner, opts.names)}` : `${Step} sin responsable`;
      }
      if (!owner) return `${did('quitó')} al responsable ${ofStep}`;
      // «<@U2> te asignó el paso 1.2», «Tú te asignaste el paso 1.2».
      if (owner === opts.you) return `${who} te ${mine ? 'asignaste' : 'asignó'} ${step}`;
      return `${did('asignó')} ${step} a ${person(owner, opts.names)}`;
    }
    case 'step.activity': {
      const added = (after.checkedActivities ?? []).filter(
        (i) => !(before.checkedActivities ?? []).includes(i),
      );
      const removed = (before.checkedActivities ?? []).filter(
        (i) => !(after.checkedActivities ?? []).includes(i),
      );
      const marked = added.length > 0;
      const which = (marked ? added : removed).map((i) => i + 1);
      const what =
        which.length > 1
          ? `las actividades ${which.slice(0, -1).join(', ')} y ${which[which.length - 1]}`
          : `la actividad ${which[0] ?? 1}`;
      if (!withActor) {
        const done = marked ? 'marcada' : 'desmarcada';
        return `${Step}: ${what.replace(/^la |^las /, '')} ${which.length > 1 ? `${done}s` : done}`;
      }
      return `${did(marked ? 'marcó' : 'desmarcó')} ${what} ${ofStep}`;
    }
    case 'tracker.created':
      return withActor ? `${did('empezó')} a llevar el avance` : 'Se empezó a llevar el avance';
    case 'tracker.start_date': {
      const date = after.startDate ? formatDateEs(after.startDate) : '?';
      return withActor
        ? `${did('cambió')} la fecha de inicio a ${date}`
        : `Fecha de inicio cambiada a ${date}`;
    }
    case 'tracker.guide': {
      const guide = `\`${escapeMrkdwn(after.guideId ?? '?')}\``;
      return withActor ? `${did('cambió')} la guía a ${guide}` : `Guía cambiada a ${guide}`;
    }
    case 'tracker.daily': {
      const daily = after.daily ? dailyText(after.daily) : '?';
      return withActor ? `${did('cambió')} el resumen diario: ${daily}` : `Resumen diario cambiado: ${daily}`;
    }
    case 'tracker.removed':
      return 'El bot ya no está en el canal';
    case 'tracker.restored':
      return withActor ? `${did('volvió')} a activar el avance` : 'Avance activado de nuevo';
  }
}

/** "13 feb 2026, 10:32" in the team's zone. */
export type FormatInstant = (iso: string) => string;

export function historyBlocks(
  events: ProgressEvent[],
  stepId: string | undefined,
  when: FormatInstant,
  /** The reader: their own changes read «Tú …». */
  you?: string,
): KnownBlock[] {
  const title = stepId ? `Historial del paso ${stepId}` : 'Historial del canal';
  if (events.length === 0) return [section(`*${title}*\nTodavía no hay cambios.`)];
  const lines = events.map(
    (e) => `• ${when(e.at)} · ${eventText(e, { you })} · _${escapeMrkdwn(cut(e.source, 40))}_`,
  );
  return [section(cut(`*${title}* (más recientes primero)\n${lines.join('\n')}`, LIMITS.sectionText))];
}
