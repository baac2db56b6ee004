/**
 * The glossary (`content/glosario.yml`) and the editors' vocabulary files (`content/<guía>/vocabulario.yml`):
 * YAML only, read as data and never evaluated, checked with zod. Every problem is worded in Spanish with its
 * file and field, for `guia validate`; the entries without problems still load.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { parseYaml } from './front-matter.ts';
import { readCapped } from './loader.ts';
import type { Guide, Problem } from './model.ts';
import { yamlProblem } from './yaml-error.ts';

export const GLOSSARY_FILE = 'glosario.yml';
export const VOCABULARY_FILE = 'vocabulario.yml';

/** "guia-2017:2.3" */
const STEP_REF = /^([a-z0-9][\w-]*):(\d+\.\d+)$/i;

export interface StepRef {
  guide: string;
  id: string;
}

export interface GlossaryEntry {
  term: string;
  aliases: string[];
  /** Our own words, Spanish. */
  definition: string;
  /** The steps where the term is handled. */
  steps: StepRef[];
  sourceUrl?: string;
}

/** An editor's lever: these words or phrases in a question point to these steps, or to a glossary term. */
export interface VocabularyEntry {
  /** The guide whose vocabulario.yml holds it. */
  guide: string;
  phrases: string[];
  steps: StepRef[];
  term?: string;
}

const text = (what: string) =>
  z
    .string({ error: (issue) => (issue.input === undefined ? `falta ${what}` : `${what} debe ser texto`) })
    .trim()
    .min(1, `${what} está vacío`);

const glossaryEntrySchema = z
  .object({
    term: text('el término (term)'),
    aliases: z.array(text('un alias')).default([]),
    definition: text('la definición (definition)'),
    steps: z
      .array(z.string().regex(STEP_REF, 'cada paso se escribe «guía:paso», p. ej. «guia-2017:2.3»'))
      .default([]),
    source_url: z
      .string()
      .url('no es una dirección web completa, p. ej. https://datos.gob.mx/guia')
      .optional(),
  })
  .strict();

const vocabularyEntrySchema = z
  .object({
    words: z.array(text('una palabra o frase')).min(1, 'hace falta al menos una palabra o frase (words)'),
    steps: z
      .array(
        z.string().regex(/^(?:[a-z0-9][\w-]*:)?\d+\.\d+$/i, 'cada paso se escribe «2.3» o «guia-2017:2.3»'),
      )
      .default([]),
    term: text('el término (term)').optional(),
  })
  .strict()
  .refine((e) => e.steps.length > 0 || e.term !== undefined, {
    message: 'cada entrada necesita pasos (steps) o un término del glosario (term)',
  });

export interface AnswerContent {
  glossary: GlossaryEntry[];
  vocabulary: VocabularyEntry[];
  problems: Problem[];
}

/** Reads a YAML list; a problem (missing list, bad YAML, too big, unreadable) is reported and gives []. */
function readYamlList(file: string, where: string, problems: Problem[]): unknown[] {
  // Bigger files are not glossaries: refused under the step files' cap, not parsed as megabytes of YAML.
  const text = readCapped(file, where, problems);
  if (text === undefined) return [];
  // The content's one YAML reader (CORE schema): data, never code.
  const parsed = parseYaml(text);
  if (!parsed.ok) {
    problems.push({ file: where, field: 'archivo', message: yamlProblem(parsed.error) });
    return [];
  }
  const data = parsed.data;
  // An empty file reads as {}.
  if (data && typeof data === 'object' && !Array.isArray(data) && Object.keys(data).length === 0) return [];
  if (!Array.isArray(data)) {
    problems.push({
      file: where,
      field: 'archivo',
      message: 'el archivo debe ser una lista YAML: cada entrada empieza con «- »',
    });
    return [];
  }
  return data;
}

function issues(error: z.ZodError, where: string, index: number, problems: Problem[]): void {
  for (const issue of error.issues) {
    const keys = issue.code === 'unrecognized_keys' ? issue.keys : [];
    problems.push({
      file: where,
      field: [`entrada ${index + 1}`, ...issue.path.map(String), ...keys].join('.'),
      message: keys.length > 0 ? `campo desconocido: ${keys.map((k) => `«${k}»`).join(', ')}` : issue.message,
    });
  }
}

