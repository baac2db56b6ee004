import { type ParseArgsConfig, parseArgs } from 'node:util';
import { errorText } from '../error-text.ts';
import type { CliIo } from './command.ts';

type ParsedArgs<T extends ParseArgsConfig> = ReturnType<typeof parseArgs<T>>;

/**
 * `node:util` parseArgs (strict) with its English errors turned into one Spanish sentence, so every `guia`
 * subcommand answers a bad flag the same way: `{ ok: false, message }`, never a throw.
 */
function parseCommandArgs<const T extends ParseArgsConfig>(
  config: T,
): { ok: true; parsed: ParsedArgs<T> } | { ok: false; message: string } {
  try {
    return { ok: true, parsed: parseArgs(config) };
  } catch (error) {
    return { ok: false, message: spanishArgsError(error) };
  }
}

function spanishArgsError(error: unknown): string {
  const code = (error as { code?: string }).code;
  const text = errorText(error);
  const quoted = /'([^']+)'/.exec(text)?.[1] ?? '';
  const option = quoted.split(' ')[0] ?? quoted;
  switch (code) {
    case 'ERR_PARSE_ARGS_UNKNOWN_OPTION':
      return `opción desconocida: ${option}`;
    case 'ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL':
      return `argumento inesperado: ${quoted}`;
    case 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE':
      return /argument missing/.test(text)
        ? `la opción ${option} necesita un valor`
        : `la opción ${option} no lleva valor`;
    default:
      return `argumentos no válidos: ${text}`;
  }
}

/**
 * The start of every subcommand: parses the arguments; on a bad flag prints the Spanish error and the usage
 * (exit 2), on `--help` prints the usage (exit 0). Returns the parsed arguments, or the exit code.
 */
export function parseCliArgs<const T extends ParseArgsConfig>(
  io: Pick<CliIo, 'stdout' | 'stderr'>,
  usage: string,
  config: T,
): ParsedArgs<T> | number {
  const result = parseCommandArgs(config);
  if (!result.ok) return usageError(io, usage, result.message);
  if ((result.parsed.values as { help?: boolean }).help) {
    io.stdout.write(`${usage}\n`);
    return 0;
  }
  return result.parsed;
}

/** Writes "Error: … / Uso: …" to stderr and returns exit code 2, the usual code for a usage error. */
export function usageError(io: Pick<CliIo, 'stderr'>, usage: string, message: string): number {
  io.stderr.write(`Error: ${message}\n${usage}\n`);
  return 2;
}

/** Pretty JSON with a final newline, for every `--json` output. */
export function writeJson(io: Pick<CliIo, 'stdout'>, value: unknown): void {
  io.stdout.write(`${JSON.stringify(value, null, 2)}\n`);
}
