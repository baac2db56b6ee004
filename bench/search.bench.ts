/**
 * `npm run bench:search`: cost and accuracy of the answering pipeline, on the shipped content (with the
 * labelled questions of test/eval) and on a synthetic 10,000-step guide; side by side with plain fuse.js
 * (default options over title + summary) on the same corpus and questions.
 */
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import Fuse from 'fuse.js';
import { loadContent } from '../src/content/loader.ts';
import type { Guide, Step } from '../src/content/model.ts';
import { createAnswerer } from '../src/search/answerer.ts';
import { readQuestions } from '../test/eval/evaluate.ts';
import { syntheticGuide } from './synthetic-guide.ts';

setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as () => void;

interface Case {
  q: string;
  /** "guide/id" */
  step: string;
}

const key = (s: Pick<Step, 'guide' | 'id'>): string => `${s.guide}/${s.id}`;

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))] ?? 0;
}

/**
 * Round 0 is "cold" (every question seen for the first time, so every misspelling pays its fuzzy search);
 * later rounds are "warm" (the typo memo answers). Both are reported.
 */
function timeEach(cases: Case[], rounds: number, run: (q: string) => string | null) {
  const cold: number[] = [];
  const warm: number[] = [];
  let right = 0;
  for (let round = 0; round < rounds; round++) {
    for (const c of cases) {
      const started = performance.now();
      const got = run(c.q);
      (round === 0 ? cold : warm).push(performance.now() - started);
      if (round === 0 && got === c.step) right++;
    }
  }
  cold.sort((a, b) => a - b);
  warm.sort((a, b) => a - b);
  const all = warm.length > 0 ? warm : cold;
  return {
    median: percentile(all, 0.5),
    p99: percentile(all, 0.99),
    coldMedian: percentile(cold, 0.5),
    coldP99: percentile(cold, 0.99),
    accuracy: right / cases.length,
  };
}

function measureBuild<T>(build: () => T): { value: T; ms: number; heapMb: number } {
  gc();
  const before = process.memoryUsage().heapUsed;
  const started = performance.now();
  const value = build();
  const ms = performance.now() - started;
  gc();
  const heapMb = (process.memoryUsage().heapUsed - before) / 1024 / 1024;
  return { value, ms, heapMb };
}

function compare(label: string, guides: Guide[], cases: Case[], rounds: number, fuseCases: Case[]) {
  const steps = guides.flatMap((g) => g.steps);
  const ours = measureBuild(() => createAnswerer(guides));
  const answerer = ours.value;
  // Warm up the JIT on other text so round 0 measures our cold path, not V8 compiling it.
  const warmUp = [
    'plan de trabajo',
    '¿quién participa?',
    'paso 1.1',
    'xyzzy plugh',
    'trasparencia',
    'infromación',
  ];
  for (let i = 0; i < 20; i++)
    for (const q of warmUp) answerer.answer(`${q} ${'pblicar ciudadnos herramientaz'.slice(0, i)}`);
  const oursRun = timeEach(cases, rounds, (q) => {
    const a = answerer.answer(q);
    return a.step ? key(a.step) : null;
  });

  const plain = measureBuild(() => new Fuse(steps, { keys: ['title', 'summary'] }));
  const fuse = plain.value;
  const fuseRun = timeEach(fuseCases, 1, (q) => {
    const first = fuse.search(q, { limit: 1 })[0];
    return first ? key(first.item) : null;
  });

  const ms = (x: number) => `${x.toFixed(3)} ms`;
  const pct = (x: number) => `${(x * 100).toFixed(1)} %`;
  process.stdout.write(
    [
      `\n## ${label}: ${steps.length} pasos, ${cases.length} preguntas`,
      `  nuestro índice   build ${ms(ours.ms)} · heap +${ours.heapMb.toFixed(2)} MB · mediana ${ms(oursRun.median)} · p99 ${ms(oursRun.p99)} · top-1 ${pct(oursRun.accuracy)}`,
      `                   en frío (primera vez de cada pregunta): mediana ${ms(oursRun.coldMedian)} · p99 ${ms(oursRun.coldP99)}`,
      `  fuse.js simple   build ${ms(plain.ms)} · heap +${plain.heapMb.toFixed(2)} MB · mediana ${ms(fuseRun.median)} · p99 ${ms(fuseRun.p99)} · top-1 ${pct(fuseRun.accuracy)}${fuseCases.length < cases.length ? ` (sobre ${fuseCases.length} preguntas)` : ''}`,
      `  razón de latencia (mediana fuse / nuestra): ${(fuseRun.median / oursRun.median).toFixed(1)}×`,
      '',
    ].join('\n'),
  );
}

// Shipped content: the labelled questions that name a step (choose/no_match cases have no fuse equivalent).
const shipped = loadContent(process.env.GUIA_CONTENT_DIR ?? 'content').guides;
const labelled = readQuestions()
  .filter((q) => q.step !== null && !q.expect)
  .map((q) => ({ q: q.q, step: q.step as string }));
compare('Contenido publicado', shipped, labelled, 50, labelled);

// Synthetic: 10,000 steps built from the guide's own vocabulary, questions made from their titles.
const synthetic = syntheticGuide(shipped, 10_000);
const syntheticCases = synthetic.questions;
compare('Guía sintética', [synthetic.guide], syntheticCases, 1, syntheticCases.slice(0, 20));
