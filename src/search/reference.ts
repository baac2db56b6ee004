/**
 * Explicit references in a question: step numbers in any written form ("paso 1.2", "1.2", "1,2",
 * "paso 1-2", "step 2.3", "del 1.1 al 1.3") and editions ("edición 2015", "guía 2015", "el de 2017").
 * Number words ("paso uno punto dos", "step two point one") are turned into digits by readQuestion first.
 */
import { fold } from '../content/deadline.ts';

export interface Reference {
  /** Step ids in the order they appear, e.g. ["1.2"]. */
  stepIds: string[];
  /** True when a step number came with the word "paso"/"step" (a missing step is then worth saying). */
  namedAsStep: boolean;
  /** Year of the first edition the question names, e.g. "2015". */
  editionYear?: string;
  /** Every edition year the question names, in order ("el 4.1 de 2015 y el de 2017"). */
  editionYears: string[];
  /**
   * The edition year named right after each step id (before the next one), aligned with stepIds:
   * "normatividad del 1.1 y del 4.1 de 2015" → [undefined, "2015"].
   */
  stepYears: Array<string | undefined>;
  /** "en las dos ediciones", "en ambas ediciones", "both editions": every edition side by side. */
  allEditions: boolean;
  /** "del 1.1 al 1.3": the first and last ids of a range (the answerer expands it over a guide). */
  range?: { from: string; to: string };
}

// "1.2" or "1,2" not part of a longer number ("8601", "2.0.1"); "paso 1-2" only after the word paso/step.
const STEP_NUMBER = /(?<![\d.,])([1-9])\s?[.,]\s?(\d)(?![\d]|[.,]\d)/g;
// "plazo del 2-3", "el 1-2": a dash after an article reads as a step too (a bare "2-3" may be anything).
const DASHED_STEP = /\b(?:del|el|al)\s+([1-9])-(\d)(?![\d]|[.,-]\d)/gi;
const NAMED_STEP =
  /\b(?:paso|step|pasos|steps)\s*(?:n[uú]mero\s*|no\.?\s*|#\s*)?([1-9])(?:\s?[.-]\s?|,|\s(?=\d(?![\d.,])))(\d)(?!\d)/gi;
// "pasos 1.1 y 1.2": the second id after a named first one is named too.
const RANGE =
  /(?:\b(?:del?|from|entre)\s+(?:(?:el\s+)?pasos?\s+|steps?\s+)?)?([1-9])[.,]([0-9])\s*(?:\b(?:al|a|hasta|to|through)\b|–|—|-)\s*(?:(?:el\s+)?pasos?\s+|steps?\s+)?([1-9])[.,]([0-9])(?!\d)/gi;
const EDITION_NOUN = 'edici[oó]n|edition|versi[oó]n|version|gu[ií]a|guide|actualizaci[oó]n|update';
const EDITION = new RegExp(
  `\\b(?:${EDITION_NOUN})\\s*(?:de(?:l)?\\s*|of\\s*|-\\s*)?(?:a[nñ]o\\s*)?((?:19|20)\\d\\d)\\b`,
  'gi',
);

/** «la edición 2015», «la guía de 2015», «2015 edition»: the words that name one edition with its year. */
export const editionNamed = (year: string): RegExp =>
  new RegExp(
    `\\b(?:(?:la|el|the)\\s+)?(?:${EDITION_NOUN})\\s+(?:de(?:l)?\\s+)?(?:a[nñ]o\\s+)?${year}\\b|\\b${year}\\s+(?:edition|version|guide)\\b`,
    'giu',
  );
const YEAR_BEFORE_EDITION =
  /\b((?:19|20)\d\d)\s+(?:ediciones|edici[oó]n|editions?|versiones|versi[oó]n|versions?|gu[ií]as?|guides?)\b/gi;
// "¿y en el de 2017?", "la de 2015": an edition named by its year alone, after an article.
const YEAR_AFTER_ARTICLE = /\b(?:el|la|los|las|del)\s+de(?:l)?\s+((?:19|20)\d\d)\b/gi;
// "¿y en 2015?": a short follow-up that is only a year names an edition.
const YEAR_ALONE =
  /^[\s¿¡]*(?:(?:y|e|and|ok y)\s+)?(?:(?:en|de|del|in|para|for)\s+)?(?:(?:la|el|the)\s+)?((?:19|20)\d\d)[\s?!.]*$/gi;
// "¿y cuál era el plazo en 2015?": a year closing the question names an edition too.
const YEAR_AT_END = /\b(?:en|in)\s+(?:el\s+)?((?:19|20)\d\d)[\s?!.]*$/gi;
const YEAR_AFTER_STEP =
  /(?:\bde(?:l)?|\bof|\bfrom|\ben|\bin|\by|\bo|\bla|\bel|\bthe|\bvs\.?|\bversus|\bcontra|\d[.,]\d,?)\s+((?:19|20)\d\d)\b/gi;
const ALL_EDITIONS =
  /\b(?:(?:las|sus)\s+dos|ambas|todas\s+las|cada)\s+(?:ediciones|versiones|edicion|version|guias)\b|\b(?:both|all)\s+editions\b/i;

export function parseReference(text: string): Reference {
  const found: Array<{ at: number; id: string; named: boolean }> = [];
  for (const match of text.matchAll(NAMED_STEP)) {
    found.push({ at: match.index ?? 0, id: `${match[1]}.${match[2]}`, named: true });
  }
  for (const match of text.matchAll(DASHED_STEP)) {
    const id = `${match[1]}.${match[2]}`;
    if (!found.some((f) => f.id === id)) found.push({ at: match.index ?? 0, id, named: false });
  }
  for (const match of text.matchAll(STEP_NUMBER)) {
    const at = match.index ?? 0;
    const id = `${match[1]}.${match[2]}`;
    // A bare "1, 2" with a space is a list, not a step.
    if (/,\s/.test(match[0])) continue;
    if (!found.some((f) => f.id === id)) found.push({ at, id, named: false });
  }
  found.sort((a, b) => a.at - b.at);
  const stepIds = [...new Set(found.map((f) => f.id))];
  const years: Array<{ at: number; year: string }> = [];
  for (const pattern of [EDITION, YEAR_BEFORE_EDITION, YEAR_AFTER_ARTICLE, YEAR_ALONE, YEAR_AT_END]) {
    for (const m of text.matchAll(pattern)) years.push({ at: m.index ?? 0, year: m[1] as string });
  }
  if (stepIds.length > 0 || years.length > 0) {
    for (const m of text.matchAll(YEAR_AFTER_STEP)) years.push({ at: m.index ?? 0, year: m[1] as string });
  }
  years.sort((a, b) => a.at - b.at);
  const editionYears = [...new Set(years.map((y) => y.year))];
  const firstAt = stepIds.map((id) => found.find((f) => f.id === id)?.at ?? 0);
  const stepYears = stepIds.map((_, i) => {
    const from = firstAt[i] ?? 0;
    const to = firstAt[i + 1] ?? Number.POSITIVE_INFINITY;
    return years.find((y) => y.at > from && y.at < to)?.year;
  });
  const reference: Reference = {
    stepIds,
    namedAsStep: found.some((f) => f.named),
    editionYears,
    stepYears,
    allEditions: ALL_EDITIONS.test(fold(text)),
  };
  if (editionYears[0]) reference.editionYear = editionYears[0];
  const range = [...text.matchAll(RANGE)][0];
  if (range) {
    const from = `${range[1]}.${range[2]}`;
    const to = `${range[3]}.${range[4]}`;
    if (from !== to) reference.range = { from, to };
  }
  return reference;
}
