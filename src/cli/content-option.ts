import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadContent } from '../content/loader.ts';
import type { ContentLoad, Guide } from '../content/model.ts';
import type { CliIo } from './command.ts';

export const CONTENT_DIR_ENV = 'GUIA_CONTENT_DIR';

/** The project's own content/ folder, found from this file so `guia` works from any working directory. */
export const DEFAULT_CONTENT_DIR = fileURLToPath(new URL('../../content', import.meta.url));

/**
 * The options every command that reads the guide shares; spread them into a parseArgs `options`:
 * `options: { ...commonOptions, ...guideOption, json: jsonOption }`.
 */
/** What every `guia` command takes: `--content DIR` and `--help`. */
export const commonOptions = {
  content: { type: 'string' },
  help: { type: 'boolean', short: 'h' },
} as const;
export const guideOption = { guide: { type: 'string' } } as const;
export const jsonOption = { type: 'boolean', default: false } as const;

export const CONTENT_USAGE = `  --content DIR   carpeta con una subcarpeta por guía (por omisión: $${CONTENT_DIR_ENV} o content/)`;

/** `--content DIR` wins, then $GUIA_CONTENT_DIR, then the project's content/. */
export function resolveContentDir(flag: string | undefined, env: NodeJS.ProcessEnv): string {
  const chosen = flag ?? env[CONTENT_DIR_ENV];
  return chosen ? resolve(chosen) : DEFAULT_CONTENT_DIR;
}

export function loadContentFor(
  flag: string | undefined,
  env: NodeJS.ProcessEnv,
): ContentLoad & { dir: string } {
  const dir = resolveContentDir(flag, env);
  return { dir, ...loadContent(dir) };
}

/**
 * For commands that answer from the content (step, list, ask…): a guide problem should not stop them, but
 * the user should know. Returns false (after saying why on stderr) when there is nothing to answer from.
 */
export function warnAboutProblems(load: ContentLoad, io: Pick<CliIo, 'stderr'>): boolean {
  if (load.guides.length === 0) {
    for (const p of load.problems) io.stderr.write(`${p.file} · ${p.field}: ${p.message}\n`);
    io.stderr.write('No hay ninguna guía que consultar.\n');
    return false;
  }
  if (load.problems.length > 0) {
    io.stderr.write(
      `Aviso: el contenido tiene ${load.problems.length} problema(s); ejecuta «guia validate» para verlos.\n`,
    );
  }
  return true;
}

/**
 * The guides a `--guide ID` flag selects: all of them without the flag, the named one with it, or
 * undefined (after a Spanish message listing the valid ids) when no guide has that id.
 */
export function selectGuides(
  guides: readonly Guide[],
  guideId: string | undefined,
  io: Pick<CliIo, 'stderr'>,
): Guide[] | undefined {
  if (guideId === undefined) return [...guides];
  const guide = guides.find((g) => g.id === guideId);
  if (guide) return [guide];
  io.stderr.write(
    `No existe la guía «${guideId}». Guías disponibles: ${guides.map((g) => g.id).join(', ')}\n`,
  );
  return undefined;
}
