/**
 * The step index: an inverted index of stemmed, accent-folded keys with per-field weights (BM25F), plus a
 * two-stage speller for misspelled question words: a deletion index over the vocabulary (SymSpell's idea:
 * two words within k edits share a string obtained by deleting at most k letters from each) for the
 * usual one or two typos, then fuse.js over the vocabulary words with the same first letter for what is
 * further off. Nothing fuzzy runs over step bodies, so a query costs a few map look-ups and, for unknown
 * words only, a few dozen more look-ups plus an edit distance per candidate (and, rarely, one small fuse
 * search).
 */
import Fuse from 'fuse.js';
import type { Step } from '../content/model.ts';
import { QUERY_ALIASES, WORD_FAMILIES } from './aliases.ts';
import { INTENT_WORDS } from './intents.ts';
import { fold, isAskerPlace, isStopWord, VERB_FORM, wordKey, words } from './text.ts';

/** Field weights: a word in the title says more about the step than the same word deep in the summary. */
const FIELD_WEIGHTS = {
  title: 5,
  activities: 3,
  involved: 2,
  regulations: 1.5,
  summary: 1,
  // The editors' everyday words for the step (vocabulario.yml): searchable like the step's own text, so a
  // paraphrase that shares some of them reaches the step even when it is not the exact phrase.
  vocabulary: 2,
} as const;
type Field = keyof typeof FIELD_WEIGHTS;

const MAX_FIELD_WEIGHT = Math.max(...Object.values(FIELD_WEIGHTS));

// BM25 saturation and length normalisation, the usual values.
const K1 = 1.2;
const B = 0.75;

/**
 * Coordination: a step's score is scaled by the share of the question's (idf-weighted) words it contains,
 * to this power, so a step matching every topic word beats one matching a single word many times.
 */
const COVERAGE_EXPONENT = 1;

// Three reusable rows for editDistance: no allocation per call.
let rowA = new Int32Array(64);
let rowB = new Int32Array(64);
let rowC = new Int32Array(64);

/** A word as it sounds in Mexican Spanish: s, z and soft c alike, b and v, y and ll, no h. */
const sounds = (word: string): string =>
  word
    .replace(/h/g, '')
    .replace(/z|c(?=[ei])/g, 's')
    .replace(/v/g, 'b')
    .replace(/ll/g, 'y')
    .replace(/qu|c(?=[aou])|k/g, 'k');

/** Optimal string alignment distance (Levenshtein plus adjacent transpositions: "apertrua"). */
export function editDistance(a: string, b: string): number {
  if (b.length + 1 > rowA.length) {
    rowA = new Int32Array(b.length + 1);
    rowB = new Int32Array(b.length + 1);
    rowC = new Int32Array(b.length + 1);
  }
  // prev2 = row i-2, prev = row i-1, cur = row i.
  let prev2 = rowA;
  let prev = rowB;
  let cur = rowC;
  for (let j = 0; j <= b.length; j++) prev[j] = j;
  for (let i = 1; i <= a.length; i++) {
    cur[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let best = Math.min(
        (prev[j] as number) + 1,
        (cur[j - 1] as number) + 1,
        (prev[j - 1] as number) + cost,
      );
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1])
        best = Math.min(best, (prev2[j - 2] as number) + 1);
      cur[j] = best;
    }
    const spare = prev2;
    prev2 = prev;
    prev = cur;
    cur = spare;
  }
  return prev[b.length] as number;
}

/** Every string made by deleting up to `depth` letters from `word`, the word itself included. */
function deletions(word: string, depth: number): Set<string> {
  const out = new Set<string>([word]);
  let frontier = [word];
  // Level by level: a string first met at level d is exactly d deletions away (it is d letters shorter).
  for (let level = 0; level < depth; level++) {
    const next: string[] = [];
    for (const w of frontier) {
      for (let i = 0; i < w.length; i++) {
        const shorter = w.slice(0, i) + w.slice(i + 1);
        if (!out.has(shorter)) {
          out.add(shorter);
          next.push(shorter);
        }
      }
    }
    frontier = next;
  }
  return out;
}

