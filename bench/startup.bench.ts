/**
 * npm run bench:startup — start-up time as a ratio to `node -e 0`, for the TypeScript sources run through
 * tsx (`npm start`) and for the build (`npm run build` → dist/, `npm run start:prod`):
 *   - terminal chat: one question piped in, until the process has answered and exited;
 *   - HTTP mode: until the "listening for Slack on HTTP" log line (auth.test against a fake Slack on loopback).
 * Also prints how many @slack/* files each mode loaded (the terminal chat must load none). Medians of
 * BENCH_RUNS runs (default 5), measured in the same run as the `node -e 0` baseline.
 */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { startFakeSlack } from '../test/helpers/fake-slack.ts';

const repo = fileURLToPath(new URL('../', import.meta.url));
const RUNS = Number(process.env.BENCH_RUNS ?? 5);
const PROBE = join(repo, 'bench', 'slack-modules-probe.mjs');

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? Number.NaN;

interface Sample {
  ms: number;
  slackModules: number;
}

/** Runs node with `args`, feeding `input`; resolves once `done(output)` is true (then SIGTERM) or at exit. */
function run(
  args: string[],
  env: Record<string, string>,
  opts: { input?: string; done?: (out: string) => boolean } = {},
): Promise<Sample> {
  return new Promise((resolve, reject) => {
    const start = performance.now();
    let end = 0;
    let out = '';
    const child = spawn(process.execPath, ['--import', PROBE, ...args], {
      cwd: repo,
      env: { PATH: process.env.PATH ?? '', ...env },
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    const onData = (d: Buffer) => {
      out += d.toString();
      if (!end && opts.done?.(out)) {
        end = performance.now();
        child.kill('SIGTERM');
      }
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    child.on('error', reject);
    child.on('exit', () => {
      if (!end) end = performance.now();
      const modules = /SLACK_MODULES (\d+)/.exec(out);
      if (!modules) reject(new Error(`no probe line; output:\n${out.slice(-2000)}`));
      else resolve({ ms: end - start, slackModules: Number(modules[1]) });
    });
    child.stdin.end(opts.input ?? '');
  });
}

async function measure(label: string, times: () => Promise<Sample>): Promise<Sample> {
  const samples: Sample[] = [];
  await times(); // warm the file system cache
  for (let i = 0; i < RUNS; i++) samples.push(await times());
  const result = { ms: median(samples.map((s) => s.ms)), slackModules: samples[0]?.slackModules ?? -1 };
  process.stdout.write(`  measured ${label}\n`);
  return result;
}

async function main(): Promise<void> {
  if (!existsSync(join(repo, 'dist', 'main.js')) || process.env.BENCH_BUILD !== '0') {
    const t0 = performance.now();
    const build = spawnSync('npm', ['run', 'build', '--silent'], { cwd: repo, stdio: 'inherit' });
    if (build.status !== 0) throw new Error('npm run build failed');
    process.stdout.write(`npm run build: ${((performance.now() - t0) / 1000).toFixed(1)} s\n`);
  }
  const dir = mkdtempSync(join(tmpdir(), 'guia-startup-'));
  const fake = await startFakeSlack();
  try {
    const local = {
      GUIA_DB: join(dir, 'local.db'),
      LOG_LEVEL: 'warn',
      SLACK_BOT_TOKEN: '',
      SLACK_APP_TOKEN: '',
      SLACK_SIGNING_SECRET: '',
    };
    const http = {
      GUIA_DB: join(dir, 'http.db'),
      LOG_LEVEL: 'info',
      SLACK_BOT_TOKEN: 'xoxb-bench',
      SLACK_SIGNING_SECRET: 'bench-secret',
      SLACK_API_URL: fake.apiUrl,
      PORT: '0',
    };
    const question = '¿quién participa en el paso 2.1?\n';
    const listening = (out: string) => out.includes('listening for Slack on HTTP');
    const tsx = ['--import', 'tsx', 'src/main.ts'];
    const built = ['dist/main.js'];

    const base = await measure('node -e 0', () => run(['-e', '0'], {}));
    const rows: Array<[string, Sample]> = [
      [
        'terminal chat, tsx (npm start)',
        await measure('chat tsx', () => run(tsx, local, { input: question })),
      ],
      [
        'terminal chat, build (start:prod)',
        await measure('chat build', () => run(built, local, { input: question })),
      ],
      ['HTTP listening, tsx', await measure('http tsx', () => run(tsx, http, { done: listening }))],
      ['HTTP listening, build', await measure('http build', () => run(built, http, { done: listening }))],
    ];
    process.stdout.write(
      `\nStart-up, median of ${RUNS} runs (node -e 0 = ${base.ms.toFixed(0)} ms)\n` +
        `${'mode'.padEnd(36)}${'ms'.padStart(8)}${'× node -e 0'.padStart(14)}${'@slack files'.padStart(14)}\n`,
    );
    for (const [label, s] of rows) {
      process.stdout.write(
        `${label.padEnd(36)}${s.ms.toFixed(0).padStart(8)}${(s.ms / base.ms).toFixed(1).padStart(14)}${String(s.slackModules).padStart(14)}\n`,
      );
    }
    const chat = rows.filter(([label]) => label.startsWith('terminal'));
    if (chat.some(([, s]) => s.slackModules !== 0)) {
      process.stdout.write('WARNING: the terminal chat loaded Slack modules\n');
      process.exitCode = 1;
    }
  } finally {
    await fake.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

await main();
