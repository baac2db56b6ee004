/**
 * `npm run bench:search`: cost and accuracy of the answering pipeline, on the shipped content (with the
 * labelled questions of test/eval) and on a synthetic 10,000-step guide; side by side with plain fuse.js
 * (default options over title + summary) on the same corpus and questions.
 */
import { availableParallelism, loadavg } from 'node:os';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import Fuse from 'fuse.js';
import MiniSearch from 'minisearch';
import { loadContent } from '../src/content/loader.ts';
import type { Guide, Step } from '../src/content/model.ts';
import { createAnswerer } from '../src/search/answerer.ts';
import { FRESH_FILE, HOLDOUT_FILE, readQuestions } from '../test/eval/evaluate.ts';
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

function stats(samples: number[]) {
  const sorted = [...samples].sort((a, b) => a - b);
  return { median: percentile(sorted, 0.5), p99: percentile(sorted, 0.99) };
}

type Run = (q: string) => string | null;

/** Times one answer per question, in order; also counts right answers. */
function timePass(cases: Case[], run: Run, into: number[]): number {
  let right = 0;
  for (const c of cases) {
    const started = performance.now();
    const got = run(c.q);
    into.push(performance.now() - started);
    if (got === c.step) right++;
  }
  return right;
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

/**
 * Our pipeline, measured honestly. All answerers are built first (so V8 is not still optimising the index
 * constructor during the timed passes), the JIT is warmed on OTHER questions, then each cold pass uses a
 * FRESH answerer: every question is seen for the first time and every misspelling pays its look-up. Warm
 * passes repeat the questions on a used answerer (the typo memo answers).
 *
 * On a shared 2-core machine a few samples per thousand are the OS or another process taking the CPU. So
 * besides the raw p99 over every cold sample, we report the p99 over questions of each question's best
 * cold time across the fresh answerers: still a first sighting each time, minus the preemption noise.
 */
function measureOurs(
  guides: Guide[],
  cases: Case[],
  warmUp: string[],
  coldPasses: number,
  warmPasses: number,
) {
  const build = measureBuild(() => createAnswerer(guides));
  const fresh = [build.value];
  for (let i = 1; i < coldPasses; i++) fresh.push(createAnswerer(guides));
  const run = (answerer: ReturnType<typeof createAnswerer>): Run => {
    return (q) => {
      const a = answerer.answer(q);
      return a.step ? key(a.step) : null;
    };
  };
  const jit = createAnswerer(guides);
  for (let i = 0; i < 20; i++) for (const q of warmUp) jit.answer(q);
  gc();

  const cold: number[] = [];
  const best = new Array<number>(cases.length).fill(Number.POSITIVE_INFINITY);
  let right = 0;
  for (const answerer of fresh) {
    const pass: number[] = [];
    right += timePass(cases, run(answerer), pass);
    pass.forEach((ms, i) => {
      best[i] = Math.min(best[i] ?? ms, ms);
    });
    cold.push(...pass);
  }
  const last = fresh[fresh.length - 1] as ReturnType<typeof createAnswerer>;
  const warm: number[] = [];
  for (let pass = 0; pass < warmPasses; pass++) timePass(cases, run(last), warm);
  return {
    build,
    cold: stats(cold),
    coldBest: stats(best),
    warm: stats(warm),
    samples: cold.length,
    accuracy: right / cold.length,
  };
}

function compare(
  label: string,
  guides: Guide[],
  cases: Case[],
  warmUp: string[],
  passes: { cold: number; warm: number },
  fuseCases: Case[],
) {
  const steps = guides.flatMap((g) => g.steps);
  const ours = measureOurs(guides, cases, warmUp, passes.cold, passes.warm);

  const plain = measureBuild(() => new Fuse(steps, { keys: ['title', 'summary'] }));
  const fuse = plain.value;
  const fuseTimes: number[] = [];
  const fuseRight = timePass(
    fuseCases,
    (q) => {
      const first = fuse.search(q, { limit: 1 })[0];
      return first ? key(first.item) : null;
    },
    fuseTimes,
  );
  const fuseStats = stats(fuseTimes);

  // Plain fuse.js is too slow at 10,000 steps to ask every question, so it gets a subset. The side by
  // side (top-1 and latency) then uses OUR pipeline on that same subset, cold (a fresh answerer, JIT
  // already warm), and our number on every question is reported on its own line.
  const subset = fuseCases.length < cases.length;
  const oursOnSubset = subset ? createAnswerer(guides) : undefined;
  const subsetTimes: number[] = [];
  const subsetRight = oursOnSubset
    ? timePass(
        fuseCases,
        (q) => {
          const a = oursOnSubset.answer(q);
          return a.step ? key(a.step) : null;
        },
        subsetTimes,
      )
    : 0;
  const sideBySide = subset
    ? { accuracy: subsetRight / fuseCases.length, median: stats(subsetTimes).median }
    : { accuracy: ours.accuracy, median: ours.cold.median };

  const ms = (x: number) => `${x.toFixed(3)} ms`;
  const pct = (x: number) => `${(x * 100).toFixed(1)} %`;
  const same = subset
    ? `las mismas ${fuseCases.length} de las ${cases.length} preguntas (fuse.js simple es demasiado lento para todas)`
    : `las mismas ${cases.length} preguntas`;
  process.stdout.write(
    [
      `\n## ${label}: ${steps.length} pasos, ${cases.length} preguntas`,
      `  nuestro índice   build ${ms(ours.build.ms)} · heap +${ours.build.heapMb.toFixed(2)} MB · top-1 ${pct(ours.accuracy)} (sobre las ${cases.length} preguntas)`,
      `    en frío (pregunta nueva, memo vacío), ${ours.samples} muestras: mediana ${ms(ours.cold.median)} · p99 ${ms(ours.cold.p99)}`,
      `    en frío, lo mejor de ${passes.cold} índices nuevos por pregunta: mediana ${ms(ours.coldBest.median)} · p99 ${ms(ours.coldBest.p99)}`,
      `    en caliente (pregunta repetida): mediana ${ms(ours.warm.median)} · p99 ${ms(ours.warm.p99)}`,
      `  fuse.js simple   build ${ms(plain.ms)} · heap +${plain.heapMb.toFixed(2)} MB · mediana ${ms(fuseStats.median)} · p99 ${ms(fuseStats.p99)}`,
      `  lado a lado, sobre ${same}:`,
      `    top-1: nuestro ${pct(sideBySide.accuracy)} · fuse.js simple ${pct(fuseRight / fuseCases.length)}`,
      `    razón de latencia (mediana fuse / nuestra en frío): ${(fuseStats.median / sideBySide.median).toFixed(1)}×`,
      '',
    ].join('\n'),
  );
}

/** Questions that are not in the measured set, only to warm the JIT: typos, English, references, off-topic. */
const WARM_UP = [
  'plan de trabajo',
  '¿quién participa?',
  'paso 1.1',
  'xyzzy plugh',
  'trasparencia',
  'infromación',
  '¿cuándo vence la entrega?',
  'who is in charge of the open data plan?',
  '¿qué ley aplica al 2.1 de la edición 2015?',
  'actividades para pblicar ciudadnos herramientaz',
  '¿qué hay que hacer con los conjuntos?',
  'hola',
  '',
  '<@U123> ayuda',
];

process.stdout.write(
  `Carga del sistema (1 min): ${loadavg()[0]?.toFixed(2)} en ${availableParallelism()} núcleos — las latencias son de reloj de pared.\n`,
);

// Shipped content: the labelled questions that name a step (choose/no_match cases have no fuse equivalent).
const shipped = loadContent(process.env.GUIA_CONTENT_DIR ?? 'content').guides;
const labelled = readQuestions()
  .filter((q) => q.step !== null && !q.expect)
  .map((q) => ({ q: q.q, step: q.step as string }));

/**
 * The budget (issue 8): the shipped-guide answer p99 ≤ 2 ms over EVERY sample of this fresh process — no
 * best-of, no sample dropped. Then, interleaved in the same process on the same questions, MiniSearch
 * (fuzzy + prefix, accent folding) as the peer: each question is asked of both, alternating which goes first,
 * so load on the machine hits both alike.
 */
function rawAndMiniSearch(guides: Guide[], cases: Case[]) {
  const steps = guides.flatMap((g) => g.steps);
  const fold = (t: string) => t.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
  const mini = new MiniSearch<
    { id: number } & Pick<Step, 'title' | 'summary'> & { activities: string; involved: string }
  >({
    fields: ['title', 'activities', 'involved', 'summary'],
    processTerm: (term) => fold(term),
    searchOptions: { fuzzy: 0.2, prefix: true, boost: { title: 3, activities: 2 }, combineWith: 'OR' },
  });
  mini.addAll(
    steps.map((s, id) => ({
      id,
      title: s.title,
      summary: s.summary,
      activities: s.activities.join(' '),
      involved: s.involved.join(' '),
    })),
  );
  const answerer = createAnswerer(guides);
  // The JIT is warmed on OTHER questions (WARM_UP), for both; then every measured sample counts.
  for (let i = 0; i < 20; i++) {
    for (const q of WARM_UP) {
      answerer.answer(q);
      mini.search(q);
    }
  }
  gc();
  const ours: number[] = [];
  const oursCpu: number[] = [];
  const theirs: number[] = [];
  let oursRight = 0;
  let theirsRight = 0;
  const rounds = 10;
  for (let round = 0; round < rounds; round++) {
    cases.forEach((c, i) => {
      const runOurs = () => {
        const cpu = process.cpuUsage();
        const started = performance.now();
        const a = answerer.answer(c.q);
        ours.push(performance.now() - started);
        const used = process.cpuUsage(cpu);
        oursCpu.push((used.user + used.system) / 1000);
        if (round === 0 && a.step && key(a.step) === c.step) oursRight++;
      };
      const runTheirs = () => {
        const started = performance.now();
        const hit = mini.search(c.q)[0];
        theirs.push(performance.now() - started);
        const step = hit ? steps[hit.id as number] : undefined;
        if (round === 0 && step && key(step) === c.step) theirsRight++;
      };
      if ((i + round) % 2 === 0) {
        runOurs();
        runTheirs();
      } else {
        runTheirs();
        runOurs();
      }
    });
  }
  const o = stats(ours);
  const oc = stats(oursCpu);
  const t = stats(theirs);
  const ms = (x: number) => `${x.toFixed(3)} ms`;
  const pct = (x: number) => `${(x * 100).toFixed(1)} %`;
  const max = Math.max(...ours);
  process.stdout.write(
    [
      `\n## Contenido publicado, cada muestra cuenta: ${steps.length} pasos, ${cases.length} preguntas × ${rounds} rondas (la primera, cada pregunta vista por primera vez)`,
      `  nuestro   p99 ${ms(o.p99)} (presupuesto 2 ms: ${o.p99 <= 2 ? 'cumple' : 'NO cumple'}) · mediana ${ms(o.median)} · máx ${ms(max)} · ${ours.length} muestras`,
      `  nuestro, tiempo de CPU del proceso por respuesta (sin el tiempo en que otro proceso tuvo la CPU): p99 ${ms(oc.p99)} · mediana ${ms(oc.median)}`,
      `  MiniSearch (fuzzy 0.2 + prefijo, sin acentos)  p99 ${ms(t.p99)} · mediana ${ms(t.median)}`,
      `  top-1: nuestro ${pct(oursRight / cases.length)} · MiniSearch ${pct(theirsRight / cases.length)} · razón ${(oursRight / Math.max(1, theirsRight)).toFixed(2)}×`,
      `  razón de latencia (MiniSearch / nuestro): mediana ${(t.median / o.median).toFixed(2)}× · p99 ${(t.p99 / o.p99).toFixed(2)}×`,
      '',
    ].join('\n'),
  );
}

// In a fresh process, before anything else has warmed the JIT: the figure the budget is about.
const everyLabelled = [
  ...labelled,
  ...[HOLDOUT_FILE, FRESH_FILE].flatMap((f) =>
    readQuestions(f)
      .filter((q) => q.step !== null && !q.expect)
      .map((q) => ({ q: q.q, step: q.step as string })),
  ),
];
rawAndMiniSearch(shipped, everyLabelled);
compare('Contenido publicado', shipped, labelled, WARM_UP, { cold: 10, warm: 20 }, labelled);

// Synthetic: 10,000 steps built from the guide's own vocabulary, questions made from their titles.
// The first 100 generated questions only warm the JIT; the other 300 are measured.
const synthetic = syntheticGuide(shipped, 10_000, 400);
const syntheticWarmUp = synthetic.questions.slice(0, 100).map((c) => c.q);
const syntheticCases = synthetic.questions.slice(100);
compare(
  'Guía sintética',
  [synthetic.guide],
  syntheticCases,
  syntheticWarmUp,
  { cold: 3, warm: 3 },
  syntheticCases.slice(0, 20),
);
