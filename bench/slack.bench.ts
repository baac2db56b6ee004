/**
 * npm run bench:slack — 1,000 signed Events API requests (mentions with distinct event ids) through the
 * real HTTP receiver, against the fake Slack Web API, with a real SQLite file. Prints events per second
 * (until every reply reached the fake chat.postMessage) and the ack latency (HTTP 200) p50/p99.
 * Everything runs in one process on loopback, so the numbers include the fake Slack's own work.
 */
import { performance } from 'node:perf_hooks';
import { eventEnvelope, postEvent } from '../test/helpers/signed-request.ts';
import { startTestApp } from '../test/helpers/slack-app.ts';

const TOTAL = Number(process.env.BENCH_EVENTS ?? 1000);
const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 10);
const QUESTIONS = [
  '¿quién participa en el paso 2.1?',
  '¿cuál es el plazo del paso 1.2?',
  'normatividad del paso 3.1',
  'actividades del paso 4.1',
  'cómo publico mis datos en datos.gob.mx',
  'what is the deadline of step 1.1?',
];

const percentile = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? Number.NaN;

async function main(): Promise<void> {
  const t = await startTestApp();
  try {
    // Warm up (JIT, auth.test, prepared statements), then measure.
    for (let i = 0; i < 20; i++) {
      await postEvent(t.target, eventEnvelope(mention(i)));
    }
    await t.fake.waitFor(() => t.fake.callsTo('chat.postMessage').length >= 20, 30_000);
    t.fake.reset();

    const acks: number[] = [];
    let next = 0;
    const start = performance.now();
    const worker = async () => {
      while (next < TOTAL) {
        const i = next++;
        const sent = performance.now();
        const res = await postEvent(t.target, eventEnvelope(mention(i)));
        acks.push(performance.now() - sent);
        if (res.status !== 200) throw new Error(`event ${i}: HTTP ${res.status}`);
      }
    };
    await Promise.all(Array.from({ length: CONCURRENCY }, worker));
    await t.fake.waitFor(() => t.fake.callsTo('chat.postMessage').length >= TOTAL, 120_000);
    const seconds = (performance.now() - start) / 1000;
    acks.sort((a, b) => a - b);
    const replies = t.fake.callsTo('chat.postMessage').length;
    process.stdout.write(
      `${TOTAL} events, concurrency ${CONCURRENCY}: ${(TOTAL / seconds).toFixed(0)} events/s ` +
        `(all ${replies} replies posted in ${seconds.toFixed(2)} s); ` +
        `ack p50 ${percentile(acks, 50).toFixed(1)} ms, p99 ${percentile(acks, 99).toFixed(1)} ms\n`,
    );
  } finally {
    await t.stop();
  }
}

let ts = 1_700_000_000;
function mention(i: number) {
  ts += 1;
  return {
    type: 'app_mention',
    user: 'U0001',
    text: `<@UBOT> ${QUESTIONS[i % QUESTIONS.length]}`,
    ts: `${ts}.000100`,
    channel: 'C0001',
    event_ts: `${ts}.000100`,
  };
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.stack : String(error)}\n`);
  process.exitCode = 1;
});
