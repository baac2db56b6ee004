import { z } from 'zod';
import { fold, parseDeadline } from './deadline.ts';
import { readFrontMatter } from './front-matter.ts';
import { elements, htmlListItems, listItems, splitList, stripComments, toPlainText } from './lists.ts';
import { PHASES, type Phase, type Problem, type Step, stepSchema } from './model.ts';
import { detectRegulations } from './regulations.ts';
import { yamlProblem } from './yaml-error.ts';

export interface StepContext {
  /** Guide id (its folder name). */
  guide: string;
  /** Path relative to the content folder, with `/` separators, e.g. "guia-2017/planea/paso-1-2.md". */
  sourcePath: string;
}

/**
 * A parsed file is a step, a file that is not a step (no `step_order`: an introduction, a template), or
 * an invalid step with every problem found in it. Problems are never mixed with a step: a step with a
 * problem is not loaded, so the bot never answers from half-read facts.
 */
export type StepParse =
  | { kind: 'step'; step: Step }
  | { kind: 'skipped' }
  | { kind: 'invalid'; problems: Problem[] };

/** The facts of a step, whichever of the three body formats they came from. */
interface Facts {
  involved?: { label: string; items: string[] };
  deadline?: { label: string; text: string };
  regulations?: string[];
  activities: string[];
  /** Body text that is not one of the facts, as Markdown/HTML still. */
  rest: string[];
}

const STEP_ID = /^\d+\.\d+$/;

/** Pure: one Markdown file of the guide (seed headed sections, HTML table or pipe table) → Step. */
export function parseStepFile(text: string, ctx: StepContext): StepParse {
  // A file read as UTF-8 cannot hold half a character; a string handed in directly might (→ U+FFFD).
  const raw = text.toWellFormed();
  const problem = (field: string, message: string): Problem => ({ file: ctx.sourcePath, field, message });

  const file = readFrontMatter(raw);
  if (!file.ok) {
    const message =
      file.problem === 'language'
        ? `el encabezado está escrito en «${file.language}»; solo se acepta YAML (una primera línea «---» sola), y nunca se ejecuta`
        : yamlProblem(file.error, 'el encabezado YAML');
    return { kind: 'invalid', problems: [problem('front matter', message)] };
  }
  const data: Record<string, unknown> = isRecord(file.data) ? file.data : {};
  const body = stripComments(file.content);
  const facts = readFacts(body);

  const stepOrder = readStepOrder(file.matter, data);
  if (stepOrder === undefined) {
    const looksLikeStep =
      data.step !== undefined ||
      /^paso-\d/.test(basename(ctx.sourcePath)) ||
      facts.involved !== undefined ||
      facts.deadline !== undefined;
    if (!looksLikeStep) return { kind: 'skipped' };
  }

  const problems: Problem[] = [];
  if (stepOrder === undefined || stepOrder === '') {
    problems.push(problem('step_order', 'falta el número de paso (por ejemplo step_order: 1.2)'));
  } else if (!STEP_ID.test(stepOrder)) {
    problems.push(
      problem('step_order', `el número de paso «${stepOrder}» no tiene la forma N.N (por ejemplo 1.2)`),
    );
  }

  // YAML reads a title such as `2017` as a number; it is still the title as written.
  const title =
    typeof data.title === 'string' || typeof data.title === 'number' ? String(data.title).trim() : '';
  if (!title) problems.push(problem('title', 'falta el título del paso (title)'));

  const phase = readPhase(data.section_title, ctx.sourcePath);
  if (!phase) {
    const given = typeof data.section_title === 'string' ? `«${data.section_title}» ` : '';
    problems.push(
      problem(
        'section_title',
        `la fase ${given}no es una de ${PHASES.join(', ')} (ni lo es la carpeta del archivo)`,
      ),
    );
  }

  const permalink = typeof data.permalink === 'string' ? data.permalink.trim() : '';
  if (!permalink.startsWith('/')) {
    problems.push(
      problem(
        'permalink',
        permalink ? `el permalink «${permalink}» debe empezar con /` : 'falta el permalink',
      ),
    );
  }

  if (!facts.involved) {
    problems.push(problem('Involucrados', 'falta la sección «Involucrados» (quiénes participan en el paso)'));
  } else if (facts.involved.items.length === 0) {
    problems.push(problem(facts.involved.label, `la sección «${facts.involved.label}» está vacía`));
  }
  if (!facts.deadline) {
    problems.push(
      problem(
        'Tiempo máximo para el cumplimiento',
        'falta la sección del plazo («Tiempo máximo para el cumplimiento»)',
      ),
    );
  } else if (!facts.deadline.text) {
    problems.push(problem(facts.deadline.label, `la sección «${facts.deadline.label}» está vacía`));
  }
  if (problems.length > 0) return { kind: 'invalid', problems };

  const summary = toPlainText(facts.rest.join('\n\n'));
  const candidate = {
    guide: ctx.guide,
    id: stepOrder,
    phase,
    title,
    involved: facts.involved?.items,
    deadline: parseDeadline(facts.deadline?.text ?? ''),
    regulations: facts.regulations ?? detectRegulations(summary),
    activities: facts.activities,
    summary,
    permalink,
    prev: optionalString(data.prev_link),
    next: optionalString(data.next_link),
    sourcePath: ctx.sourcePath,
  };
  const parsed = stepSchema.safeParse(candidate, { error: z.locales.es().localeError });
  if (!parsed.success) {
    return {
      kind: 'invalid',
      problems: parsed.error.issues.map((issue) => problem(fieldName(issue.path), issue.message)),
    };
  }
  return { kind: 'step', step: parsed.data };
}

