import { type Dirent, existsSync, readdirSync, readFileSync, realpathSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { z } from 'zod';
import { errorText } from '../error-text.ts';
import { parseYaml } from './front-matter.ts';
import { sortSteps } from './guides.ts';
import { type ContentLoad, type Guide, guideMetaSchema, type Problem, type Step } from './model.ts';
import { parseStepFile } from './parse-step.ts';
import { yamlProblem } from './yaml-error.ts';

/** The guide used when no guide.yml says `default: true`. */
const PREFERRED_DEFAULT_GUIDE = 'guia-2017';

/**
 * The only file-system code of the content layer: every sub-folder of `dir` is a guide (id = folder name)
 * with an optional guide.yml and step files anywhere below it. Never throws: every problem found, in any
 * file, is reported in Spanish, and the files without problems still load.
 */
export function loadContent(dir: string): ContentLoad {
  try {
    return loadContentUnguarded(dir);
  } catch (error) {
    // A bug of ours or a file system surprise: still a Spanish problem, never a crash of the caller.
    return {
      guides: [],
      problems: [
        { file: dir, field: 'carpeta', message: `no se pudo leer el contenido: ${errorText(error)}` },
      ],
      skipped: [],
    };
  }
}

/** Bigger than any real step file (the largest is a few KB): past this a file is refused, not cut. */
export const MAX_CONTENT_FILE_BYTES = 1024 * 1024;

function loadContentUnguarded(dir: string): ContentLoad {
  const problems: Problem[] = [];
  const skipped: string[] = [];
  if (!existsSync(dir) || !statSync(dir).isDirectory()) {
    return {
      guides: [],
      problems: [{ file: dir, field: 'carpeta', message: `no existe la carpeta de contenido «${dir}»` }],
      skipped,
    };
  }

  const walk: Walk = { root: realpathSync(dir), dir, problems, visited: new Set() };
  const folders = readdirSync(dir, { withFileTypes: true })
    .filter((entry) => !entry.name.startsWith('.') && resolveEntry(walk, entry)?.kind === 'dir')
    .map((entry) => entry.name)
    .sort();
  const guides: Guide[] = [];
  const defaultClaims: string[] = [];

  for (const id of folders) {
    const guideDir = join(dir, id);
    const meta = readGuideMeta(guideDir, id, problems);
    if (meta.isDefault) defaultClaims.push(id);

    const steps: Step[] = [];
    const seen = new Map<string, string>();
    let files: string[];
    try {
      files = markdownFiles(walk, guideDir).sort();
    } catch (error) {
      problems.push({
        file: id,
        field: 'carpeta',
        message: `no se puede leer la carpeta: ${errorText(error)}`,
      });
      files = [];
    }
    for (const file of files) {
      const sourcePath = toPosix(relative(dir, file));
      const raw = readCapped(file, sourcePath, problems);
      if (raw === undefined) continue;
      let result: ReturnType<typeof parseStepFile>;
      try {
        result = parseStepFile(raw, { guide: id, sourcePath });
      } catch (error) {
        problems.push({
          file: sourcePath,
          field: 'archivo',
          message: `error inesperado al leerlo: ${errorText(error)}`,
        });
        continue;
      }
      if (result.kind === 'skipped') skipped.push(sourcePath);
      else if (result.kind === 'invalid') problems.push(...result.problems);
      else {
        const first = seen.get(result.step.id);
        if (first) {
          problems.push({
            file: sourcePath,
            field: 'step_order',
            message: `el paso ${result.step.id} ya está en ${first}; se conserva ese y se ignora este`,
          });
          continue;
        }
        seen.set(result.step.id, sourcePath);
        steps.push(result.step);
      }
    }
    if (steps.length === 0) {
      problems.push({ file: id, field: 'pasos', message: `la guía «${id}» no tiene ningún paso válido` });
    }
    guides.push({ id, ...meta, steps: sortSteps(steps) });
  }

  if (guides.length === 0) {
    problems.push({
      file: dir,
      field: 'carpeta',
      message: `la carpeta «${dir}» no tiene ninguna guía (subcarpetas)`,
    });
  }
  chooseDefault(guides, defaultClaims, problems);
  return { guides, problems, skipped: skipped.sort() };
}

export type GuideMeta = Omit<Guide, 'id' | 'steps'>;
const GUIDE_FIELDS = Object.keys(guideMetaSchema.shape).join(', ');

function readGuideMeta(guideDir: string, id: string, problems: Problem[]): GuideMeta {
  const fallback: GuideMeta = { title: id, isDefault: false };
  const file = join(guideDir, 'guide.yml');
  if (!existsSync(file)) return fallback;
  const where = `${id}/guide.yml`;
  const text = readCapped(file, where, problems);
  if (text === undefined) return fallback;
  return parseGuideYml(text, id, problems);
}

/** Pure: the text of `<id>/guide.yml` → the guide's facts; every problem is pushed, the id is the fallback. */
export function parseGuideYml(text: string, id: string, problems: Problem[]): GuideMeta {
  const fallback: GuideMeta = { title: id, isDefault: false };
  const where = `${id}/guide.yml`;
  const yaml = parseYaml(text);
  if (!yaml.ok) {
    problems.push({ file: where, field: 'guide.yml', message: yamlProblem(yaml.error) });
    return fallback;
  }
  const data = yaml.data;
  const parsed = guideMetaSchema.safeParse(data, { error: z.locales.es().localeError });
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const keys = issue.code === 'unrecognized_keys' ? issue.keys : [];
      problems.push({
        file: where,
        field: issue.path.map(String).join('.') || keys.join(', ') || 'guide.yml',
        message:
          keys.length > 0
            ? `campo desconocido: ${keys.map((key) => `«${key}»`).join(', ')} (los campos válidos son ${GUIDE_FIELDS})`
            : issue.message,
      });
    }
    return fallback;
  }
  const meta = parsed.data;
  return {
    title: meta.title,
    isDefault: meta.default,
    ...(meta.edition_date ? { editionDate: meta.edition_date } : {}),
    ...(meta.source_url ? { sourceUrl: meta.source_url } : {}),
  };
}