const stepExists = (guides: readonly Guide[], ref: StepRef) =>
  guides.some((g) => g.id === ref.guide && g.steps.some((s) => s.id === ref.id));

export function loadGlossary(dir: string, guides: readonly Guide[], problems: Problem[]): GlossaryEntry[] {
  const file = join(dir, GLOSSARY_FILE);
  if (!existsSync(file)) return [];
  const entries: GlossaryEntry[] = [];
  const seen = new Map<string, string>();
  readYamlList(file, GLOSSARY_FILE, problems).forEach((raw, index) => {
    const parsed = glossaryEntrySchema.safeParse(raw, { error: z.locales.es().localeError });
    if (!parsed.success) {
      issues(parsed.error, GLOSSARY_FILE, index, problems);
      return;
    }
    const e = parsed.data;
    const steps: StepRef[] = [];
    e.steps.forEach((ref, i) => {
      const [, guide = '', id = ''] = STEP_REF.exec(ref) ?? [];
      if (stepExists(guides, { guide, id })) steps.push({ guide, id });
      else
        problems.push({
          file: GLOSSARY_FILE,
          field: `entrada ${index + 1}.steps.${i}`,
          message: `no existe el paso «${ref}» en el contenido`,
        });
    });
    for (const name of [e.term, ...e.aliases]) {
      const key = name.toLowerCase();
      const first = seen.get(key);
      if (first !== undefined && first !== e.term) {
        problems.push({
          file: GLOSSARY_FILE,
          field: `entrada ${index + 1}.term`,
          message: `«${name}» ya es el término o un alias de «${first}»; cada nombre debe llevar a un solo término`,
        });
      } else seen.set(key, e.term);
    }
    entries.push({
      term: e.term,
      aliases: e.aliases,
      definition: e.definition,
      steps,
      ...(e.source_url ? { sourceUrl: e.source_url } : {}),
    });
  });
  return entries;
}

export function loadVocabulary(
  dir: string,
  guides: readonly Guide[],
  glossary: readonly GlossaryEntry[],
  problems: Problem[],
): VocabularyEntry[] {
  const out: VocabularyEntry[] = [];
  for (const guide of guides) {
    const file = join(dir, guide.id, VOCABULARY_FILE);
    if (!existsSync(file)) continue;
    const where = `${guide.id}/${VOCABULARY_FILE}`;
    readYamlList(file, where, problems).forEach((raw, index) => {
      const parsed = vocabularyEntrySchema.safeParse(raw, { error: z.locales.es().localeError });
      if (!parsed.success) {
        issues(parsed.error, where, index, problems);
        return;
      }
      const e = parsed.data;
      const steps: StepRef[] = [];
      e.steps.forEach((ref, i) => {
        const [g, id] = ref.includes(':') ? (ref.split(':') as [string, string]) : [guide.id, ref];
        if (stepExists(guides, { guide: g, id })) steps.push({ guide: g, id });
        else
          problems.push({
            file: where,
            field: `entrada ${index + 1}.steps.${i}`,
            message: `no existe el paso «${ref}»`,
          });
      });
      if (e.term !== undefined && !glossary.some((g) => g.term.toLowerCase() === e.term?.toLowerCase())) {
        problems.push({
          file: where,
          field: `entrada ${index + 1}.term`,
          message: `«${e.term}» no es un término de ${GLOSSARY_FILE}`,
        });
        if (steps.length === 0) return;
      }
      const known =
        e.term !== undefined && glossary.some((g) => g.term.toLowerCase() === e.term?.toLowerCase());
      out.push({ guide: guide.id, phrases: e.words, steps, ...(known && e.term ? { term: e.term } : {}) });
    });
  }
  return out;
}

/** The glossary and every guide's vocabulary, with their problems (the steps must be loaded first). */
export function loadAnswerContent(dir: string, guides: readonly Guide[]): AnswerContent {
  const problems: Problem[] = [];
  if (!existsSync(dir)) return { glossary: [], vocabulary: [], problems };
  const glossary = loadGlossary(dir, guides, problems);
  const vocabulary = loadVocabulary(dir, guides, glossary, problems);
  return { glossary, vocabulary, problems };
}
