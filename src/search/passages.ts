/**
 * The guide's own sentences that answer a question more specific than a facet ("¿quién designa…?",
 * "¿en cuántos días…?"): passage retrieval over the step's text, activities and deadline. Only sentences of
 * our content are ever returned, never composed text.
 */
import type { Step } from '../content/model.ts';
import { WORD_FAMILIES } from './aliases.ts';
import { fold, isStopWord, wordKey, words } from './text.ts';

export interface Quote {
  text: string;
  /** Where in the step the sentence is. */
  source: 'summary' | 'activity' | 'deadline';
}

/** Cue words that name a facet, not a detail: a sentence holding only these is no specific answer. */
const FACET_KEYS = new Set(
  [
    'participa',
    'participan',
    'involucrados',
    'plazo',
    'plazos',
    'actividades',
    'normatividad',
    'paso',
    'pasos',
  ].map((w) => wordKey(w)),
);
/** Question words kept for passages although the index ignores them: they ask for a number of days. */
const DETAIL_WORDS = new Set(['dias', 'dia', 'semestre', 'veces', 'formatos', 'days']);

const MAX_QUOTES = 2;
const MAX_QUOTE_CHARS = 420;

/** Stemming is the slow part: a bounded memo of word → key. */
const memo = new Map<string, string>();
function key(word: string): string {
  let k = memo.get(word);
  if (k === undefined) {
    if (memo.size > 20_000) memo.clear();
    k = wordKey(word);
    memo.set(word, k);
  }
  return k;
}

function keysOf(text: string): Set<string> {
  const out = new Set<string>();
  for (const word of words(text)) {
    const folded = fold(word);
    if (folded.length < 2 || (isStopWord(folded) && !DETAIL_WORDS.has(folded))) continue;
    out.add(key(word));
    const family = WORD_FAMILIES.get(folded);
    if (family) for (const w of words(family)) out.add(wordKey(w));
  }
  return out;
}

/** A step's sentences, each with where it is. */
function sentences(step: Step): Quote[] {
  const out: Quote[] = [];
  for (const s of step.summary.split(/(?<=[.;])\s+(?=[A-ZÁÉÍÓÚÑ¿«"])/u)) {
    const text = s.trim();
    if (text.length > 20) out.push({ text, source: 'summary' });
  }
  for (const a of step.activities) out.push({ text: a, source: 'activity' });
  out.push({ text: step.deadline.text, source: 'deadline' });
  return out;
}

const titleKeys = new WeakMap<Step, Set<string>>();
/** Each step's sentences with their keys, computed once: stemming every sentence per question is slow. */
interface Keyed {
  quote: Quote;
  keys: Set<string>;
  /** Keys cut to PREFIX letters: Snowball cuts "notifica" and "notifican" differently ("notif", "notific"). */
  prefixes: Set<string>;
}
const PREFIX = 5;
const sentenceKeys = new WeakMap<Step, Keyed[]>();

function keyedSentences(step: Step): Keyed[] {
  let keyed = sentenceKeys.get(step);
  if (!keyed) {
    keyed = sentences(step).map((quote) => {
      const keys = keysOf(quote.text);
      return {
        quote,
        keys,
        prefixes: new Set([...keys].filter((k) => k.length >= PREFIX).map((k) => k.slice(0, PREFIX))),
      };
    });
    sentenceKeys.set(step, keyed);
  }
  return keyed;
}

/**
 * The sentences of `step` that answer the detail the question asks about, best first; [] when the question
 * asks for no more than the step or a facet of it. A sentence qualifies when it holds a word of the question
 * that the step's title does not (the detail) and at least two of the question's words in all.
 */
export function findQuotes(question: string, step: Step): Quote[] {
  const asked = keysOf(question);
  let title = titleKeys.get(step);
  if (!title) {
    title = keysOf(step.title);
    titleKeys.set(step, title);
  }
  const detail = [...asked].filter((k) => !title.has(k) && !FACET_KEYS.has(k));
  if (detail.length === 0) return [];
  const scored: Array<{ quote: Quote; score: number; at: number }> = [];
  keyedSentences(step).forEach(({ quote, keys, prefixes }, at) => {
    const holds = (k: string) => keys.has(k) || (k.length >= PREFIX && prefixes.has(k.slice(0, PREFIX)));
    let hits = 0;
    let details = 0;
    for (const k of asked) if (holds(k)) hits++;
    for (const k of detail) if (holds(k)) details++;
    if (details === 0 || hits < Math.min(2, asked.size)) return;
    scored.push({ quote, score: details * 2 + hits, at });
  });
  scored.sort((a, b) => b.score - a.score || a.at - b.at);
  const best = scored[0]?.score ?? 0;
  return scored
    .filter((s) => s.score >= best - 1)
    .slice(0, MAX_QUOTES)
    .map(({ quote }) => ({
      ...quote,
      text: quote.text.length > MAX_QUOTE_CHARS ? `${quote.text.slice(0, MAX_QUOTE_CHARS - 1)}…` : quote.text,
    }));
}
