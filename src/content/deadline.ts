import type { Deadline, Recurrence } from './model.ts';
import { RECURRENCES } from './model.ts';

/** Lower case without accents, so "hábiles" and "habiles" read the same. */
export function fold(text: string): string {
  return text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
}

// "continua", "continuamente", "anual", "anualmente", "semestral", "semestralmente"…
const RECURRENCE_PATTERN = /\b(continu[ao]|mensual|bimestral|trimestral|semestral|anual)(?:mente)?\b/;
// The number may be followed by its spelled-out twin ("30 treinta días"), as upstream sometimes writes.
const DAYS_PATTERN = /\b(\d+)\s+(?:[a-z]+\s+)?dias?\b(?:\s+(naturales|habiles))?/;

/**
 * Reads a deadline as the guide words it: "180 días", "10 días hábiles", "70 días naturales y de manera
 * anual", "De manera continua según…", "Según los tiempos específicos… y posteriormente de manera
 * semestral". Pure; never throws. Wordings with neither days nor a recurrence keep only their text.
 */
export function parseDeadline(text: string): Deadline {
  const clean = text.replace(/\s+/g, ' ').trim();
  const folded = fold(clean);
  const deadline: Deadline = { text: clean };
  const days = DAYS_PATTERN.exec(folded);
  if (days?.[1]) {
    deadline.days = Number(days[1]);
    if (days[2]) deadline.dayKind = days[2] === 'naturales' ? 'naturales' : 'hábiles';
  }
  const recurrence = RECURRENCE_PATTERN.exec(folded)?.[1];
  if (recurrence) deadline.recurrence = toRecurrence(recurrence);
  return deadline;
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
  const days = deadline.days
    ? `${deadline.days} ${deadline.days === 1 ? 'día' : 'días'}${deadline.dayKind ? ` ${deadline.dayKind}` : ''}`
    : undefined;
  const again = deadline.recurrence ? RECURRENCE_WORDS[deadline.recurrence] : undefined;
  if (days && again) return `${days}; después, ${again}`;
  if (days) return days;
  if (again) return again.charAt(0).toUpperCase() + again.slice(1);
  return deadline.text;
}
