import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import matter from 'gray-matter';
import { z } from 'zod';
import { sortSteps } from './guides.ts';
import { type ContentLoad, type Guide, guideMetaSchema, type Problem, type Step } from './model.ts';
import { parseStepFile } from './parse-step.ts';
import { yamlLine, yamlReason } from './yaml-error.ts';

/** The guide used when no guide.yml says `default: true`. */
const PREFERRED_DEFAULT_GUIDE = 'guia-2017';

/**
 * The only file-system code of the content layer: every sub-folder of `dir` is a guide (id = folder name)
 * with an optional guide.yml and step files anywhere below it. Never throws: every problem found, in any
 * file, is reported in Spanish, and the files without problems still load.
 */
export function loadContent(dir: string): ContentLoad {
  const problems: Problem[] = [];
  const skipped: string[] = [];
  if (!existsSync(dir) || !statSync(dir).isDirectory()) {
    return {
      guides: [],
      problems: [{ file: dir, field: 'carpeta', message: `no existe la carpeta de contenido «${dir}»` }],
      skipped,
    };
  }

  const folders = readdirSync(dir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && !entry.name.startsWith('.'))
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
      files = markdownFiles(guideDir);
    } catch (error) {
      problems.push({ file: id, field: 'carpeta', message: `no se puede leer la carpeta: ${String(error)}` });
      files = [];
    }
    for (const file of files) {
      const sourcePath = toPosix(relative(dir, file));
      let raw: string;
      try {
        raw = readFileSync(file, 'utf8');
      } catch (error) {
        problems.push({ file: sourcePath, field: 'archivo', message: `no se puede leer: ${String(error)}` });
        continue;
      }
      const result = parseStepFile(raw, { guide: id, sourcePath });
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

type GuideMeta = Omit<Guide, 'id' | 'steps'>;
const GUIDE_FIELDS = Object.keys(guideMetaSchema.shape).join(', ');

function readGuideMeta(guideDir: string, id: string, problems: Problem[]): GuideMeta {
  const fallback: GuideMeta = { title: id, isDefault: false };
  const file = join(guideDir, 'guide.yml');
  if (!existsSync(file)) return fallback;
  const where = `${id}/guide.yml`;
  let data: unknown;
  try {
    // gray-matter's YAML engine, fed the file as a front-matter block, saves a second YAML dependency.
    data = matter(`---\n${readFileSync(file, 'utf8')}\n---\n`, {}).data;
  } catch (error) {
    // The file is wrapped after a `---` line and its newline, so js-yaml's line n is the file's line n.
    const line = yamlLine(error);
    const at = line === undefined ? '' : ` (detectado en la línea ${Math.max(1, line)} del archivo)`;
    problems.push({
      file: where,
      field: 'guide.yml',
      message: `el YAML no se puede leer: ${yamlReason(error)}${at}`,
    });
    return fallback;
  }
  const parsed = guideMetaSchema.safeParse(datesAsIso(data ?? {}), { error: z.locales.es().localeError });
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

/** YAML reads `edition_date: 2017-01-01` as a Date; the guide keeps the date as written. */
function datesAsIso(data: unknown): unknown {
  if (typeof data !== 'object' || data === null) return data;
  return Object.fromEntries(
    Object.entries(data).map(([key, value]) => [
      key,
      value instanceof Date ? value.toISOString().slice(0, 10) : value,
    ]),
  );
}

function markdownFiles(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() && entry.name.endsWith('.md'))
    .map((entry) => join(entry.parentPath, entry.name))
    .sort();
}

function toPosix(path: string): string {
  return path.split(sep).join('/');
}
