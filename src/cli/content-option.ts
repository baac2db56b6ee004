import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { findGuide } from '../content/guides.ts';
import { loadContent } from '../content/loader.ts';
import type { ContentLoad, Guide } from '../content/model.ts';
import type { CliIo } from './command.ts';

const CONTENT_DIR_ENV = 'GUIA_CONTENT_DIR';

/** The project's own content/ folder, found from this file so `guia` works from any working directory. */
const DEFAULT_CONTENT_DIR = fileURLToPath(new URL('../../content', import.meta.url));

/** What every `guia` command takes: `--content DIR` and `--help`. */
export const commonOptions = {
  content: { type: 'string' },
  help: { type: 'boolean', short: 'h' },
} as const;
export const jsonOption = { type: 'boolean', default: false } as const;
/** The options of the commands that answer from the guide (step, list, ask). */
export const guideCommandOptions = { ...commonOptions, guide: { type: 'string' }, json: jsonOption } as const;

export const CONTENT_USAGE = `  --content DIR   carpeta con una subcarpeta por guía (por omisión: $${CONTENT_DIR_ENV} o content/)`;

/** `--content DIR` wins, then $GUIA_CONTENT_DIR, then the project's content/. */
function resolveContentDir(flag: string | undefined, env: NodeJS.ProcessEnv): string {
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
 * The start of step, list and ask: the content (`--content`), a warning about its problems, and the guides
 * `--guide ID` selects (all of them without the flag). Undefined, after saying why on stderr, when there is
 * nothing to answer from or no guide has that id.
 */
export function loadGuidesFor(
  values: { content?: string | undefined; guide?: string | undefined },
  io: Pick<CliIo, 'env' | 'stderr'>,
): { guides: Guide[]; selected: Guide[]; dir: string } | undefined {
  const load = loadContentFor(values.content, io.env);
  if (!warnAboutProblems(load, io)) return undefined;
  const selected = selectGuides(load.guides, values.guide, io);
  return selected && { guides: load.guides, selected, dir: load.dir };
}

function selectGuides(
  guides: readonly Guide[],
  guideId: string | undefined,
  io: Pick<CliIo, 'stderr'>,
): Guide[] | undefined {
  if (guideId === undefined) return [...guides];
  const guide = findGuide(guides, guideId);
  if (guide) return [guide];
  io.stderr.write(
    `No existe la guía «${guideId}». Guías disponibles: ${guides.map((g) => g.id).join(', ')}\n`,
  );
  return undefined;
}
