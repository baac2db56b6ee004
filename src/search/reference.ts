/**
 * Explicit references in a question: step numbers ("paso 1.2", "1.2", "step 2.3") and editions
 * ("edición 2015", "guía 2015", "guia-2015"). An explicit reference beats any search result.
 */

export interface Reference {
  /** Step ids in the order they appear, e.g. ["1.2"]. */
  stepIds: string[];
  /** True when a step number came with the word "paso"/"step" (a missing step is then worth saying). */
  namedAsStep: boolean;
  /** Year of an edition the question names, e.g. "2015". */
  editionYear?: string;
}

// "1.2" or "1,2" not part of a longer number ("8601", "2.0.1"); "paso 1-2" only after the word paso/step.
const STEP_NUMBER = /(?<![\d.,])([1-9])\s?[.,]\s?(\d)(?![\d]|[.,]\d)/g;
const NAMED_STEP =
  /\b(?:paso|step|pasos|steps)\s*(?:n[uú]mero\s*|no\.?\s*|#\s*)?([1-9])(?:\s?[.-]\s?|,)(\d)(?!\d)/gi;
const EDITION =
  /\b(?:edici[oó]n|edition|versi[oó]n|version|gu[ií]a|guide)\s*(?:de(?:l)?\s*|of\s*|-\s*)?(?:a[nñ]o\s*)?((?:19|20)\d\d)\b/i;
const YEAR_BEFORE_EDITION = /\b((?:19|20)\d\d)\s+(?:edici[oó]n|edition|versi[oó]n|version|gu[ií]a|guide)\b/i;
const YEAR_AFTER_STEP = /(?:\bde(?:l)?|\bof|\bfrom)\s+((?:19|20)\d\d)\b/i;

export function parseReference(text: string): Reference {
  const found: Array<{ at: number; id: string; named: boolean }> = [];
  for (const match of text.matchAll(NAMED_STEP)) {
    found.push({ at: match.index ?? 0, id: `${match[1]}.${match[2]}`, named: true });
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
  const edition =
    EDITION.exec(text)?.[1] ??
    YEAR_BEFORE_EDITION.exec(text)?.[1] ??
    (stepIds.length > 0 ? YEAR_AFTER_STEP.exec(text)?.[1] : undefined);
  const reference: Reference = { stepIds, namedAsStep: found.some((f) => f.named) };
  if (edition) reference.editionYear = edition;
  return reference;
}
