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

/** A bot process listening for Slack over HTTP on 127.0.0.1, with its base URL. */
export interface ListeningBot extends BotProcess {
  baseUrl: string;
  stop(): Promise<number | null>;
}

/**
 * Spawns `src/main.ts` in HTTP mode (see spawnBot) and waits for its "listening" log line; rejects with the
 * process output when it exits or does not listen within `timeoutMs`.
 */
export async function startHttpBot(
  apiUrl: string,
  dbFile: string,
  env: Record<string, string>,
  timeoutMs = 30_000,
): Promise<ListeningBot> {
  const bot = spawnBot(apiUrl, dbFile, env);
  const deadline = Date.now() + timeoutMs;
  let exited = false;
  void bot.exited.then(() => {
    exited = true;
  });
  for (;;) {
    const port = /"port":(\d+)[^\n]*listening for Slack on HTTP/.exec(bot.output())?.[1];
    if (port) {
      return {
        ...bot,
        baseUrl: `http://127.0.0.1:${port}`,
        stop: async () => {
          if (!exited) bot.child.kill('SIGTERM');
          return bot.exited;
        },
      };
    }
    if (exited || Date.now() > deadline) {
      bot.child.kill('SIGKILL');
      throw new Error(`the bot did not start listening:\n${bot.output().slice(-3000)}`);
    }
    await new Promise((r) => setTimeout(r, 50));
  }
}
