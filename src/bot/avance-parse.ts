/** The grammar of `/avance`, pure so each wrong input has a table test. */
import { escapeUserText } from '../render/escape.ts';
import { cut } from '../render/limits.ts';
import { plainQuestion } from './slack-text.ts';

/** User words echoed back: Slack sent them entity-encoded; decode once, then escape for mrkdwn. */
export const echo = (text: string): string =>
  escapeUserText(
    // Shown inside `code`: a backtick would end it.
    cut(text.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&'), 40).replace(/`/g, "'"),
  );

/** What a verb's parser returns when the words do not fit: the message says the right syntax. */
export interface ParseError {
  kind: 'error';
  message: string;
}

export const err = (message: string): ParseError => ({ kind: 'error', message });

/** "1,2" is almost surely step 1.2 written with a decimal comma. */
export const commaHint = (arg: string | undefined): string =>
  arg && /^\d{1,2},\d{1,2}$/.test(arg)
    ? ` Los pasos se escriben con punto: \`${arg.replace(',', '.')}\`.`
    : '';
// Maps, not object literals: a user's word such as "constructor" must not find Object.prototype's members.
const DAY_KEYS: ReadonlyMap<string, number> = new Map(
  Object.entries({
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
  }),
);

/** Single letters as on Mexican calendars (L M X J V S D; "mi" for miércoles too). */
const DAY_LETTERS: ReadonlyMap<string, number> = new Map(
  Object.entries({ l: 1, m: 2, x: 3, mi: 3, j: 4, v: 5, s: 6, d: 7 }),
);

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
  const day = (word: string): number | undefined => DAY_KEYS.get(word) ?? DAY_LETTERS.get(word);
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

/** `diario …`: the time and days, `off`, `sin-cambios linea|nada`, or nothing (show the setting). */
export type DailyRequest =
  | { kind: 'daily'; time: string; days: number[] }
  | { kind: 'daily-off' }
  | { kind: 'daily-quiet'; quiet: 'linea' | 'nada' }
  | { kind: 'daily-show' };

export function parseDaily(args: string[], syntax: string): DailyRequest | ParseError {
  const [first, second, ...more] = args;
  if (!first) return { kind: 'daily-show' };
  const lower = first.toLowerCase();
  if (['off', 'apagar', 'no'].includes(lower) && !second) return { kind: 'daily-off' };
  if (lower === 'sin-cambios') {
    const q = second?.toLowerCase();
    if ((q === 'linea' || q === 'línea' || q === 'nada') && more.length === 0) {
      return { kind: 'daily-quiet', quiet: q === 'nada' ? 'nada' : 'linea' };
    }
    return err(`Uso: ${syntax}.`);
  }
  const time = /^([01]?\d|2[0-3]):([0-5]\d)$/.exec(first);
  if (!time) return err(`La hora va en formato 24 h, HH:MM. Uso: ${syntax}.`);
  const hhmm = `${(time[1] ?? '').padStart(2, '0')}:${time[2]}`;
  // Every word after the time is the days: "lunes a viernes" is three tokens.
  const dayText = args.slice(1).join(' ');
  const days = dayText ? parseDays(dayText) : [1, 2, 3, 4, 5];
  if (!days) {
    return err(
      `No entendí los días «${echo(dayText)}». Usa p. ej. \`lun-vie\`, \`lunes a viernes\` o \`lun,mié,vie\`. ` +
        `Uso: ${syntax}.`,
    );
  }
  return { kind: 'daily', time: hhmm, days };
}

const MENTION = /(<@[UW][A-Z0-9]+(?:\|[^>]*)?>)/;

/**
 * A block reason as typed: plain words (no pings, links or entities), except the people it mentions, kept as
 * `<@U3>` so they are shown as mentions and not as `&lt;@U3&gt;`.
 */
export function typedReason(text: string): string {
  return text
    .split(MENTION)
    .map((part, i) => {
      if (i % 2 === 1) return part.replace(/\|[^>]*>$/, '>');
      const words = plainQuestion(part);
      return `${/^\s/.test(part) ? ' ' : ''}${words}${words && /\s$/.test(part) ? ' ' : ''}`;
    })
    .join('')
    .replace(/\s+/g, ' ')
    .trim();
}
