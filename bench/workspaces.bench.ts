/**
 * npm run bench:workspaces — the daily posts of many institutions at once: BENCH_TEAMS workspaces (default
 * 20) × BENCH_CHANNELS channels (default 50) with a tracker each, every daily summary due at the same minute,
 * two replicas (two apps built by createApp in distribution mode, each with its own database connection or
 * pool and pacer) running that minute together against the fake Slack, which answers
 * some chat.postMessage calls with 429 + Retry-After. Prints the time to finish, posts per channel (must be
 * exactly 1, with the channel's own workspace token), the 429s met and how the replicas split the work,
 * and the latency of answers to mentions in the busiest workspace while it runs, beside the same when idle.
 * On PostgreSQL (a fresh database on the GUIA_TEST_DATABASE_URL server) when that is set, else one SQLite file.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { pino } from 'pino';
import { createApp, type GuiaApp } from '../src/app/wire.ts';
import { parseConfig } from '../src/config/config.ts';
import type { Installation } from '../src/ports/installations.ts';
import type { DailyRun } from '../src/schedule/daily.ts';
import { type FakeSlack, startFakeSlack } from '../test/helpers/fake-slack.ts';
import { freshDatabase } from '../test/helpers/postgres.ts';
import { eventEnvelope, postEvent, type SlackTarget } from '../test/helpers/signed-request.ts';
import { CONTENT_DIR, OAUTH_ENV, realGuides, SIGNING_SECRET } from '../test/helpers/slack-app.ts';
import { trackerWithDaily } from '../test/helpers/trackers.ts';

const TEAMS = Number(process.env.BENCH_TEAMS ?? 20);
const CHANNELS = Number(process.env.BENCH_CHANNELS ?? 50);
const RATE_LIMITED = Number(process.env.BENCH_429 ?? 40);
const NOW = new Date('2026-02-11T16:00:00Z'); // 10:00 in Mexico City, a Wednesday

function installation(teamId: string): Installation<'v2', false> {
  return {
    team: { id: teamId, name: teamId },
    enterprise: undefined,
    user: { token: undefined, scopes: undefined, id: 'UADMIN' },
    bot: { token: `xoxb-${teamId}`, scopes: ['chat:write'], id: 'BBOT', userId: 'UBOT' },
    isEnterpriseInstall: false,
    authVersion: 'v2',
  };
}

async function replica(name: string, db: Record<string, string>, apiUrl: string): Promise<GuiaApp> {
  const parsed = parseConfig({
    ...db,
    ...OAUTH_ENV,
    SLACK_SIGNING_SECRET: SIGNING_SECRET,
    SLACK_API_URL: apiUrl,
    PORT: '0',
    GUIA_CONTENT_DIR: CONTENT_DIR,
    LOG_LEVEL: 'silent',
  });
  if (!parsed.ok) throw new Error(parsed.message);
  const built = await createApp(parsed.config, {
    guides: realGuides(),
    logger: pino({ level: 'silent', base: { replica: name } }),
    avance: false,
    slack: { host: '127.0.0.1' },
  });
  if (!built.ok) throw new Error(built.message);
  return built.value;
}

let mentionTs = 1_700_000_000;
/** One mention from `teamId`; resolves with the ms until its answer reached the fake chat.postMessage. */
async function askOnce(fake: FakeSlack, target: SlackTarget, teamId: string): Promise<number> {
  mentionTs += 1;
  const ts = `${mentionTs}.000100`;
  const start = performance.now();
  const event = { type: 'app_mention', user: 'U1', text: '<@UBOT> plazo del paso 1.2', ts, channel: 'CASK' };
  await postEvent(target, eventEnvelope(event, { teamId }));
  await fake.waitFor(() => fake.callsTo('chat.postMessage').some((c) => c.params.thread_ts === ts), 60_000);
  return performance.now() - start;
}

const pct = (xs: number[], p: number) =>
  [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor((p / 100) * xs.length))] ?? Number.NaN;

