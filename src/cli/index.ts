#!/usr/bin/env node
/**
 * The `guia` command line. Each subcommand lives in its own file under commands/ and only does I/O around
 * the pure layers; this file just dispatches.
 */
import type { CliCommand } from './command.ts';

const commands: Record<string, () => Promise<{ default: CliCommand }>> = {
  validate: () => import('./commands/validate.ts'),
  step: () => import('./commands/step.ts'),
  list: () => import('./commands/list.ts'),
  ask: () => import('./commands/ask.ts'),
  'post-daily': () => import('./commands/post-daily.ts'),
  report: () => import('./commands/report.ts'),
};

export async function runCli(argv: string[]): Promise<number> {
  const [name, ...rest] = argv;
  const load = name ? commands[name] : undefined;
  if (!load) {
    const known = Object.keys(commands).sort().join(', ');
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

runCli(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(`Error inesperado: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = 1;
  },
);
