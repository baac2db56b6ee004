#!/usr/bin/env node
/**
 * The `guia` command line. Each subcommand lives in its own file under commands/ and only does I/O around
 * the pure layers; this file just dispatches.
 */
import { loadEnvFile } from '../config/config.ts';
import { errorText } from '../error-text.ts';
import type { CliCommand } from './command.ts';

// A Map: `guia constructor` must be an unknown command, not Object.prototype.constructor.
const commands = new Map<string, () => Promise<{ default: CliCommand }>>([
  ['validate', () => import('./commands/validate.ts')],
  ['step', () => import('./commands/step.ts')],
  ['list', () => import('./commands/list.ts')],
  ['ask', () => import('./commands/ask.ts')],
  ['post-daily', () => import('./commands/post-daily.ts')],
  ['report', () => import('./commands/report.ts')],
  ['chart', () => import('./commands/chart.ts')],
  ['db', () => import('./commands/db.ts')],
]);

export async function runCli(argv: string[]): Promise<number> {
  // Once for every command, as the bot does at start-up: `.env` values, unless the environment has them.
  const env = loadEnvFile();
  if (!env.ok) {
    process.stderr.write(`${env.message}\n`);
    return 1;
  }
  const [name, ...rest] = argv;
  const load = name ? commands.get(name) : undefined;
  if (!load) {
    const known = [...commands.keys()].sort().join(', ');
    process.stderr.write(
      `${name ? `Comando desconocido: ${name}\n` : ''}Uso: guia <comando> [opciones]\nComandos: ${known}\n`,
    );
    return name ? 2 : 0;
  }
  const command = (await load()).default;
  return command.run(rest, {
    stdout: process.stdout,
    stderr: process.stderr,
    stdin: process.stdin,
    env: process.env,
  });
}

// `guia list | head -3`: the reader has gone, so there is nobody left to tell; stop quietly.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
  process.stderr.write(`No pude escribir la salida: ${error.message}\n`);
  process.exit(1);
});

runCli(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(`Error inesperado: ${errorText(error)}\n`);
    process.exitCode = 1;
  },
);
