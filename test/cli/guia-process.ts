import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const bin = fileURLToPath(new URL('../../bin/guia.mjs', import.meta.url));

export interface GuiaRun {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

/**
 * Runs `bin/guia.mjs ARGS` as its own process in `cwd` (where it looks for `.env`), with nothing from the
 * developer's environment but PATH and HOME. `closeStdout` closes the reading end of stdout at once, like
 * `| head` that has read enough, so every write of the command hits a closed pipe.
 */
export function runGuia(
  args: string[],
  opts: { cwd: string; env?: Record<string, string>; closeStdout?: boolean },
): Promise<GuiaRun> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [bin, ...args], {
      cwd: opts.cwd,
      env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? opts.cwd, ...opts.env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    if (opts.closeStdout) child.stdout.destroy();
    else child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('error', reject);
    child.on('close', (code, signal) => resolve({ code, signal, stdout, stderr }));
  });
}
