/**
 * The step index: an inverted index of stemmed, accent-folded keys with per-field weights (BM25F), plus a
 * fuse.js index over the vocabulary's surface words used only to correct misspelled question words. Fuse
 * never runs over step bodies, so a query costs a few map look-ups and, for unknown words only, one fuzzy
 * search over a word list.
 */
import Fuse from 'fuse.js';
import type { Step } from '../content/model.ts';
import { QUERY_ALIASES } from './aliases.ts';
import { fold, isStopWord, wordKey, words } from './text.ts';

/** Field weights: a word in the title says more about the step than the same word deep in the summary. */
export const FIELD_WEIGHTS = {
  title: 5,
  activities: 3,
  involved: 2,
  regulations: 1.5,
  summary: 1,
} as const;
type Field = keyof typeof FIELD_WEIGHTS;

const MAX_FIELD_WEIGHT = Math.max(...Object.values(FIELD_WEIGHTS));

// BM25 saturation and length normalisation, the usual values.
const K1 = 1.2;
const B = 0.75;

/**
 * Words that say which part of a step is wanted, not which step: recognised (and typo-corrected) in
 * questions, but never scored, or "plazo" would pull every step that mentions a plazo in its summary.
 */
const INTENT_WORDS = [
  'quién',
  'quiénes',
  'responsable',
  'responsables',
  'participa',
  'participan',
  'participar',
  'participantes',
  'involucrado',
  'involucrados',
  'involucradas',
  'involucra',
  'encargado',
  'encargados',
  'encarga',
  'áreas',
  'área',
  'plazo',
  'plazos',
  'cuándo',
  'cuánto',
  'cuántos',
  'días',
  'día',
  'fecha',
  'límite',
  'vence',
  'vencimiento',
  'frecuencia',
  'periodicidad',
  'tiempo',
  'normatividad',
  'normativa',
  'norma',
  'decreto',
  'ley',
  'leyes',
  'fundamento',
  'fundamenta',
  'regulación',
  'reglamento',
  'lineamientos',
  'actividades',
  'tareas',
  'acciones',
  'deadline',
  'responsible',
  'involved',
  'regulation',
  'regulations',
  'law',
  'laws',
  'activities',
  'tasks',
  'long',
  'often',
  'many',
  'days',
  'due',
  'who',
  'when',
  'how',
  'what',
  'which',
];

/** Optimal string alignment distance (Levenshtein plus adjacent transpositions: "apertrua"). */
export function editDistance(a: string, b: string): number {
  const rows: number[][] = [];
  for (let i = 0; i <= a.length; i++) {
    const row = new Array<number>(b.length + 1).fill(0);
    row[0] = i;
    rows.push(row);
  }
  const at = (i: number, j: number): number => rows[i]?.[j] ?? Number.POSITIVE_INFINITY;
  for (let j = 0; j <= b.length; j++) (rows[0] as number[])[j] = j;
  for (let i = 1; i <= a.length; i++) {
    const row = rows[i] as number[];
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let best = Math.min(at(i - 1, j) + 1, at(i, j - 1) + 1, at(i - 1, j - 1) + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1])
        best = Math.min(best, at(i - 2, j - 2) + 1);
      row[j] = best;
    }
  }
  return at(a.length, b.length);
}

/** Typos we accept: one edit in a short word, two in a long one. More turns "tener" into "general". */
const maxEdits = (length: number): number => (length >= 8 ? 2 : 1);

const MAX_MEMO = 10_000;

export interface QueryTerm {
  /** The folded word as written (after typo correction). */
  word: string;
  /** Index key, or null for a word that only carries intent or is unknown. */
  keys: string[];
  corrected?: string;
}

export interface AnalyzedQuery {
  /** Folded question with misspelled words replaced, for intent detection. */
  correctedText: string;
  terms: QueryTerm[];
  /** Distinct index keys to score, with their query weight. */
  keys: Map<string, number>;
  /** Words that were neither stop words nor known, even after correction. */
  unknown: string[];
}

export interface Hit {
  step: Step;
  score: number;
}

interface Posting {
  doc: number;
  /** Field-weighted BM25 term weight for this document, precomputed: it does not depend on the query. */
  weight: number;
}

function fieldText(step: Step, field: Field): string {
  switch (field) {
    case 'title':
      return step.title;
    case 'activities':
      return step.activities.join(' ');
    case 'involved':
      return step.involved.join(' ');
    case 'regulations':
      return step.regulations.join(' ');
    case 'summary':
      return step.summary;
  }
}

