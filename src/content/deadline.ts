import type { Deadline, Recurrence } from './model.ts';
import { RECURRENCES } from './model.ts';

/** Lower case without accents, so "hábiles" and "habiles" read the same. */
export function fold(text: string): string {
  return text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
}

// "continua", "continuamente", "anual", "anualmente", "semestral", "semestralmente"…
const RECURRENCE_PATTERN = /\b(continu[ao]|mensual|bimestral|trimestral|semestral|anual)(?:mente)?\b/;

/** Number words as the guide could write them (folded): "treinta", "ciento ochenta", "treinta y cinco". */
// Maps, not object literals: a word such as «constructor» must not find Object.prototype's members.
const NUMBER_WORDS: ReadonlyMap<string, number> = new Map(
  [
    ['un uno una', 1],
    ['dos', 2],
    ['tres', 3],
    ['cuatro', 4],
    ['cinco', 5],
    ['seis', 6],
    ['siete', 7],
    ['ocho', 8],
    ['nueve', 9],
    ['diez', 10],
    ['once', 11],
    ['doce', 12],
    ['trece', 13],
    ['catorce', 14],
    ['quince', 15],
    ['dieciseis', 16],
    ['diecisiete', 17],
    ['dieciocho', 18],
    ['diecinueve', 19],
    ['veinte', 20],
    ['veintiun veintiuno veintiuna', 21],
    ['veintidos', 22],
    ['veintitres', 23],
    ['veinticuatro', 24],
    ['veinticinco', 25],
    ['veintiseis', 26],
    ['veintisiete', 27],
    ['veintiocho', 28],
    ['veintinueve', 29],
    ['treinta', 30],
    ['cuarenta', 40],
    ['cincuenta', 50],
    ['sesenta', 60],
    ['setenta', 70],
    ['ochenta', 80],
    ['noventa', 90],
    ['cien ciento', 100],
    ['doscientos doscientas', 200],
    ['trescientos trescientas', 300],
    ['cuatrocientos cuatrocientas', 400],
    ['quinientos quinientas', 500],
    ['seiscientos seiscientas', 600],
    ['setecientos setecientas', 700],
    ['ochocientos ochocientas', 800],
    ['novecientos novecientas', 900],
  ].flatMap(([words, n]) =>
    String(words)
      .split(' ')
      .map((w): [string, number] => [w, Number(n)]),
  ),
);

/** Spanish month names, January first (fixed-date deadlines, and the charts' time axis). */
export const MONTHS_ES = [
  'enero',
  'febrero',
  'marzo',
  'abril',
  'mayo',
  'junio',
  'julio',
  'agosto',
  'septiembre',
  'octubre',
  'noviembre',
  'diciembre',
] as const;

type Unit = 'day' | 'week' | 'month' | 'year';
const UNITS: ReadonlyMap<string, Unit> = new Map(
  Object.entries({
    dia: 'day',
    dias: 'day',
    semana: 'week',
    semanas: 'week',
    mes: 'month',
    meses: 'month',
    ano: 'year',
    anos: 'year',
  } satisfies Record<string, Unit>),
);

const isNumberWord = (w: string | undefined): boolean => w !== undefined && NUMBER_WORDS.has(w);

/**
 * The number written just before `end`: digits ("30"), digits and their spelled twin ("30 treinta", as
 * upstream sometimes writes), or words ("ciento ochenta", "treinta y cinco"); the longest that reads.
 */
function numberBefore(words: readonly string[], end: number): number | undefined {
  const prev = words[end - 1];
  if (prev && /^\d{1,4}$/.test(prev)) return Number(prev);
  const twin = words[end - 2];
  if (twin && /^\d{1,4}$/.test(twin) && isNumberWord(prev)) return Number(twin);
  for (let start = Math.max(0, end - 6); start < end; start += 1) {
    const part = words.slice(start, end);
    // "y" only joins tens and units ("treinta y cinco"), never opens or closes the number.
    if (part[0] === 'y' || part[part.length - 1] === 'y') continue;
    if (!part.every((w) => w === 'y' || isNumberWord(w))) continue;
    return part.reduce((sum, w) => sum + (NUMBER_WORDS.get(w) ?? 0), 0);
  }
  return undefined;
}

/** "30 días naturales", "treinta días", "2 meses", "un año", "4 semanas": the first count with its unit. */
function quantity(folded: string): Pick<Deadline, 'days' | 'dayKind' | 'months'> | undefined {
  const words = folded.split(/[^a-z0-9]+/).filter(Boolean);
  for (const [i, word] of words.entries()) {
    const unit = UNITS.get(word);
    if (!unit) continue;
    const n = numberBefore(words, i);
    if (!n) continue;
    const next =
      words[i + 1] === 'naturales' ? 'naturales' : words[i + 1] === 'habiles' ? 'hábiles' : undefined;
    if (unit === 'day') return { days: n, ...(next ? { dayKind: next } : {}) };
    if (unit === 'week') return { days: n * 7, dayKind: next ?? 'naturales' };
    return { months: unit === 'year' ? n * 12 : n };
  }
  return undefined;
}

