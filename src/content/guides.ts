import type { Guide, Step } from './model.ts';

/** Orders step ids as numbers part by part, so 1.10 comes after 1.9. */
export function compareStepIds(a: string, b: string): number {
  const [aMajor = 0, aMinor = 0] = a.split('.').map(Number);
  const [bMajor = 0, bMinor = 0] = b.split('.').map(Number);
  return aMajor - bMajor || aMinor - bMinor || a.localeCompare(b);
}

export function sortSteps<T extends Pick<Step, 'id'>>(steps: readonly T[]): T[] {
  return [...steps].sort((a, b) => compareStepIds(a.id, b.id));
}

/** The guide the bot answers from when nobody names one. */
export function defaultGuide(guides: readonly Guide[]): Guide | undefined {
  return guides.find((guide) => guide.isDefault) ?? guides[0];
}

export function findGuide(guides: readonly Guide[], id: string): Guide | undefined {
  return guides.find((guide) => guide.id === id);
}

/** The edition of a year ("2015"): by its id ("guia-2015") or its edition date. */
export function guideOfYear(guides: readonly Guide[], year: string): Guide | undefined {
  return guides.find((guide) => guide.id.includes(year) || guide.editionDate?.startsWith(year));
}

/**
 * The guide a person names, the same everywhere (`/guia lista 2015`, `/avance guia 2015`): its id
 * ("guia-2015", any case) or its year ("2015", "edición 2015", "guía 2015"), from the id or the edition date.
 */
export function guideNamed(guides: readonly Guide[], name: string): Guide | undefined {
  const wanted = name.trim().toLowerCase();
  const byId = guides.find((g) => g.id.toLowerCase() === wanted);
  if (byId) return byId;
  const year =
    /^(?:(?:la\s+)?(?:edici[oó]n|gu[ií]a|versi[oó]n|actualizaci[oó]n)(?:\s+de(?:l)?)?[\s-]*)?((?:19|20)\d\d)$/i.exec(
      wanted,
    )?.[1];
  return year ? guideOfYear(guides, year) : undefined;
}

/** The default guide first, then the others in their given order. */
export function guidesDefaultFirst(guides: readonly Guide[]): Guide[] {
  const first = defaultGuide(guides);
  return first ? [first, ...guides.filter((guide) => guide !== first)] : [];
}

/**
 * Every edition's version of step `id` (default guide first), or only the named guide's. Empty when no
 * guide has it.
 */
export function findStep(guides: readonly Guide[], id: string, guideId?: string): Step[] {
  const wanted = id.trim();
  const pool = guideId === undefined ? guidesDefaultFirst(guides) : guides.filter((g) => g.id === guideId);
  return pool.flatMap((guide) => guide.steps.filter((step) => step.id === wanted));
}

/** All steps of all guides, default guide first, each guide's steps in order. */
export function allSteps(guides: readonly Guide[]): Step[] {
  return guidesDefaultFirst(guides).flatMap((guide) => guide.steps);
}

/** The distinct step ids across the guides, in order (for "valid steps are …" messages). */
export function stepIds(guides: readonly Guide[]): string[] {
  return [...new Set(guides.flatMap((guide) => guide.steps.map((step) => step.id)))].sort(compareStepIds);
}
