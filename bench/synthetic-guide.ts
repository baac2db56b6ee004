/**
 * A large synthetic guide for the search benchmark, generated deterministically from the real guide's
 * vocabulary, plus questions whose right step is known (a few title words, some with a typo).
 */
import type { Guide, Step } from '../src/content/model.ts';

/** Small seeded PRNG (mulberry32) so every run benchmarks the same corpus. */
export function random(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function syntheticGuide(
  real: Guide[],
  size: number,
  questionCount = 300,
): { guide: Guide; questions: Array<{ q: string; step: string }> } {
  const rand = random(42);
  const pick = <T>(items: T[]): T => items[Math.floor(rand() * items.length)] as T;
  const steps = real.flatMap((g) => g.steps);
  const textWords = steps
    .flatMap((s) => `${s.title} ${s.summary}`.split(/\s+/))
    .map((w) => w.replace(/[^\p{L}]/gu, ''))
    .filter((w) => w.length >= 5);
  const pool = [...new Set(textWords.map((w) => w.toLowerCase()))];
  const activities = steps.flatMap((s) => s.activities);
  const roles = [...new Set(steps.flatMap((s) => s.involved))];
  const template = steps[0];
  if (!template || pool.length === 0) throw new Error('the benchmark needs the shipped content');

  const guide: Guide = { id: 'guia-sintetica', title: 'Guía sintética', isDefault: true, steps: [] };
  for (let i = 0; i < size; i++) {
    const id = `${Math.floor(i / 100) + 1}.${i % 100}`;
    const title = Array.from({ length: 5 }, () => pick(pool)).join(' ');
    const step: Step = {
      ...template,
      guide: guide.id,
      id,
      title: title.charAt(0).toUpperCase() + title.slice(1),
      involved: [pick(roles), pick(roles)],
      activities: activities.length > 0 ? [pick(activities), pick(activities)] : [],
      regulations: [],
      summary: Array.from({ length: 60 }, () => pick(pool)).join(' '),
      permalink: `/guia/sintetica/paso-${id.replace('.', '-')}.html`,
      sourcePath: `guia-sintetica/paso-${id}.md`,
    };
    guide.steps.push(step);
  }

  const questions: Array<{ q: string; step: string }> = [];
  for (let n = 0; n < questionCount; n++) {
    const step = pick(guide.steps);
    const words = step.title.toLowerCase().split(' ').slice(0, 3);
    // One question in three has a swapped pair of letters in its longest word.
    if (rand() < 0.33) {
      const longest = words.reduce((a, b) => (b.length > a.length ? b : a), '');
      const at = 1 + Math.floor(rand() * (longest.length - 3));
      const typo = longest.slice(0, at) + longest[at + 1] + longest[at] + longest.slice(at + 2);
      words[words.indexOf(longest)] = typo;
    }
    const prefix = pick(['', '¿quién participa en ', '¿cuál es el plazo de ', 'actividades de ']);
    questions.push({ q: `${prefix}${words.join(' ')}`, step: `${guide.id}/${step.id}` });
  }
  return { guide, questions };
}