export class SearchIndex {
  readonly steps: Step[];
  private readonly postings = new Map<string, { idf: number; list: Posting[] }>();
  /** Folded surface word → its key, learnt from accented content ("ciudadania" → "ciudadan"). */
  private readonly surfaceKeys = new Map<string, string>();
  private readonly intentWords = new Set<string>();
  /**
   * One small fuse index per word length and first letter: a typo changes the length by at most
   * maxEdits, and people rarely get the first letter wrong. Fuse costs ~1.6 µs per word searched, so
   * searching a few dozen words instead of the whole vocabulary keeps a cold typo under a millisecond.
   */
  private readonly fuseByShape = new Map<string, Fuse<string>>();
  private readonly corrections = new Map<string, string | null>();

  constructor(steps: Step[]) {
    this.steps = steps;
    const fields = Object.keys(FIELD_WEIGHTS) as Field[];
    const docTerms: Array<Map<string, Map<Field, number>>> = [];
    const totalLength = new Map<Field, number>(fields.map((f) => [f, 0]));
    const lengths: Array<Map<Field, number>> = [];

    for (const step of steps) {
      const terms = new Map<string, Map<Field, number>>();
      const length = new Map<Field, number>();
      for (const field of fields) {
        let count = 0;
        for (const word of words(fieldText(step, field))) {
          const folded = fold(word);
          if (folded.length < 2 || isStopWord(folded)) continue;
          let key = this.surfaceKeys.get(folded);
          if (key === undefined) {
            key = wordKey(word);
            this.surfaceKeys.set(folded, key);
          }
          const perField = terms.get(key) ?? new Map<Field, number>();
          perField.set(field, (perField.get(field) ?? 0) + 1);
          terms.set(key, perField);
          count++;
        }
        length.set(field, count);
        totalLength.set(field, (totalLength.get(field) ?? 0) + count);
      }
      docTerms.push(terms);
      lengths.push(length);
    }

    const n = Math.max(steps.length, 1);
    const average = new Map<Field, number>(fields.map((f) => [f, (totalLength.get(f) ?? 0) / n || 1]));
    // BM25 per field, weighted sum across fields: a title hit counts fully even when a long summary
    // also mentions the word many times (BM25F's shared saturation blurred title and summary hits).
    docTerms.forEach((terms, doc) => {
      for (const [key, perField] of terms) {
        let weight = 0;
        for (const [field, tf] of perField) {
          const norm = 1 - B + (B * (lengths[doc]?.get(field) ?? 0)) / (average.get(field) ?? 1);
          weight += (FIELD_WEIGHTS[field] * (tf * (K1 + 1))) / (tf + K1 * norm);
        }
        const entry = this.postings.get(key) ?? { idf: 0, list: [] };
        entry.list.push({ doc, weight: weight / MAX_FIELD_WEIGHT });
        this.postings.set(key, entry);
      }
    });
    for (const entry of this.postings.values()) {
      const df = entry.list.length;
      entry.idf = Math.log(1 + (n - df + 0.5) / (df + 0.5));
    }

    for (const word of INTENT_WORDS) this.intentWords.add(fold(word));
    const vocabulary = new Set<string>([...this.surfaceKeys.keys(), ...this.intentWords]);
    for (const alias of Object.keys(QUERY_ALIASES)) vocabulary.add(alias);
    const byShape = new Map<string, string[]>();
    for (const word of vocabulary) {
      // Short words are left out: one typo in a 3-letter word is another word.
      if (word.length < 4) continue;
      const shape = `${word.length}:${word[0]}`;
      const list = byShape.get(shape) ?? [];
      list.push(word);
      byShape.set(shape, list);
    }
    for (const [shape, list] of byShape) {
      this.fuseByShape.set(
        shape,
        new Fuse(list, {
          includeScore: true,
          ignoreLocation: true,
          // Loose on purpose: fuse only proposes candidates, the edit distance check below decides.
          threshold: 0.45,
          // Never `useExtendedSearch`: user text like "!plazo" would become an operator.
          useExtendedSearch: false,
        }),
      );
    }
  }

  /** Number of distinct keys, for the benchmark. */
  get vocabularySize(): number {
    return this.postings.size;
  }

