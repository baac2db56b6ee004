/**
 * npm run bench:home — the Home tab's progress section («Tus pasos asignados» and «Avance por canal») on a
 * real SQLite file with 1,000 trackers and 100,000 events (BENCH_TRACKERS, BENCH_EVENTS), with the indexes of
 * migration 30 and, in the same run on a copy of the same data, without them (the query shape before issue
 * 10: each tracker's events scanned to learn whether the user changed anything there). Prints the median per
 * Home render and the ratio; then the same at a tenth of the events, to show the time no longer follows the
 * history's length.
 */
import { copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { type Db, openDb } from '../src/adapters/sqlite/db.ts';
import { createSqliteStores } from '../src/adapters/sqlite/index.ts';
import { createAvanceHomeSection } from '../src/bot/avance-home.ts';
import { loadContent } from '../src/content/loader.ts';
import { progressPorts } from '../src/ports/index.ts';

const TRACKERS = Number(process.env.BENCH_TRACKERS ?? 1000);
const EVENTS = Number(process.env.BENCH_EVENTS ?? 100_000);
const RUNS = Number(process.env.BENCH_RUNS ?? 30);
const guides = loadContent('content').guides;
const found = guides.find((g) => g.isDefault) ?? guides[0];
if (!found) throw new Error('no guide in content/');
const guide = found;

/** A deterministic workspace: 200 people, each tracker with its steps owned and a long history. */
function fill(db: Db, trackers: number, events: number): void {
  // mulberry32: small, deterministic and evenly spread (an LCG's low bits repeat too soon).
  let seed = 7;
  const rand = (n: number) => {
    seed = (seed + 0x6d2b79f5) | 0;
    let x = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    x = (x + Math.imul(x ^ (x >>> 7), 61 | x)) ^ x;
    return (((x ^ (x >>> 14)) >>> 0) % n) as number;
  };
  const user = (i: number) => `U${String(i).padStart(5, '0')}`;
  db.transaction(() => {
    const tracker = db.prepare(
      `INSERT INTO progress_trackers (id, team_id, channel_id, guide_id, start_date, created_at)
       VALUES (?, 'T1', ?, ?, '2026-01-05', '2026-01-05T15:00:00Z')`,
    );
    const step = db.prepare(
      `INSERT INTO progress_steps (tracker_id, guide_id, step_id, status, owner_user_id, checked_activities, updated_at)
       VALUES (?, ?, ?, ?, ?, '[]', '2026-01-06T15:00:00Z')`,
    );
    const event = db.prepare(
      `INSERT INTO progress_events (tracker_id, at, user_id, source, kind, guide_id, step_id, before_json, after_json)
       VALUES (?, '2026-01-06T15:00:00Z', ?, '/avance', 'step.status', ?, ?, '{}', '{}')`,
    );
    for (let t = 1; t <= trackers; t += 1) {
      tracker.run(t, `C${t}`, guide.id);
      for (const s of guide.steps) {
        step.run(t, guide.id, s.id, rand(4) === 0 ? 'completado' : 'en_curso', user(rand(200)));
      }
    }
    // Everybody else's history; the measured person (U00042) made 30 changes, whatever the total.
    for (let i = 0; i < events; i += 1) {
      const t = 1 + rand(trackers);
      const s = guide.steps[rand(guide.steps.length)]?.id ?? '1.1';
      event.run(t, i < 30 ? 'U00042' : user(200 + rand(800)), guide.id, s);
    }
  })();
}

const median = (times: number[]) =>
  [...times].sort((a, b) => a - b)[Math.floor(times.length / 2)] ?? Number.NaN;

/** The channels-of-a-user query as it was before issue 10: each tracker's whole history scanned. */
const OLD_TRACKERS_OF_USER = `SELECT * FROM progress_trackers t
  WHERE t.team_id = ? AND t.removed_at IS NULL
    AND (EXISTS (SELECT 1 FROM progress_steps s WHERE s.tracker_id = t.id AND s.owner_user_id = ?)
      OR EXISTS (SELECT 1 FROM progress_events e WHERE e.tracker_id = t.id AND e.user_id = ?))
  ORDER BY t.id`;

/**
 * The Home section (queries and rendering) and its two queries alone, median of RUNS. `old`: the old
 * channels query on a database without migration 30's indexes.
 */
async function measure(
  file: string,
  old = false,
): Promise<{ home: number; queries: number; owned: number; channels: number }> {
  const db = await openDb(file);
  try {
    const stores = createSqliteStores(db);
    const home = createAvanceHomeSection({
      ...progressPorts(stores),
      guides,
      tz: 'America/Mexico_City',
      now: () => new Date('2026-03-02T16:00:00Z'),
    });
    for (let i = 0; i < 3; i += 1) await home('U00042', 'T1'); // warm up
    const homeTimes: number[] = [];
    const queryTimes: number[] = [];
    let owned = 0;
    let channels = 0;
    for (let i = 0; i < RUNS; i += 1) {
      let start = performance.now();
      await home('U00042', 'T1');
      homeTimes.push(performance.now() - start);
      start = performance.now();
      owned = (await stores.steps.ownedSteps('T1', 'U00042')).length;
      channels = old
        ? db.prepare(OLD_TRACKERS_OF_USER).all('T1', 'U00042', 'U00042').length
        : (await stores.trackers.trackersOfUser('T1', 'U00042')).length;
      queryTimes.push(performance.now() - start);
    }
    return { home: median(homeTimes), queries: median(queryTimes), owned, channels };
  } finally {
    db.close();
  }
}

async function scenario(dir: string, events: number): Promise<void> {
  const withIndex = join(dir, `home-${events}.db`);
  const db = await openDb(withIndex);
  fill(db, TRACKERS, events);
  db.pragma('wal_checkpoint(TRUNCATE)');
  db.close();
  // The same data as the code saw it before migration 30's indexes.
  const old = join(dir, `home-${events}-old.db`);
  copyFileSync(withIndex, old);
  const o = await openDb(old);
  o.exec('DROP INDEX progress_events_user; DROP INDEX progress_steps_open_owner;');
  o.close();
  const now = await measure(withIndex);
  const before = await measure(old, true);
  console.log(
    `${TRACKERS} trackers × ${events} events (the user: ${now.owned} open steps, ${now.channels} channels)\n` +
      `  its queries: ${now.queries.toFixed(2)} ms (indexes of migration 30) vs ${before.queries.toFixed(2)} ms ` +
      `(the old query, no index; ${before.channels} channels) → ${(before.queries / now.queries).toFixed(1)}× faster\n` +
      `  whole Home progress section (queries, summaries, blocks): ${now.home.toFixed(2)} ms`,
  );
}

async function main(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'guia-bench-home-'));
  try {
    await scenario(dir, EVENTS);
    await scenario(dir, Math.round(EVENTS / 10));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

await main();
