/**
 * npm run bench:store — the store calls behind `/avance` (changeStep, stepStates, the recent events) and
 * behind an answer (the event-id claim, the thread context read and write, an unanswered question) on the
 * SQLite file and on PostgreSQL, one after another and with 8 at once. Prints mean and p95 per call and
 * the ratio PostgreSQL / SQLite measured in the same run. PostgreSQL: BENCH_DATABASE_URL, else
 * GUIA_TEST_DATABASE_URL (a schema is created and dropped); without either only SQLite is measured.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { openSqlStores } from '../src/adapters/sql/open.ts';
import type { Stores } from '../src/ports/index.ts';
import type { StepChangeFn } from '../src/ports/steps.ts';
import { createSchema, dropSchema, randomSchema } from '../test/helpers/postgres.ts';

const N = Number(process.env.BENCH_OPS ?? 400);
const CONCURRENT = 8;
const url = process.env.BENCH_DATABASE_URL ?? process.env.GUIA_TEST_DATABASE_URL;

const toggle =
  (i: number): StepChangeFn =>
  (b) => ({ ok: true, next: { ...b, checkedActivities: [i % 5], ownerUserId: `U${i % 7}` } });

interface Op {
  name: string;
  run: (s: Stores, trackerId: number, i: number) => Promise<unknown>;
}
const OPS: Op[] = [
  {
    name: '/avance changeStep',
    run: (s, t, i) =>
      s.steps.changeStep(
        t,
        'guia-2017',
        `1.${(i % 9) + 1}`,
        'step.activity',
        { userId: 'U1', source: 'bench', at: new Date().toISOString() },
        toggle(i),
      ),
  },
  { name: '/avance stepStates', run: (s, t) => s.steps.stepStates(t, 'guia-2017') },
  { name: '/avance events (last 20)', run: (s, t) => s.steps.events(t, { limit: 20 }) },
  {
    name: 'answer: dedupe.claim',
    run: (s, _t, i) => s.dedupe.claim(`Ev${process.pid}-${i}-${Math.random()}`),
  },
  { name: 'answer: context.load', run: (s, _t, i) => s.context.load('T1', `C1:${i % 50}`, new Date()) },
  {
    name: 'answer: context.save',
    run: (s, _t, i) =>
      s.context.save('T1', `C1:${i % 50}`, { step: '1.2', i }, new Date(Date.now() + 86_400_000)),
  },
  {
    name: 'answer: recordUnanswered',
    run: (s, _t, i) =>
      s.feedback.recordUnanswered({
        teamId: 'T1',
        userId: 'U1',
        channelId: 'C1',
        source: 'mention',
        question: `q${i}`,
        outcome: 'no_match',
        confidence: 0.2,
      }),
  },
];

interface Result {
  mean: number;
  p95: number;
  concurrentPerOp: number;
}

async function measure(s: Stores): Promise<Map<string, Result>> {
  const tracker = await s.trackers.createTracker(
    { teamId: 'T1', channelId: `C${Date.now()}`, guideId: 'guia-2017', startDate: '2026-01-15' },
    { userId: 'U1', source: 'bench', at: new Date().toISOString() },
  );
  const out = new Map<string, Result>();
  for (const op of OPS) {
    for (let i = 0; i < 30; i++) await op.run(s, tracker.id, i); // warm-up
    const times: number[] = [];
    for (let i = 0; i < N; i++) {
      const t0 = performance.now();
      await op.run(s, tracker.id, i);
      times.push(performance.now() - t0);
    }
    times.sort((a, b) => a - b);
    const t0 = performance.now();
    let next = 0;
    await Promise.all(
      Array.from({ length: CONCURRENT }, async () => {
        while (next < N) await op.run(s, tracker.id, next++);
      }),
    );
    out.set(op.name, {
      mean: times.reduce((a, b) => a + b, 0) / times.length,
      p95: times[Math.floor(times.length * 0.95)] ?? Number.NaN,
      concurrentPerOp: (performance.now() - t0) / N,
    });
  }
  return out;
}

const ms = (x: number) => `${x.toFixed(3)} ms`;

async function main(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'guia-bench-store-'));
  const schema = randomSchema('guia_bench');
  try {
    const sqlite = await openSqlStores({ kind: 'sqlite', file: join(dir, 'bench.db') }, 'bench');
    if (!sqlite.ok) throw new Error(sqlite.message);
    const lite = await measure(sqlite.stores);
    await sqlite.stores.close();

    let pgResults: Map<string, Result> | undefined;
    if (url) {
      await createSchema(url, schema);
      const pg = await openSqlStores({ kind: 'postgres', url, schema, poolSize: CONCURRENT }, 'bench');
      if (!pg.ok) throw new Error(pg.message);
      pgResults = await measure(pg.stores);
      await pg.stores.close();
    }

    console.log(`Store calls, ${N} sequential + ${N} with ${CONCURRENT} at once (Node ${process.version})`);
    console.log(
      `${'operation'.padEnd(28)}${'SQLite mean'.padStart(13)}${'p95'.padStart(11)}${'×8/op'.padStart(11)}` +
        (pgResults
          ? `${'PG mean'.padStart(13)}${'p95'.padStart(11)}${'×8/op'.padStart(11)}${'PG/SQLite'.padStart(11)}${'×8 ratio'.padStart(10)}`
          : ''),
    );
    for (const op of OPS) {
      const l = lite.get(op.name);
      const p = pgResults?.get(op.name);
      if (!l) continue;
      let line = `${op.name.padEnd(28)}${ms(l.mean).padStart(13)}${ms(l.p95).padStart(11)}${ms(l.concurrentPerOp).padStart(11)}`;
      if (p)
        line += `${ms(p.mean).padStart(13)}${ms(p.p95).padStart(11)}${ms(p.concurrentPerOp).padStart(11)}${`${(p.mean / l.mean).toFixed(1)}×`.padStart(11)}${`${(p.concurrentPerOp / l.concurrentPerOp).toFixed(1)}×`.padStart(10)}`;
      console.log(line);
    }
    if (!pgResults) console.log('PostgreSQL not measured: set BENCH_DATABASE_URL or GUIA_TEST_DATABASE_URL.');
  } finally {
    rmSync(dir, { recursive: true, force: true });
    if (url) await dropSchema(url, schema).catch(() => {});
  }
}

await main();