// "a más tardar el 31 de diciembre", "al 1o. de marzo de 2018", "el primero de julio".
const DATE_PATTERN = new RegExp(
  `\\b(\\d{1,2}|primero)(?:o\\.?|º)?\\s+de\\s+(${MONTHS_ES.join('|')})(?:\\s+(?:de|del)\\s+(\\d{4}))?\\b`,
);

/** A fixed day ("31 de diciembre"); an impossible one ("31 de febrero") reads as none. */
function fixedDate(folded: string): Deadline['onDate'] {
  const m = DATE_PATTERN.exec(folded);
  if (!m?.[1] || !m[2]) return undefined;
  const day = m[1] === 'primero' ? 1 : Number(m[1]);
  const month = (MONTHS_ES as readonly string[]).indexOf(m[2] ?? '') + 1;
  const year = m[3] ? Number(m[3]) : undefined;
  // 2024 is a leap year: 29 de febrero without a year is possible (it comes back every four years).
  const probe = new Date(Date.UTC(year ?? 2024, month - 1, day));
  if (probe.getUTCMonth() !== month - 1 || probe.getUTCDate() !== day) return undefined;
  return { month, day, ...(year ? { year } : {}) };
}

/**
 * Reads a deadline as the guide words it: "180 días", "10 días hábiles", "treinta días naturales", "2 meses",
 * "A más tardar el 31 de diciembre", "70 días naturales y de manera anual", "De manera continua según…",
 * "Según los tiempos específicos… y posteriormente de manera semestral". Pure; never throws. Wordings with
 * none of these keep only their text (and `guia validate` warns about them: see deadlineWarning).
 */
export function parseDeadline(text: string): Deadline {
  const clean = text.replace(/\s+/g, ' ').trim();
  const folded = fold(clean);
  const deadline: Deadline = { text: clean, ...quantity(folded) };
  if (deadline.days === undefined && deadline.months === undefined) {
    const onDate = fixedDate(folded);
    if (onDate) deadline.onDate = onDate;
  }
  const recurrence = RECURRENCE_PATTERN.exec(folded)?.[1];
  if (recurrence) deadline.recurrence = toRecurrence(recurrence);
  return deadline;
}

/** True when the deadline gives the bot a date to compute (a count, a fixed day or a recurrence). */
export const hasDueDate = (d: Deadline): boolean =>
  d.days !== undefined || d.months !== undefined || d.onDate !== undefined || d.recurrence !== undefined;

/**
 * For `guia validate`: a deadline the bot cannot turn into a date, so its step gets no due date and no
 * reminder. Undefined when it can.
 */
export function deadlineWarning(d: Deadline): string | undefined {
  if (hasDueDate(d)) return undefined;
  return (
    `no entiendo el plazo «${d.text.slice(0, 120)}»: el paso no tendrá fecha límite ni recordatorios. ` +
    'Escríbelo como «30 días naturales», «10 días hábiles», «2 meses», «a más tardar el 31 de diciembre» ' +
    'o «de manera bimestral»'
  );
}

function toRecurrence(word: string): Recurrence {
  if (word === 'continuo') return 'continua';
  const found = RECURRENCES.find((r) => r === word);
  // The pattern only matches RECURRENCES (plus "continuo"), so this fallback is unreachable.
  return found ?? 'continua';
}

const RECURRENCE_WORDS: Record<Recurrence, string> = {
  continua: 'de manera continua',
  mensual: 'cada mes',
  bimestral: 'cada dos meses',
  trimestral: 'cada tres meses',
  semestral: 'cada seis meses',
  anual: 'cada año',
};

/** A short Spanish reading of a deadline, e.g. "90 días naturales; después, de manera continua". */
export function describeDeadline(deadline: Deadline): string {
  const { onDate } = deadline;
  const first = deadline.days
    ? `${deadline.days} ${deadline.days === 1 ? 'día' : 'días'}${deadline.dayKind ? ` ${deadline.dayKind}` : ''}`
    : deadline.months
      ? `${deadline.months} ${deadline.months === 1 ? 'mes' : 'meses'}`
      : onDate
        ? `a más tardar el ${onDate.day} de ${MONTHS_ES[onDate.month - 1]}${onDate.year ? ` de ${onDate.year}` : ''}`
        : undefined;
  const again = deadline.recurrence ? RECURRENCE_WORDS[deadline.recurrence] : undefined;
  if (first && again) return `${first}; después, ${again}`;
  if (first) return first.charAt(0).toUpperCase() + first.slice(1);
  if (again) return again.charAt(0).toUpperCase() + again.slice(1);
  return deadline.text;
}