/** Typos we accept: one edit in a short word, two in a long one. More turns "tener" into "general". */
const maxEdits = (length: number): number => (length >= 8 ? 2 : 1);

const MAX_MEMO = 10_000;
/** fuse.js is only asked about long words: short ones with three typos are other words. */
const FUZZY_MIN_LENGTH = 8;
const FUZZY_THRESHOLD = 0.3;
/** Longer "words" are pasted codes or URLs, not misspellings. */
const MAX_TYPO_WORD = 32;

export interface QueryTerm {
  /** The folded word as written (after typo correction). */
  word: string;
  /** Index keys; empty for a word that only carries intent. */
  keys: readonly string[];
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
  /** The unknown words that stand where Spanish puts a verb («quien atiende», «se le manda»). */
  verbs: string[];
  /** Words the guide knows that stand there too («¿en qué paso se genera?»): how, not what about. */
  knownVerbs: string[];
}

export interface Hit {
  step: Step;
  score: number;
  /** The BM25 score before the coverage factor and edition boost. */
  match: number;
}

export interface TopicCoverage {
  /** Words of the question that name a topic: known to the index, or unknown to the guide. */
  topicWords: number;
  unknownWords: number;
  /** Topic words the step holds. */
  explained: number;
  /** Of those, the ones the question spelt right (not spelling corrections). */
  explainedAsWritten: number;
  /** Share of all steps holding the rarest word this step explains (1 when it explains none). */
  rarestShare: number;
}

export interface Evidence {
  matched: Array<{ word: string; share: number; idf: number; inTitle: boolean; corrected: boolean }>;
  /** Words of the question that name a topic: known to the index, or unknown to the guide. */
  topicWords: number;
  unknown: string[];
  /** The unknown words read as verbs by where they stand. */
  verbs: string[];
  /** The guide's words read as verbs by where they stand. */
  knownVerbs: string[];
}

interface Posting {
  doc: number;
  /** Field-weighted BM25 term weight for this document, precomputed: it does not depend on the query. */
  weight: number;
}

/** Pronouns a Spanish verb follows: «se le manda», «quien atiende», «que te moleste». */
const BEFORE_VERB = new Set(['se', 'le', 'les', 'me', 'te', 'nos', 'quien', 'quienes']);
/** Articles that open a verb's object or subject: «que manda la gente». */
const ARTICLES = new Set(['el', 'la', 'los', 'las', 'un', 'una', 'al', 'del']);

/**
 * Whether a word the guide does not know stands where a verb does: after a clitic or «quien», or between
 * the relative «que» and an article. Such a word says how, not what about, whatever its ending.
 */
function inVerbPosition(before: string | undefined, after: string | undefined): boolean {
  if (before === undefined) return false;
  return BEFORE_VERB.has(before) || (before === 'que' && after !== undefined && ARTICLES.has(after));
}

const foldAt = (list: readonly string[], i: number): string | undefined => {
  const word = list[i];
  return word === undefined ? undefined : fold(word);
};

/** Hit order: best score first, then step id, so equal scores always list in the same order. */
const before = (a: Hit, b: Hit): number => b.score - a.score || (a.step.id < b.step.id ? -1 : 1);

function countTerm(terms: Map<string, Map<Field, number>>, key: string, field: Field): void {
  const perField = terms.get(key) ?? new Map<Field, number>();
  perField.set(field, (perField.get(field) ?? 0) + 1);
  terms.set(key, perField);
}