/** Exactly one default: the one guide.yml that claims it, else guia-2017, else the newest id. */
function chooseDefault(guides: Guide[], claims: string[], problems: Problem[]): void {
  if (claims.length > 1) {
    problems.push({
      file: claims.map((id) => `${id}/guide.yml`).join(', '),
      field: 'default',
      message: `varias guías dicen ser la predeterminada (${claims.join(', ')}); se usa ${claims[0]}`,
    });
  }
  const chosen =
    guides.find((guide) => guide.id === claims[0]) ??
    guides.find((guide) => guide.id === PREFERRED_DEFAULT_GUIDE) ??
    [...guides].sort((a, b) => b.id.localeCompare(a.id, 'es', { numeric: true }))[0];
  for (const guide of guides) guide.isDefault = guide === chosen;
}

interface Walk {
  /** The content folder with every symlink resolved: links may point anywhere below it, nowhere else. */
  root: string;
  dir: string;
  problems: Problem[];
  /** Real paths of the folders already walked, so a link back up cannot loop. */
  visited: Set<string>;
}

/**
 * What an entry is once symlinks are followed: a file or folder (inside the content folder), or nothing
 * after reporting why (a broken link, a link that points outside, a device or pipe).
 */
function resolveEntry(walk: Walk, entry: Dirent): { kind: 'file' | 'dir'; real: string } | undefined {
  const path = join(entry.parentPath, entry.name);
  if (!entry.isSymbolicLink()) {
    if (entry.isDirectory()) return { kind: 'dir', real: path };
    if (entry.isFile()) return { kind: 'file', real: path };
    if (entry.name.endsWith('.md'))
      report(walk, path, 'no es un archivo normal (¿un dispositivo o una tubería?); no se lee');
    return undefined;
  }
  let real: string;
  try {
    real = realpathSync(path);
  } catch {
    report(walk, path, 'es un enlace simbólico roto (su destino no existe); no se lee');
    return undefined;
  }
  const inside = relative(walk.root, real);
  if (inside.startsWith('..') || inside === '' || /^[a-zA-Z]:/.test(inside) || inside.startsWith(sep)) {
    report(walk, path, 'es un enlace simbólico que apunta fuera de la carpeta de contenido; no se lee');
    return undefined;
  }
  const stat = statSync(real);
  if (stat.isDirectory()) return { kind: 'dir', real };
  if (stat.isFile()) return { kind: 'file', real };
  report(walk, path, 'es un enlace a algo que no es un archivo normal; no se lee');
  return undefined;
}

function report(walk: Walk, path: string, message: string): void {
  walk.problems.push({ file: toPosix(relative(walk.dir, path)), field: 'archivo', message });
}

/** Every `.md` file below `dir` (paths as seen from the content folder, links not replaced by targets). */
function markdownFiles(walk: Walk, dir: string): string[] {
  const real = realpathSync(dir);
  if (walk.visited.has(real)) return [];
  walk.visited.add(real);
  const files: string[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const resolved = resolveEntry(walk, entry);
    const path = join(dir, entry.name);
    if (resolved?.kind === 'dir') files.push(...markdownFiles(walk, path));
    else if (resolved?.kind === 'file' && entry.name.endsWith('.md')) files.push(path);
  }
  return files;
}

/**
 * The file's text, or undefined after reporting why not (too big, unreadable). Never a silent cut. Every
 * content file is read through it (steps, guide.yml, the glossary and vocabularies): one size cap.
 */
export function readCapped(file: string, where: string, problems: Problem[]): string | undefined {
  try {
    const size = statSync(file).size;
    if (size > MAX_CONTENT_FILE_BYTES) {
      problems.push({
        file: where,
        field: 'archivo',
        message: `mide ${(size / 1024 / 1024).toFixed(1)} MB y el máximo es ${MAX_CONTENT_FILE_BYTES / 1024 / 1024} MB; no se lee`,
      });
      return undefined;
    }
    return readFileSync(file, 'utf8');
  } catch (error) {
    problems.push({ file: where, field: 'archivo', message: `no se puede leer: ${errorText(error)}` });
    return undefined;
  }
}

function toPosix(path: string): string {
  return path.split(sep).join('/');
}
