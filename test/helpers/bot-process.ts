import { type ChildProcessWithoutNullStreams, spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const repo = fileURLToPath(new URL('../../', import.meta.url));

export interface BotProcess {
  child: ChildProcessWithoutNullStreams;
  /** stdout and stderr so far, interleaved. */
  output(): string;
  /** Resolves with the exit code; created at spawn, so an early exit is not missed. */
  exited: Promise<number | null>;
}

/**
 * Runs the composition root `src/main.ts` as its own process against the fake Slack Web API at `apiUrl`,
 * with its database at `dbFile`, a random port, and nothing from the developer's environment but PATH;
 * `env` adds to or overrides that (e.g. the signing secret or app token that pick the mode).
 */
export function spawnBot(apiUrl: string, dbFile: string, env: Record<string, string> = {}): BotProcess {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
    cwd: repo,
    env: {
      PATH: process.env.PATH ?? '',
      SLACK_BOT_TOKEN: 'xoxb-test',
      SLACK_API_URL: apiUrl,
      PORT: '0',
      GUIA_DB: dbFile,
      LOG_LEVEL: 'info',
      ...env,
    },
  });
  let out = '';
  child.stdout.on('data', (d: Buffer) => {
    out += d.toString();
  });
  child.stderr.on('data', (d: Buffer) => {
    out += d.toString();
  });
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  return { child, output: () => out, exited };
}