function fieldText(step: Step, field: Field, extra: ReadonlyMap<Step, string>): string {
  switch (field) {
    case 'vocabulary':
      return extra.get(step) ?? '';
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
  private readonly docOf = new Map<Step, number>();
  private readonly postings = new Map<string, { idf: number; list: Posting[] }>();
  /** Folded surface word → its key, learnt from accented content ("ciudadania" → "ciudadan"). */
  private readonly surfaceKeys = new Map<string, string>();
  private readonly intentWords = new Set<string>();
  /** Alias word → the index keys of the guide's words it stands for, resolved once. */
  private readonly aliasKeys = new Map<string, string[]>();
  /**
   * Deletion string → vocabulary words it comes from. A misspelling and the word it stands for share a
   * deletion string (any letter may be wrong, the first one included), so candidates are found with
   * look-ups, not by scanning the vocabulary; the edit distance then confirms each one.
   */
  private readonly deletionIndex = new Map<string, string[]>();
  /** How often each folded surface word occurs in the content: the likelier word wins a tie. */
  private readonly surfaceCounts = new Map<string, number>();
  private readonly corrections = new Map<string, string | null>();
  /** Vocabulary words by first letter, and fuse.js over each group, built the first time it is needed. */
  private readonly wordsByInitial = new Map<string, string[]>();
  private readonly fuseByInitial = new Map<string, Fuse<string>>();
  /** Score accumulator, one slot per step, all zero between queries. */
  private readonly scores: Float64Array;
  /** Per step, the idf mass of the query keys it contains: how much of the question it covers. */
  private readonly covered: Float64Array;
  /** Per step, the keys of its title: a match there names the step's own subject. */
  private readonly titleKeys: Array<Set<string>> = [];

  /** `editorWords`: per step, the editors' words for it (indexed as one more field). */
  constructor(steps: Step[], editorWords: ReadonlyMap<Step, string> = new Map()) {
    this.steps = steps;
    for (const [doc, step] of steps.entries()) this.docOf.set(step, doc);
    const fields = Object.keys(FIELD_WEIGHTS) as Field[];
    const docTerms: Array<Map<string, Map<Field, number>>> = [];
    const totalLength = new Map<Field, number>(fields.map((f) => [f, 0]));
    const lengths: Array<Map<Field, number>> = [];

    const indexField = (
      step: Step,
      field: Field,
      terms: Map<string, Map<Field, number>>,
      skip?: Set<string>,
    ) => {
      let count = 0;
      const all = words(fieldText(step, field, editorWords));
      for (const [i, word] of all.entries()) {
        const folded = fold(word);
        if (folded.length < 2 || isStopWord(folded)) continue;
        let key = this.surfaceKeys.get(folded);
        // Verb forms in the editors' phrases («sacar», «que manda la gente») say how people act, of any topic.
        const verb = () => VERB_FORM.test(folded) || inVerbPosition(foldAt(all, i - 1), foldAt(all, i + 1));
        if (skip && (skip.has(key ?? wordKey(word)) || verb())) continue;
        this.surfaceCounts.set(folded, (this.surfaceCounts.get(folded) ?? 0) + 1);
        if (key === undefined) {
          key = wordKey(word);
          this.surfaceKeys.set(folded, key);
        }
        // The word counts for its family too, as a question's word does ("promoción" → "promover").
        const family = WORD_FAMILIES.get(folded);
        if (family === undefined) {
          countTerm(terms, key, field);
        } else {
          for (const k of new Set([key, ...words(family).map((w) => this.contentKey(w))])) {
            countTerm(terms, k, field);
          }
        }
        count++;
      }
      return count;
    };
    const guideFields = fields.filter((f) => f !== 'vocabulary');
    for (const step of steps) {
      const terms = new Map<string, Map<Field, number>>();
      const length = new Map<Field, number>();
      for (const field of guideFields) {
        const count = indexField(step, field, terms);
        if (field === 'title') this.titleKeys.push(new Set(terms.keys()));
        length.set(field, count);
        totalLength.set(field, (totalLength.get(field) ?? 0) + count);
      }
      docTerms.push(terms);
      lengths.push(length);
    }
    // The editors' words add only what the guide's own text lacks («calendario», «ligas rotas»): a word
    // the guide uses («formato», «enlace») keeps the guide's own spread over the steps.
    const guideKeys = new Set(docTerms.flatMap((terms) => [...terms.keys()]));
    steps.forEach((step, doc) => {
      const terms = docTerms[doc] as Map<string, Map<Field, number>>;
      const count = indexField(step, 'vocabulary', terms, guideKeys);
      lengths[doc]?.set('vocabulary', count);
      totalLength.set('vocabulary', (totalLength.get('vocabulary') ?? 0) + count);
    });

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

    for (const [word, alias] of QUERY_ALIASES) {
      const keys = words(alias)
        .map((w) => this.contentKey(w))
        .filter((key) => this.postings.has(key));
      this.aliasKeys.set(word, keys);
    }
    for (const word of INTENT_WORDS) this.intentWords.add(fold(word));
    const vocabulary = new Set<string>([...this.surfaceKeys.keys(), ...this.intentWords]);
    for (const alias of QUERY_ALIASES.keys()) vocabulary.add(alias);
    for (const word of vocabulary) {
      // Short words are left out: one typo in a 3-letter word is another word.
      if (word.length < 4 || word.length > MAX_TYPO_WORD || /\d/.test(word)) continue;
      const initial = word[0] as string;
      const group = this.wordsByInitial.get(initial);
      if (group) group.push(word);
      else this.wordsByInitial.set(initial, [word]);
      for (const deletion of deletions(word, maxEdits(word.length))) {
        const list = this.deletionIndex.get(deletion);
        if (list) list.push(word);
        else this.deletionIndex.set(deletion, [word]);
      }
    }
    this.scores = new Float64Array(steps.length);
    this.covered = new Float64Array(steps.length);
  }

  /** The key of a word as the content indexes it (vocabulary first, as for the questions). */
  private contentKey(word: string): string {
    return this.surfaceKeys.get(fold(word)) ?? wordKey(word);
  }

  private knownKeys(folded: string, original: string): readonly string[] | null {
    const alias = this.aliasKeys.get(folded);
    if (alias !== undefined) return alias;
    if (this.intentWords.has(folded)) return [];
    const surface = this.surfaceKeys.get(folded);
    if (surface !== undefined) return [surface];
    const key = wordKey(original);
    if (this.postings.has(key)) return [key];
    return this.englishAliasKeys(folded) ?? this.stemChangeKeys(folded) ?? null;
  }

  /**
   * A stem-changing verb the guide holds in another form: «atiende» → atender, «recomiendan» →
   * recomendar, «muestra» → mostrar. The stemmer keeps the diphthong, so the forms would not meet.
   */
  private stemChangeKeys(folded: string): readonly string[] | undefined {
    if (folded.length < 5) return undefined;
    const variant = folded.replace(/(ie|ue)(?=[bcdfghjklmnñpqrstvz])/, (d) => (d === 'ie' ? 'e' : 'o'));
    if (variant === folded) return undefined;
    const key = wordKey(variant);
    return this.postings.has(key) ? [key] : undefined;
  }

  /**
   * The alias of an inflected English word the alias list has only in its base form ("forming" → "form",
   * "liaisons" → "liaison", "prioritized" → "prioritize"). Only tried for words the guide does not contain.
   */
  private englishAliasKeys(folded: string): readonly string[] | undefined {
    for (const suffix of ['ing', 'ed', 'es', 's']) {
      if (!folded.endsWith(suffix) || folded.length - suffix.length < 3) continue;
      const base = folded.slice(0, -suffix.length);
      const keys = this.aliasKeys.get(base) ?? this.aliasKeys.get(`${base}e`);
      if (keys !== undefined) return keys;
    }
    return undefined;
  }

  /**
   * The closest vocabulary word within maxEdits, or undefined. Ties go to the word that keeps the first
   * letter (people rarely miss it), then to the commoner word in the guide.
   */
  private correct(folded: string): string | undefined {
    if (folded.length < 4 || folded.length > MAX_TYPO_WORD || /\d/.test(folded)) return undefined;
    if (this.corrections.has(folded)) return this.corrections.get(folded) ?? undefined;
    const fix = this.closestWord(folded);
    // Bounded memo: people repeat their words, and a repeated look-up is cheaper still.
    if (this.corrections.size >= MAX_MEMO) this.corrections.clear();
    this.corrections.set(folded, fix ?? null);
    return fix;
  }

  private closestWord(folded: string): string | undefined {
    const limit = maxEdits(folded.length);
    let best: string | undefined;
    let bestRank = Number.POSITIVE_INFINITY;
    const seen = new Set<string>();
    const heard = sounds(folded);
    for (const deletion of deletions(folded, limit)) {
      const candidates = this.deletionIndex.get(deletion);
      if (!candidates) continue;
      for (const word of candidates) {
        if (seen.has(word)) continue;
        seen.add(word);
        if (Math.abs(word.length - folded.length) > limit) continue;
        const distance = editDistance(folded, word);
        if (distance > limit) continue;
        if (distance === 2 && word[0] !== folded[0]) continue;
        // Lower is better: distance first, then a kept first letter, then frequency. A misspelling that
        // sounds the same in Mexican Spanish («plasos», «priorisar», «vase») beats any other at its distance.
        const count = this.surfaceCounts.get(word) ?? 0;
        const rank =
          distance * 4 +
          (word[0] === folded[0] ? 0 : 2) -
          (sounds(word) === heard ? 3 : 0) -
          count / (count + 1);
        if (rank < bestRank || (rank === bestRank && best !== undefined && word < best)) {
          best = word;
          bestRank = rank;
        }
      }
    }
    return best ?? this.fuzzyWord(folded);
  }

  /**
   * Second stage, for long words further off than the deletion index reaches ("interoperavilidat"):
   * fuse.js over the vocabulary words that share the first letter. Whole words are compared
   * (`ignoreLocation`), the threshold is strict so an off-topic word is not bent into a guide word, and
   * extended search stays off so user text is never read as operators.
   */
  private fuzzyWord(folded: string): string | undefined {
    if (folded.length < FUZZY_MIN_LENGTH) return undefined;
    const initial = folded[0] as string;
    let fuse = this.fuseByInitial.get(initial);
    if (!fuse) {
      const group = this.wordsByInitial.get(initial);
      if (!group) return undefined;
      fuse = new Fuse(group, { includeScore: true, ignoreLocation: true, threshold: FUZZY_THRESHOLD });
      this.fuseByInitial.set(initial, fuse);
    }
    for (const { item, score } of fuse.search(folded, { limit: 3 })) {
      if ((score ?? 1) <= FUZZY_THRESHOLD && Math.abs(item.length - folded.length) <= 3) return item;
    }
    return undefined;
  }

  analyze(question: string): AnalyzedQuery {
    const read: Array<{ folded: string; term: QueryTerm; known: readonly string[] | null; place?: boolean }> =
      [];
    for (const word of words(question)) {
      const folded = fold(word);
      // A stop word is dropped below whatever it stands for: no look-up, no stemming.
      if (isStopWord(folded)) {
        read.push({ folded, term: { word: folded, keys: [] }, known: null });
        continue;
      }
      let known = this.knownKeys(folded, word);
      if (known === null && isAskerPlace(folded)) {
        read.push({ folded, term: { word: folded, keys: [] }, known: null, place: true });
        continue;
      }
      let term: QueryTerm | undefined;
      if (known === null) {
        const fix = this.correct(folded);
        if (fix !== undefined) {
          known = this.knownKeys(fix, fix);
          term = { word: fix, keys: known ?? [], corrected: folded };
        }
      }
      read.push({ folded, term: term ?? { word: folded, keys: known ?? [] }, known });
    }
    // A correction must make the question better: when the question has other topic words the guide
    // knows as written, the corrected word has to share a step with one of them. Otherwise it is another
    // word bent into a guide word ("correr un maratón" → "correo") and stays unknown.
    const asWritten = read.filter((r) => r.term.corrected === undefined && !isStopWord(r.term.word));
    const writtenKeys = asWritten.flatMap((r) => r.term.keys.filter((key) => this.postings.has(key)));
    if (writtenKeys.length > 0) {
      for (const r of read) {
        const fixedKeys = r.term.keys.filter((key) => this.postings.has(key));
        if (r.term.corrected === undefined || fixedKeys.length === 0) continue;
        if (this.shareAStep(fixedKeys, writtenKeys)) continue;
        r.term = { word: r.folded, keys: [] };
        r.known = null;
      }
    }
    const terms: QueryTerm[] = [];
    const keys = new Map<string, number>();
    const unknown: string[] = [];
    const verbs: string[] = [];
    const knownVerbs: string[] = [];
    const corrected: string[] = [];
    for (const [i, { folded, term, known, place }] of read.entries()) {
      corrected.push(term.word);
      if (isStopWord(term.word) || place) continue;
      if (known === null) {
        if (folded.length >= 3 && !/^\d+$/.test(folded)) {
          unknown.push(folded);
          if (inVerbPosition(read[i - 1]?.folded, read[i + 1]?.folded)) verbs.push(folded);
        }
        continue;
      }
      terms.push(term);
      // Also a conjugated form before an article («¿qué formatos recomienda la guía?»): a guide word the
      // step lacks there says what the guide does, not what the question is about.
      const next = read[i + 1]?.folded;
      const conjugated = /^\p{L}{4,}(a|e|an|en)$/u.test(folded) && next !== undefined && ARTICLES.has(next);
      if (inVerbPosition(read[i - 1]?.folded, next) || conjugated) knownVerbs.push(term.word);
      // Words expanded from an alias share one word's weight.
      const share = known.length > 0 ? 1 / Math.sqrt(known.length) : 0;
      for (const key of known) keys.set(key, Math.max(keys.get(key) ?? 0, share));
    }
    return { correctedText: corrected.join(' '), terms, keys, unknown, verbs, knownVerbs };
  }

  /** Whether some step holds one of `a` and one of `b`. */
  private shareAStep(a: string[], b: string[]): boolean {
    for (const key of a) {
      for (const posting of this.postings.get(key)?.list ?? []) {
        if (b.some((other) => this.contains(other, posting.doc))) return true;
      }
    }
    return false;
  }

  /** Share of all steps holding `key` (0 for a key no step holds). */
  share(key: string): number {
    return (this.postings.get(key)?.list.length ?? 0) / Math.max(1, this.steps.length);
  }

  /**
   * The `limit` best steps sharing a key with the query, best first. Scores accumulate in one reused
   * array, and only the touched steps are visited: no map or full sort per query, even at 10,000 steps.
   */
  score(keys: Map<string, number>, boost?: (step: Step) => number, limit = 10): Hit[] {
    const scores = this.scores;
    const covered = this.covered;
    const touched: number[] = [];
    let total = 0;
    for (const [key, queryWeight] of keys) {
      const entry = this.postings.get(key);
      if (!entry) continue;
      const factor = entry.idf * queryWeight;
      total += factor;
      for (const posting of entry.list) {
        if (scores[posting.doc] === 0) touched.push(posting.doc);
        scores[posting.doc] = (scores[posting.doc] as number) + factor * posting.weight;
        covered[posting.doc] = (covered[posting.doc] as number) + factor;
      }
    }
    // Insertion into a short sorted list: limit is small, touched may be thousands.
    const top: Hit[] = [];
    for (const doc of touched) {
      const step = this.steps[doc];
      const coverage = total > 0 ? (covered[doc] as number) / total : 0;
      const match = scores[doc] as number;
      scores[doc] = 0;
      covered[doc] = 0;
      if (!step || match <= 0) continue;
      const hit = { step, score: match * coverage ** COVERAGE_EXPONENT * (boost ? boost(step) : 1), match };
      const last = top[top.length - 1];
      if (top.length >= limit && last && before(hit, last) >= 0) continue;
      let at = top.length;
      while (at > 0 && before(hit, top[at - 1] as Hit) < 0) at--;
      top.splice(at, 0, hit);
      if (top.length > limit) top.pop();
    }
    return top;
  }

  /** Whether a step's text holds a key: a binary search, since posting lists are in step order. */
  private contains(key: string, doc: number): boolean {
    const list = this.postings.get(key)?.list;
    if (!list) return false;
    let lo = 0;
    let hi = list.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      const at = (list[mid] as Posting).doc;
      if (at === doc) return true;
      if (at < doc) lo = mid + 1;
      else hi = mid - 1;
    }
    return false;
  }

  /**
   * How much of the question's topic a step accounts for: of the question's topic words (words that only
   * carry intent, such as "plazo" or "quién", are left out; unknown words are in), how many the step
   * holds, and the share of all steps that hold the rarest of them (1 when it holds none), so a match
   * resting on a word found everywhere can be told from one resting on the step's own subject.
   */
  explains(analysis: AnalyzedQuery, step: Step): TopicCoverage {
    const doc = this.docOf.get(step) ?? -1;
    const n = Math.max(1, this.steps.length);
    let topicWords = analysis.unknown.length;
    let explained = 0;
    let explainedAsWritten = 0;
    let rarestShare = 1;
    for (const term of analysis.terms) {
      const indexed = term.keys.filter((key) => this.postings.has(key));
      if (indexed.length === 0) continue;
      topicWords++;
      let held = false;
      for (const key of indexed) {
        if (!this.contains(key, doc)) continue;
        held = true;
        rarestShare = Math.min(rarestShare, (this.postings.get(key)?.list.length ?? n) / n);
      }
      if (held) explained++;
      if (held && term.corrected === undefined) explainedAsWritten++;
    }
    return { topicWords, unknownWords: analysis.unknown.length, explained, explainedAsWritten, rarestShare };
  }

  /**
   * What links a step to the question, word by word: for each topic word of the question the step holds,
   * how common it is (share of steps), whether it is in the step's title and whether it was a spelling
   * correction; plus the question's topic words the guide does not know at all.
   */
  evidence(analysis: AnalyzedQuery, step: Step): Evidence {
    const doc = this.docOf.get(step) ?? -1;
    const n = Math.max(1, this.steps.length);
    const matched: Evidence['matched'] = [];
    let topicWords = analysis.unknown.length;
    for (const term of analysis.terms) {
      const indexed = term.keys.filter((key) => this.postings.has(key));
      if (indexed.length === 0) continue;
      topicWords++;
      let best: Evidence['matched'][number] | undefined;
      for (const key of indexed) {
        if (!this.contains(key, doc)) continue;
        const entry = this.postings.get(key);
        const share = (entry?.list.length ?? n) / n;
        const inTitle = this.titleKeys[doc]?.has(key) ?? false;
        const idf = entry?.idf ?? 0;
        if (!best || idf > best.idf)
          best = { word: term.word, share, idf, inTitle, corrected: term.corrected !== undefined };
      }
      if (best) matched.push(best);
    }
    return {
      matched,
      topicWords,
      unknown: analysis.unknown,
      verbs: analysis.verbs,
      knownVerbs: analysis.knownVerbs,
    };
  }

  /** The idf of a word held by a single step: the weight of a word the guide does not know. */
  rareIdf(): number {
    return Math.log(1 + (this.steps.length - 0.5) / 1.5);
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
