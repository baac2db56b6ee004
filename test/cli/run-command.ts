import { PassThrough, Readable } from 'node:stream';
import type { CliCommand } from '../../src/cli/command.ts';

/** Runs a `guia` subcommand in-process with captured streams; `stdinLines` are piped in, one a line. */
export async function runCommand(
  command: CliCommand,
  args: string[],
  env: NodeJS.ProcessEnv = {},
  stdinLines: string[] = [],
): Promise<{ code: number; stdout: string; stderr: string }> {
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  const out: string[] = [];
  const err: string[] = [];
  stdout.on('data', (chunk: Buffer) => out.push(chunk.toString('utf8')));
  stderr.on('data', (chunk: Buffer) => err.push(chunk.toString('utf8')));
  const code = await command.run(args, {
    stdout,
    stderr,
    stdin: Readable.from(stdinLines.map((l) => `${l}\n`)),
    env,
  });
  return { code, stdout: out.join(''), stderr: err.join('') };
}
