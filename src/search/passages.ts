/**
 * The guide's own sentences that answer a question more specific than a facet ("¿quién designa…?",
 * "¿en cuántos días…?"): passage retrieval over the step's text, activities and deadline. Only sentences of
 * our content are ever returned, never composed text.
 */
import type { Step } from '../content/model.ts';
import { QUERY_ALIASES } from './aliases.ts';
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
// An enumeration of the guide's (step 2.3's three media) runs to some 660 characters.
const MAX_QUOTE_CHARS = 720;

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
    // The guide's own word for the asker's ("excel" → "XLS o XLSX", "dataset" → "conjunto").
    const alias = QUERY_ALIASES.get(folded);
    if (alias) for (const w of words(alias)) out.add(key(w));
  }
  return out;
}

/** A sentence longer than this is a list ("La Guía recomienda: que…; contar con…; …"): quote its clauses. */
const LONG_SENTENCE = 240;

/** The other branch of a condition: "Si la respuesta es afirmativa, … Si es negativa, …". */
const OTHER_BRANCH =
  /^(si es negativa|si no|si la respuesta es negativa|en caso contrario|de lo contrario)\b/iu;

/**
 * A step's sentences, each with where it is and the text to quote: a long list-like sentence as its
 * clauses, but a clause that opens an enumeration ("…son tres: servicios web o API, …;") quotes the whole
 * enumeration, and a condition quotes its other branch too, so a quote never stops halfway through an answer.
 */
function sentences(step: Step): Array<{ text: string; quote: Quote }> {
  const out: Array<{ text: string; quote: Quote }> = [];
  const summary = step.summary.split(/(?<=[.;])\s+(?=[A-ZÁÉÍÓÚÑ¿«"])/u).map((s) => s.trim());
  summary.forEach((text, i) => {
    const next = summary[i + 1];
    const shown = next && /^si\s/iu.test(text) && OTHER_BRANCH.test(next) ? `${text} ${next}` : text;
    const parts = text.length > LONG_SENTENCE ? text.split(/(?<=;)\s+|(?<=:)\s+(?=que\s)/u) : [text];
    parts.forEach((part, at) => {
      const clause = part.trim();
      if (clause.length <= 20) return;
      const opensList = parts.length > 1 && at === 0 && /:\s/u.test(clause);
      out.push({
        text: clause,
        quote: { text: parts.length > 1 ? (opensList ? text : clause) : shown, source: 'summary' },
      });
    });
  });
  for (const a of step.activities) out.push({ text: a, quote: { text: a, source: 'activity' } });
  out.push({ text: step.deadline.text, quote: { text: step.deadline.text, source: 'deadline' } });
  return out;
}

const titleKeys = new WeakMap<Step, Set<string>>();
/** Each step's sentences with their keys, computed once: stemming every sentence per question is slow. */
interface Keyed {
  quote: Quote;
  keys: Set<string>;
  /** How rare each key is among the step's sentences (idf): "minuta" says more than "grupo". */
  rarity: Map<string, number>;
  /** Keys cut to PREFIX letters: Snowball cuts "notifica" and "notifican" differently ("notif", "notific"). */
  prefixes: Set<string>;
}
const PREFIX = 5;
const sentenceKeys = new WeakMap<Step, Keyed[]>();

function keyedSentences(step: Step): Keyed[] {
  let keyed = sentenceKeys.get(step);
  if (!keyed) {
    const all = sentences(step).map(({ text, quote }) => ({ quote, keys: keysOf(text) }));
    const df = new Map<string, number>();
    for (const { keys } of all) for (const k of keys) df.set(k, (df.get(k) ?? 0) + 1);
    const rarity = new Map([...df].map(([k, n]) => [k, Math.log(1 + all.length / n)]));
    keyed = all.map(({ quote, keys }) => ({
      quote,
      keys,
      rarity,
      prefixes: new Set([...keys].filter((k) => k.length >= PREFIX).map((k) => k.slice(0, PREFIX))),
    }));
    sentenceKeys.set(step, keyed);
  }
  return keyed;
}

/**
 * The sentences of `step` that answer the detail the question asks about, best first; [] when the question
 * asks for no more than the step or a facet of it. A sentence qualifies when it holds a word of the question
 * that the step's title does not (the detail) and at least two of the question's words in all.
 */
export function findQuotes(question: string, step: Step, asksForTime = false): Quote[] {
  const asked = keysOf(question);
  // "¿en cuánto tiempo…?" asks for a number of days, whatever words it uses.
  if (asksForTime) asked.add(key('dias'));
  let title = titleKeys.get(step);
  if (!title) {
    title = keysOf(step.title);
    titleKeys.set(step, title);
  }
  const detail = [...asked].filter((k) => !title.has(k) && !FACET_KEYS.has(k));
  if (detail.length === 0) return [];
  const scored: Array<{ quote: Quote; score: number; at: number }> = [];
  const keyed = keyedSentences(step);
  const rare = Math.log(1 + keyed.length / 2);
  keyed.forEach(({ quote, keys, prefixes, rarity }, at) => {
    const holds = (k: string) => keys.has(k) || (k.length >= PREFIX && prefixes.has(k.slice(0, PREFIX)));
    const weight = (k: string) => rarity.get(k) ?? rare;
    let hits = 0;
    let score = 0;
    let rareDetail = false;
    for (const k of asked) {
      if (!holds(k)) continue;
      hits++;
      score += weight(k);
    }
    let details = 0;
    for (const k of detail) {
      if (!holds(k)) continue;
      details++;
      score += weight(k);
      if (weight(k) >= rare) rareDetail = true;
    }
    // Two of the question's words, or one detail that only a sentence or two of the step hold.
    if (details === 0 || (hits < Math.min(2, asked.size) && !rareDetail)) return;
    scored.push({ quote, score, at });
  });
  scored.sort((a, b) => b.score - a.score || a.at - b.at);
  const best = scored[0]?.score ?? 0;
  // Two clauses of one enumeration quote the same text: once is enough.
  const seen = new Set<string>();
  return scored
    .filter((s) => s.score >= best * 0.75 && !seen.has(s.quote.text) && seen.add(s.quote.text))
    .slice(0, MAX_QUOTES)
    .map(({ quote }) => ({
      ...quote,
      text: quote.text.length > MAX_QUOTE_CHARS ? `${quote.text.slice(0, MAX_QUOTE_CHARS - 1)}…` : quote.text,
    }));
}