  private knownKeys(folded: string, original: string): string[] | null {
    const alias = QUERY_ALIASES[folded];
    if (alias !== undefined) {
      const keys: string[] = [];
      for (const word of words(alias)) {
        const f = fold(word);
        const key = this.surfaceKeys.get(f) ?? wordKey(word);
        if (this.postings.has(key)) keys.push(key);
      }
      return keys;
    }
    if (this.intentWords.has(folded)) return [];
    const surface = this.surfaceKeys.get(folded);
    if (surface !== undefined) return [surface];
    const key = wordKey(original);
    if (this.postings.has(key)) return [key];
    return null;
  }

  /**
   * The closest vocabulary word within a small edit distance, or undefined. Fuse proposes candidates
   * from the word list (its Bitap search is typo-tolerant and fast on short strings); an edit distance
   * check keeps only real near-misses, since fuse also scores a word found inside a longer one.
   */
  private correct(folded: string): string | undefined {
    if (folded.length < 4 || folded.length > 32 || /\d/.test(folded)) return undefined;
    if (this.corrections.has(folded)) return this.corrections.get(folded) ?? undefined;
    const fix = this.closestWord(folded);
    // Bounded memo: people repeat their words, and a fuzzy search costs far more than a look-up.
    if (this.corrections.size >= MAX_MEMO) this.corrections.clear();
    this.corrections.set(folded, fix ?? null);
    return fix;
  }

  private closestWord(folded: string): string | undefined {
    const limit = maxEdits(folded.length);
    let best: { word: string; distance: number; score: number } | undefined;
    const results = [];
    for (let length = folded.length - limit; length <= folded.length + limit; length++) {
      results.push(...(this.fuseByShape.get(`${length}:${folded[0]}`)?.search(folded, { limit: 10 }) ?? []));
    }
    for (const result of results) {
      const word = result.item;
      const distance = editDistance(folded, word);
      if (distance > limit) continue;
      const score = result.score ?? 1;
      if (!best || distance < best.distance || (distance === best.distance && score < best.score)) {
        best = { word, distance, score };
      }
    }
    return best?.word;
  }

  analyze(question: string): AnalyzedQuery {
    const terms: QueryTerm[] = [];
    const keys = new Map<string, number>();
    const unknown: string[] = [];
    const corrected: string[] = [];
    for (const word of words(question)) {
      const folded = fold(word);
      let known = this.knownKeys(folded, word);
      let term: QueryTerm | undefined;
      if (known === null && !isStopWord(folded)) {
        const fix = this.correct(folded);
        if (fix !== undefined) {
          known = this.knownKeys(fix, fix);
          term = { word: fix, keys: known ?? [], corrected: folded };
        }
      }
      term ??= { word: folded, keys: known ?? [] };
      corrected.push(term.word);
      if (isStopWord(term.word)) continue;
      if (known === null) {
        if (folded.length >= 3 && !/^\d+$/.test(folded)) unknown.push(folded);
        continue;
      }
      terms.push(term);
      // Words expanded from an alias share one word's weight.
      const share = known.length > 0 ? 1 / Math.sqrt(known.length) : 0;
      for (const key of known) keys.set(key, Math.max(keys.get(key) ?? 0, share));
    }
    return { correctedText: corrected.join(' '), terms, keys, unknown };
  }

  /** Scores every step that shares a key with the query; best first. */
  score(keys: Map<string, number>, boost?: (step: Step) => number): Hit[] {
    const scores = new Map<number, number>();
    for (const [key, queryWeight] of keys) {
      const entry = this.postings.get(key);
      if (!entry) continue;
      for (const posting of entry.list) {
        scores.set(posting.doc, (scores.get(posting.doc) ?? 0) + entry.idf * posting.weight * queryWeight);
      }
    }
    const hits: Hit[] = [];
    for (const [doc, score] of scores) {
      const step = this.steps[doc];
      if (step) hits.push({ step, score: score * (boost ? boost(step) : 1) });
    }
    return hits.sort((a, b) => b.score - a.score || (a.step.id < b.step.id ? -1 : 1));
  }

  /**
   * How much of the question a score explains, 0..~1: the score over what a step matching every query
   * key would get, with each unknown word counted as half a rare key. Off-topic questions ("¿quién ganó
   * el partido?") match one stray word at best, so their best score explains little.
   */
  strength(analysis: AnalyzedQuery, score: number): number {
    let possible = 0;
    for (const [key, weight] of analysis.keys) possible += (this.postings.get(key)?.idf ?? 0) * weight;
    const rare = Math.log(1 + (this.steps.length - 0.5) / 1.5);
    possible += 0.5 * rare * analysis.unknown.length;
    return possible > 0 ? score / possible : 0;
  }
}