/** Maps a Step field back to the name the editor sees in the file. */
const FIELD_NAMES: ReadonlyMap<string, string> = new Map(
  Object.entries({
    id: 'step_order',
    phase: 'section_title',
    involved: 'Involucrados',
    deadline: 'Tiempo máximo para el cumplimiento',
    regulations: 'Normatividad',
    activities: 'Actividades',
    prev: 'prev_link',
    next: 'next_link',
  }),
);

function fieldName(path: PropertyKey[]): string {
  return FIELD_NAMES.get(String(path[0] ?? '')) ?? path.map(String).join('.');
}

/**
 * The step number as written: YAML would read `step_order: 1.10` as the number 1.1, so the literal text
 * of the front matter wins over the parsed value.
 */
function readStepOrder(frontMatter: string, data: Record<string, unknown>): string | undefined {
  if (!Object.hasOwn(data, 'step_order')) return undefined;
  const literal = /^step_order:[ \t]*(.*)$/m.exec(frontMatter)?.[1];
  if (literal !== undefined) {
    return (
      literal
        // One blank before `#`, not `\s+`: a long run of spaces would be rescanned from each of them.
        .replace(/[ \t]#.*$/, '')
        .trim()
        .replace(/^(['"])(.*)\1$/, '$2')
        .trim()
    );
  }
  const value = data.step_order;
  return value === null || value === undefined ? '' : String(value).trim();
}

function readPhase(sectionTitle: unknown, sourcePath: string): Phase | undefined {
  const byName = (name: string) => PHASES.find((phase) => fold(phase) === fold(name.trim()));
  if (typeof sectionTitle === 'string') {
    const phase = byName(sectionTitle);
    if (phase) return phase;
  }
  // guia-2017/planea/paso-1-1.md → "planea"
  const folder = sourcePath.split('/').at(-2);
  return folder ? byName(folder) : undefined;
}

function readFacts(body: string): Facts {
  return readHtmlTable(body) ?? readPipeTable(body) ?? readHeadedSections(body);
}

type FactKey = 'involved' | 'deadline' | 'regulations' | 'activities';

/** Which fact a table row label or section heading holds, read loosely (accents, case, colon). */
function factKey(label: string): FactKey | undefined {
  // Cheap first look (a superset of the words below, accents aside): most table cells are no label.
  if (!FACT_WORDS.test(label.slice(0, LABEL_MAX))) return undefined;
  // Only the label's opening words matter; trailing `:`/`.` are dropped without a `[:.]+$` rescan.
  const f = trimEndOf(fold(toPlainText(label.slice(0, LABEL_MAX))), ':.');
  if (f.startsWith('involucrados') || f.startsWith('areas involucradas')) return 'involved';
  if (f.startsWith('tiempo')) return 'deadline';
  if (f.startsWith('normatividad')) return 'regulations';
  if (f.startsWith('actividades') || f.startsWith('resumen de acciones')) return 'activities';
  return undefined;
}

const FACT_WORDS = /involucr|rea|tiempo|normativ|actividad|resumen/i;

/** Longer than any fact label; a huge first cell or heading is not worth reading past this. */
const LABEL_MAX = 200;

function trimEndOf(text: string, chars: string): string {
  let end = text.length;
  while (end > 0 && chars.includes(text.charAt(end - 1))) end--;
  return text.slice(0, end);
}

/** Items of a fact cell or section: its list if it has one, else its text split on semicolons. */
function itemsOf(text: string): string[] {
  const items = listItems(text);
  return items.length > 0 ? items : splitList(text);
}

/** `rest` is computed only for the table that holds the facts, so many small tables stay linear. */
function factsFromRows(rows: Array<[string, string]>, rest: () => string): Facts | undefined {
  const facts: Facts = { activities: [], rest: [] };
  let found = false;
  for (const [label, value] of rows) {
    const key = factKey(label);
    const name = toPlainText(label);
    if (key === 'involved') facts.involved = { label: name, items: itemsOf(value) };
    else if (key === 'deadline') facts.deadline = { label: name, text: toPlainText(value) };
    else if (key === 'regulations') facts.regulations = itemsOf(value);
    else if (key === 'activities') facts.activities = itemsOf(value);
    found ||= key === 'involved' || key === 'deadline';
  }
  if (!found) return undefined;
  facts.rest.push(rest());
  return facts;
}

/** The 2017 edition's facts table: `<tr><td>Tiempo para el cumplimiento</td><td>…</td></tr>…`. */
function readHtmlTable(body: string): Facts | undefined {
  for (const table of elements(body, 'table')) {
    const rows: Array<[string, string]> = [];
    for (const row of elements(table.inner, 'tr')) {
      const cells = elements(row.inner, 'td|th');
      if (cells.length >= 2) rows.push([cells[0]?.inner ?? '', cells[1]?.inner ?? '']);
    }
    const facts = factsFromRows(
      rows,
      () => body.slice(0, table.index) + body.slice(table.index + table.whole.length),
    );
    if (facts) return facts;
  }
  return undefined;
}

/** The Markdown pipe-table variant (2017 step 1.3): `| Tiempo para el cumplimiento | … |`. */
function readPipeTable(body: string): Facts | undefined {
  const lines = body.split('\n');
  let start = 0;
  while (start < lines.length) {
    if (!lines[start]?.trimStart().startsWith('|')) {
      start++;
      continue;
    }
    let end = start;
    while (end < lines.length && lines[end]?.trimStart().startsWith('|')) end++;
    const rows: Array<[string, string]> = [];
    for (const line of lines.slice(start, end)) {
      const cells = line.trim().replace(/^\|/, '').replace(/\|$/, '').split('|');
      if (cells.length >= 2 && !/^\s*:?-{3,}/.test(cells[0] ?? '')) {
        rows.push([cells[0] ?? '', cells.slice(1).join('|')]);
      }
    }
    const facts = factsFromRows(rows, () => [...lines.slice(0, start), ...lines.slice(end)].join('\n'));
    if (facts) return facts;
    start = end;
  }
  return undefined;
}

/** The seed's format: `#### Involucrados`, `#### Tiempo máximo…`, `#### Normatividad…`, `##### Actividades…`. */
function readHeadedSections(body: string): Facts {
  const facts: Facts = { activities: [], rest: [] };
  const parts = body.split(/^(#{2,6}[ \t]+.*)$/m);
  facts.rest.push(parts[0] ?? '');
  for (let i = 1; i < parts.length; i += 2) {
    const heading = (parts[i] ?? '').replace(/^#+\s*/, '').trim();
    const content = parts[i + 1] ?? '';
    const key = factKey(heading);
    if (key === 'involved') {
      const { block, after } = firstBlock(content);
      facts.involved = { label: heading.replace(/:$/, ''), items: itemsOf(block) };
      facts.rest.push(after);
    } else if (key === 'deadline') {
      facts.deadline = { label: heading.replace(/:$/, ''), text: toPlainText(firstBlock(content).block) };
    } else if (key === 'regulations') {
      // Only the first paragraph (or list) names regulations; what follows explains them: summary.
      const { block, after } = firstBlock(content);
      facts.regulations = itemsOf(block);
      facts.rest.push(after);
    } else if (key === 'activities') {
      const { items, after } = activitiesOf(content);
      facts.activities = items;
      facts.rest.push(after);
    } else {
      facts.rest.push(`${heading}\n\n${content}`);
    }
  }
  return facts;
}

/** The first paragraph, or the first list (HTML or Markdown), of a section, and the text after it. */
function firstBlock(content: string): { block: string; after: string } {
  const text = content.trimStart();
  const html = /^<(?:ul|ol)\b/i.test(text) ? firstList(text) : undefined;
  if (html?.index === 0) return { block: html.whole, after: text.slice(html.whole.length) };
  // Walks the blank-line breaks one by one instead of splitting the whole (maybe huge) rest into paragraphs.
  const breaks = /\n[ \t]*\n/g;
  const first = breaks.exec(text);
  if (!first) return { block: text, after: '' };
  let end = first.index;
  // A "loose" Markdown list has blank lines between its items: it is still one block.
  if (LIST_ITEM.test(text.slice(0, end))) {
    for (;;) {
      const start = breaks.lastIndex;
      const next = breaks.exec(text);
      const paragraphEnd = next ? next.index : text.length;
      if (!LIST_ITEM.test(text.slice(start, paragraphEnd))) break;
      end = paragraphEnd;
      if (!next) break;
    }
  }
  return { block: text.slice(0, end), after: text.slice(end) };
}

const LIST_ITEM = /^\s*(?:[-*+]|\d+\.)\s+/;

function activitiesOf(content: string): { items: string[]; after: string } {
  const html = firstList(content);
  if (html) {
    const after = content.slice(0, html.index) + content.slice(html.index + html.whole.length);
    return { items: htmlListItems(html.whole), after };
  }
  const { block, after } = firstBlock(content);
  return { items: itemsOf(block), after };
}

/** The first `<ul>…</ul>` or `<ol>…</ol>`, whichever starts first (each closed by its own tag). */
function firstList(text: string): { whole: string; index: number } | undefined {
  const candidates = [elements(text, 'ul')[0], elements(text, 'ol')[0]].filter((e) => e !== undefined);
  return candidates.sort((a, b) => a.index - b.index)[0];
}

function optionalString(value: unknown): string | undefined {
  return typeof value === 'string' && value.trim() ? value.trim() : undefined;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function basename(path: string): string {
  return path.split('/').at(-1) ?? path;
}
