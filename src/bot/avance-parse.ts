/** The grammar of `/avance`, pure so each wrong input has a table test. */
import { escapeUserText } from '../render/escape.ts';
import { cut } from '../render/limits.ts';

/** User words echoed back: Slack sent them entity-encoded; decode once, then escape for mrkdwn. */
const echo = (text: string): string =>
  escapeUserText(
    // Shown inside `code`: a backtick would end it.
    cut(text.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&'), 40).replace(/`/g, "'"),
  );

export type AvanceRequest =
  | { kind: 'overview' }
  | { kind: 'help' }
  | { kind: 'step'; stepId: string }
  | { kind: 'start-date'; date: string }
  | { kind: 'status'; action: 'iniciar' | 'completar' | 'reabrir'; stepId: string }
  | { kind: 'block'; stepId: string; reason: string }
  | { kind: 'assign'; stepId: string; userId: string }
  | { kind: 'history'; stepId?: string }
  | { kind: 'export' }
  | { kind: 'guide'; guideId: string }
  | { kind: 'daily'; time: string; days: number[] }
  | { kind: 'daily-off' }
  | { kind: 'daily-quiet'; quiet: 'linea' | 'nada' }
  | { kind: 'daily-show' }
  | { kind: 'error'; message: string };

const STEP = /^\d{1,2}\.\d{1,2}$/;
/** "01.2" is step 1.2. */
const stepId = (text: string): string =>
  text
    .split('.')
    .map((n) => String(Number(n)))
    .join('.');
/** "1,2" is almost surely step 1.2 written with a decimal comma. */
const commaHint = (arg: string | undefined): string =>
  arg && /^\d{1,2},\d{1,2}$/.test(arg)
    ? ` Los pasos se escriben con punto: \`${arg.replace(',', '.')}\`.`
    : '';
const DAY_KEYS: Record<string, number> = {
  lun: 1,
  lunes: 1,
  mar: 2,
  martes: 2,
  mie: 3,
  mié: 3,
  miercoles: 3,
  miércoles: 3,
  jue: 4,
  jueves: 4,
  vie: 5,
  viernes: 5,
  sab: 6,
  sáb: 6,
  sabado: 6,
  sábado: 6,
  dom: 7,
  domingo: 7,
};

export const SYNTAX = {
  inicio: '`/avance inicio AAAA-MM-DD` (por ejemplo `/avance inicio 2026-01-15`)',
  paso: (verb: string) => `\`/avance ${verb} 1.2\``,
  bloquear: '`/avance bloquear 1.2 motivo del bloqueo`',
  asignar: '`/avance asignar 1.2 @persona`',
  historial: '`/avance historial` o `/avance historial 1.2`',
  guia: '`/avance guia guia-2015`',
  diario: '`/avance diario 09:00 lun-vie`, `/avance diario off` o `/avance diario sin-cambios linea|nada`',
} as const;

/** Single letters as on Mexican calendars (L M X J V S D; "mi" for miércoles too). */
const DAY_LETTERS: Record<string, number> = { l: 1, m: 2, x: 3, mi: 3, j: 4, v: 5, s: 6, d: 7 };

/**
 * "lun-vie", "lunes a viernes", "de lunes a viernes", "L-V", "lun al vie", "lun,mié,vie", "lun y mié",
 * "todos"; a range may wrap round the week ("vie-lun"). Undefined when a word is not a day.
 */
export function parseDays(text: string): number[] | undefined {
  const t = text.toLowerCase().normalize('NFC').trim().replace(/[.]+$/, '').replace(/\s+/g, ' ');
  if (['todos', 'diario', 'todos los días', 'todos los dias', 'todoslosdías', 'todoslosdias'].includes(t)) {
    return [1, 2, 3, 4, 5, 6, 7];
  }
  const normalized = t
    .replace(/^de /, '')
    .replace(/ (?:a|al|hasta) /g, '-')
    .replace(/ ?- ?/g, '-')
    .replace(/ ?, ?| y /g, ',')
    .replace(/ /g, ',');
  // Own keys only: "constructor" or "__proto__" must not read Object.prototype as a day.
  const day = (word: string): number | undefined =>
    Object.hasOwn(DAY_KEYS, word)
      ? DAY_KEYS[word]
      : Object.hasOwn(DAY_LETTERS, word)
        ? DAY_LETTERS[word]
        : undefined;
  const days = new Set<number>();
  for (const part of normalized.split(',')) {
    const range = part.split('-');
    if (range.length === 1) {
      const d = day(part);
      if (!d) return undefined;
      days.add(d);
    } else if (range.length === 2) {
      const from = day(range[0] ?? '');
      const to = day(range[1] ?? '');
      if (!from || !to) return undefined;
      // "vie-lun" wraps round the weekend.
      for (let d = from; ; d = (d % 7) + 1) {
        days.add(d);
        if (d === to) break;
      }
    } else {
      return undefined;
    }
  }
  return days.size > 0 ? [...days].sort((a, b) => a - b) : undefined;
}

const err = (message: string): AvanceRequest => ({ kind: 'error', message });

/** `text` is the raw slash-command text (mentions arrive as `<@U123|nombre>` with should_escape). */
export function parseAvance(text: string): AvanceRequest {
  const t = text.trim();
  if (t === '') return { kind: 'overview' };
  const [rawVerb = '', ...rest] = t.split(/\s+/);
  const verb = rawVerb.toLowerCase();
  const arg = rest[0];
  if (['ayuda', 'help', '?'].includes(verb)) return { kind: 'help' };
  if (STEP.test(verb) && rest.length === 0) return { kind: 'step', stepId: stepId(verb) };
  switch (verb) {
    case 'inicio': {
      if (!arg || rest.length > 1) return err(`Indica la fecha de inicio: ${SYNTAX.inicio}.`);
      return { kind: 'start-date', date: arg };
    }
    case 'iniciar':
    case 'completar':
    case 'reabrir':
      if (!arg || !STEP.test(arg) || rest.length > 1) {
        return err(`Indica el número de paso: ${SYNTAX.paso(verb)}.${commaHint(arg)}`);
      }
      return { kind: 'status', action: verb, stepId: stepId(arg) };
    case 'bloquear': {
      const reason = rest.slice(1).join(' ').trim();
      if (!arg || !STEP.test(arg) || !reason) {
        return err(`Indica el paso y el motivo: ${SYNTAX.bloquear}.${commaHint(arg)}`);
      }
      return { kind: 'block', stepId: stepId(arg), reason };
    }
    case 'asignar': {
      if (!arg || !STEP.test(arg)) {
        return err(`Indica el paso y menciona a la persona con @: ${SYNTAX.asignar}.${commaHint(arg)}`);
      }
      const target = rest.slice(1).join(' ').trim();
      if ((target.match(/<@[UW][A-Z0-9]+/g) ?? []).length > 1) {
        return err(`Un paso tiene una sola persona responsable; menciona a una: ${SYNTAX.asignar}.`);
      }
      const who = /^<@([UW][A-Z0-9]+)(?:\|[^>]*)?>$/.exec(target);
      if (!who?.[1]) return err(`Menciona a la persona con @ para asignarle el paso: ${SYNTAX.asignar}.`);
      return { kind: 'assign', stepId: stepId(arg), userId: who[1] };
    }
    case 'historial':
      if (rest.length === 0) return { kind: 'history' };
      if (arg && STEP.test(arg) && rest.length === 1) return { kind: 'history', stepId: stepId(arg) };
      return err(`Uso: ${SYNTAX.historial}.`);
    case 'exportar':
    case 'csv':
      return { kind: 'export' };
    case 'guia':
    case 'guía':
      if (!arg || rest.length > 1) return err(`Indica la guía: ${SYNTAX.guia}.`);
      return { kind: 'guide', guideId: arg.toLowerCase() };
    case 'diario':
      return parseDaily(rest);
    default:
      return err(
        `No conozco \`${echo(verb)}\`.${commaHint(verb)} Escribe \`/avance ayuda\` para ver las opciones.`,
      );
  }
}

function parseDaily(args: string[]): AvanceRequest {
  const [first, second, ...more] = args;
  if (!first) return { kind: 'daily-show' };
  const lower = first.toLowerCase();
  if (['off', 'apagar', 'no'].includes(lower) && !second) return { kind: 'daily-off' };
  if (lower === 'sin-cambios') {
    const q = second?.toLowerCase();
    if ((q === 'linea' || q === 'línea' || q === 'nada') && more.length === 0) {
      return { kind: 'daily-quiet', quiet: q === 'nada' ? 'nada' : 'linea' };
    }
    return err(`Uso: ${SYNTAX.diario}.`);
  }
  const time = /^([01]?\d|2[0-3]):([0-5]\d)$/.exec(first);
  if (!time) return err(`La hora va en formato 24 h, HH:MM. Uso: ${SYNTAX.diario}.`);
  const hhmm = `${(time[1] ?? '').padStart(2, '0')}:${time[2]}`;
  // Every word after the time is the days: "lunes a viernes" is three tokens.
  const dayText = args.slice(1).join(' ');
  const days = dayText ? parseDays(dayText) : [1, 2, 3, 4, 5];
  if (!days) {
    return err(
      `No entendí los días «${echo(dayText)}». Usa p. ej. \`lun-vie\`, \`lunes a viernes\` o \`lun,mié,vie\`. ` +
        `Uso: ${SYNTAX.diario}.`,
    );
  }
  return { kind: 'daily', time: hhmm, days };
}