async function main(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'guia-workspaces-'));
  const server = process.env.GUIA_TEST_DATABASE_URL?.trim();
  const database = server ? await freshDatabase(server, 'guia_b') : undefined;
  const db: Record<string, string> = database
    ? { DATABASE_URL: database.url }
    : { GUIA_DB: join(dir, 'guia.db') };
  const fake = await startFakeSlack();
  const apps: GuiaApp[] = [];
  try {
    apps.push(await replica('a', db, fake.apiUrl));
    apps.push(await replica('b', db, fake.apiUrl));
    const [a, b] = apps as [GuiaApp, GuiaApp];
    const installations = a.installations;
    if (!installations) throw new Error('no installation store in distribution mode');
    const actor = { userId: 'U0001', source: 'bench', at: '2026-02-01T16:00:00Z' };
    const setupStart = performance.now();
    for (let t = 0; t < TEAMS; t++) {
      const teamId = `T${String(t).padStart(3, '0')}`;
      await installations.storeInstallation(installation(teamId));
      for (let c = 0; c < CHANNELS; c++) {
        await trackerWithDaily(a.stores.trackers, {
          teamId,
          channelId: `C${teamId}x${c}`,
          startDate: '2026-01-05',
          daily: { time: '10:00' },
          actor,
        });
      }
    }
    process.stdout.write(
      `setup: ${TEAMS} workspaces × ${CHANNELS} channels in ${((performance.now() - setupStart) / 1000).toFixed(1)} s\n`,
    );

    // Replica a also answers questions over HTTP, as a replica behind the load balancer does.
    const slackA = a.slack;
    if (!slackA) throw new Error('no Slack app in distribution mode');
    const { port } = await slackA.start();
    const target = { url: `http://127.0.0.1:${port}/slack/events`, signingSecret: SIGNING_SECRET };
    const busyTeam = 'T000';
    const idle: number[] = [];
    for (let i = 0; i < 10; i++) idle.push(await askOnce(fake, target, busyTeam));

    // Slack pushes back: the first calls of the minute get 429 with Retry-After 1 s.
    fake.reset();
    fake.fail('chat.postMessage', { status: 429, retryAfter: 1 }, RATE_LIMITED);
    const start = performance.now();
    let running = true;
    const runs = Promise.all([a.runDaily(NOW), b.runDaily(NOW)]).finally(() => {
      running = false;
    });
    const busy: number[] = [];
    const asking = (async () => {
      while (running) {
        busy.push(await askOnce(fake, target, busyTeam));
        await new Promise((r) => setTimeout(r, 250));
      }
    })();
    const [ra, rb] = await runs;
    const seconds = (performance.now() - start) / 1000;
    await asking;

    const calls = fake.callsTo('chat.postMessage').filter((c) => c.params.channel !== 'CASK');
    const perChannel = new Map<string, { n: number; tokens: Set<string> }>();
    for (const call of calls) {
      const channel = String(call.params.channel);
      const entry = perChannel.get(channel) ?? { n: 0, tokens: new Set<string>() };
      entry.tokens.add(call.token ?? '');
      perChannel.set(channel, entry);
    }
    // A call answered 429 is not a post: count the successful ones from the runs themselves.
    const told = (r: DailyRun) => r.posted.length + r.quiet.length;
    const postedIds = [...ra.posted, ...ra.quiet, ...rb.posted, ...rb.quiet];
    const unique = new Set(postedIds);
    const wrongToken = [...perChannel].filter(
      ([channel, e]) => e.tokens.size !== 1 || ![...e.tokens][0]?.startsWith(`xoxb-${channel.slice(1, 5)}`),
    );
    const total = TEAMS * CHANNELS;
    const rateLimited = calls.length - postedIds.length;
    process.stdout.write(
      `\nDaily posts due at the same minute: ${total} channels, 2 replicas on ${server ? 'PostgreSQL' : 'one SQLite file'}\n` +
        `  time to finish          ${seconds.toFixed(1)} s  (${(total / seconds).toFixed(0)} posts/s overall)\n` +
        `  posts per channel       ${unique.size === postedIds.length && unique.size === total ? 'exactly 1 for every channel' : `WRONG: ${postedIds.length} posts for ${unique.size} of ${total} channels`}\n` +
        `  own workspace token     ${wrongToken.length === 0 ? 'every channel' : `WRONG in ${wrongToken.length} channels`}\n` +
        `  429 answers handled     ${rateLimited} (Retry-After 1 s honoured, then posted)\n` +
        `  failed                  ${ra.failed.length + rb.failed.length}\n` +
        `  split between replicas  ${told(ra)} / ${told(rb)}\n` +
        `  budget                  5 posts/s per workspace per replica, 1 per ~1.1 s per channel\n` +
        `  answers in ${busyTeam} (busy)   p50 ${pct(busy, 50).toFixed(0)} ms, max ${Math.max(...busy).toFixed(0)} ms over ${busy.length} questions during the run\n` +
        `  answers in ${busyTeam} (idle)   p50 ${pct(idle, 50).toFixed(0)} ms, max ${Math.max(...idle).toFixed(0)} ms before it ` +
        `(ratio busy/idle p50 ${(pct(busy, 50) / pct(idle, 50)).toFixed(1)})\n`,
    );
    if (unique.size !== total || postedIds.length !== total || wrongToken.length > 0) process.exitCode = 1;
  } finally {
    for (const app of apps) await app.close();
    await fake.close();
    rmSync(dir, { recursive: true, force: true });
    await database?.drop();
  }
}

await main();
