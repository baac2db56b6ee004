/**
 * npm run bench:coordination — the coordination office's view at 300 trackers (env BENCH_TRACKERS) of the
 * real default guide: the overview (rows sorted by risk + the first Block Kit page), the all-trackers CSV,
 * the weekly report, and the institutions × phases chart rendered to PNG. Each is printed with its ratio to
 * a peer measured in the same run: the daily summary of one tracker (summarize + its Block Kit post).
 * The same overview is then measured end to end through the async ports on a real SQLite file (every
 * tracker's states and last event read from the store), against the peer read from the same store.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { openDb } from '../src/adapters/sqlite/db.ts';
import { createSqliteStores } from '../src/adapters/sqlite/index.ts';
import { overviewPage } from '../src/bot/coordination-command.ts';
import { loadContent } from '../src/content/loader.ts';
import type { Guide } from '../src/content/model.ts';
import { coordinationChartData } from '../src/coordination/chart-data.ts';
import { coordinationCsv } from '../src/coordination/csv.ts';
import { coordinationOverview, type TrackerView } from '../src/coordination/overview.ts';
import { weeklyReport } from '../src/coordination/weekly.ts';
import { progressPorts } from '../src/ports/index.ts';
import { summarize } from '../src/progress/summary.ts';
import { dailyPostBlocks } from '../src/render/avance-daily.ts';
import { coordinationChart } from '../src/render/charts/index.ts';
import { coordinationBlocks } from '../src/render/coordination.ts';
import { weeklyBlocks } from '../src/render/weekly.ts';
import { CONTENT_DIR } from '../test/helpers/slack-app.ts';
import { syntheticTrackers } from './synthetic-trackers.ts';

const TRACKERS = Number(process.env.BENCH_TRACKERS ?? 300);
const TODAY = '2026-12-01';
const TZ = 'America/Mexico_City';

/** Median milliseconds of `runs` calls after `warm` unmeasured ones. */
async function median(fn: () => unknown, runs: number, warm = 3): Promise<number> {
  for (let i = 0; i < warm; i += 1) await fn();
  const times: number[] = [];
  for (let i = 0; i < runs; i += 1) {
    const start = performance.now();
    await fn();
    times.push(performance.now() - start);
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)] ?? Number.NaN;
}

async function main(): Promise<void> {
  const guide = loadContent(CONTENT_DIR).guides.find((g) => g.isDefault);
  if (!guide) throw new Error('no default guide in content/');
  const views = syntheticTrackers(guide, TRACKERS, TODAY);
  const one = views[0];
  if (!one) throw new Error('no trackers');

  const peer = await median(() => {
    const summary = summarize(guide, one.states, one.startDate, TODAY);
    return dailyPostBlocks(guide, TODAY, [], summary);
  }, 200);
  const overview = await median(() => coordinationBlocks(coordinationOverview(views, TODAY), 1, TZ), 20);
  const rows = coordinationOverview(views, TODAY).rows;
  const csv = await median(() => coordinationCsv(rows, TODAY, TZ), 10);
  const weekly = await median(
    () =>
      weeklyBlocks(
        weeklyReport(
          'coordination',
          views.map((view) => ({ view, events: [] })),
          '2026-11-24',
          TODAY,
        ),
      ),
    10,
  );
  const data = coordinationChartData(rows, TODAY);
  let png = 0;
  let size = '';
  const chart = await median(
    async () => {
      const image = await coordinationChart(data);
      png = image.png.length;
      size = `${image.width}×${image.height}`;
    },
    5,
    1,
  );
  const store = await throughSqlite(guide, views);
  const steps = rows.reduce((n, r) => n + r.total, 0);
  const ratio = (ms: number) => `${(ms / peer).toFixed(0)}× the peer`;
  process.stdout.write(
    `${[
      `${TRACKERS} trackers × ${guide.steps.length} steps (${guide.id}), median ms:`,
      `  peer: daily summary of one tracker           ${peer.toFixed(3)} ms`,
      `  overview (rows by risk + first page)         ${overview.toFixed(1)} ms (${ratio(overview)}; ${(overview / TRACKERS).toFixed(3)} ms per tracker)`,
      `  CSV of every tracker × step (${steps} rows)    ${csv.toFixed(1)} ms (${ratio(csv)})`,
      `  weekly report (data + blocks)                ${weekly.toFixed(1)} ms (${ratio(weekly)})`,
      `  through SQLite ports: peer (one tracker read + daily summary) ${store.peer.toFixed(2)} ms`,
      `  through SQLite ports: overview first page      ${store.overview.toFixed(1)} ms (${(store.overview / store.peer).toFixed(0)}× its peer)`,
      `  chart: institutions × phases to PNG          ${chart.toFixed(0)} ms (${ratio(chart)}); ${data.institutions.length} of ${data.totalInstitutions} institutions, ${size} px, ${(png / 1024).toFixed(0)} KiB`,
    ].join('\n')}\n`,
  );
}

/** The same workspace written through the ports into a SQLite file; the overview read back through them. */
async function throughSqlite(
  guide: Guide,
  views: TrackerView[],
): Promise<{ peer: number; overview: number }> {
  const dir = mkdtempSync(join(tmpdir(), 'guia-bench-'));
  const stores = createSqliteStores(await openDb(join(dir, 'guia.db')));
  try {
    const at = `${TODAY}T15:00:00.000Z`;
    const actor = { userId: 'UBENCH', source: 'bench', at };
    for (const view of views) {
      const tracker = await stores.trackers.createTracker(
        { teamId: 'T1', channelId: view.channelId, guideId: guide.id, startDate: view.startDate },
        actor,
      );
      if (view.institution) await stores.coordination.setInstitution(tracker, view.institution, actor);
      for (const state of view.states.values()) {
        await stores.steps.changeStep(tracker.id, guide.id, state.stepId, 'step.status', actor, () => ({
          ok: true,
          next: state,
        }));
      }
    }
    const deps = {
      ...progressPorts(stores),
      coordination: stores.coordination,
      guides: [guide],
      tz: TZ,
      now: () => new Date(`${TODAY}T16:00:00Z`),
    };
    const first = (await stores.trackers.listTrackers())[0];
    if (!first) throw new Error('no tracker written');
    const peer = await median(async () => {
      const states = await stores.steps.stepStates(first.id, guide.id);
      return dailyPostBlocks(guide, TODAY, [], summarize(guide, states, first.startDate, TODAY));
    }, 200);
    const overview = await median(() => overviewPage(deps, 'T1', 1), 10);
    return { peer, overview };
  } finally {
    await stores.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.stack : String(error)}\n`);
  process.exitCode = 1;
});
