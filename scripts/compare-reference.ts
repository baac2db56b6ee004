/**
 * Checks our rewritten content/ against the guide as published upstream (../shared/guia-referencia).
 * Developer tool only: a fresh clone has no reference folder, so tests never run this.
 *
 *   npx tsx scripts/compare-reference.ts [--reference DIR] [--content DIR]
 *
 * Both folders go through the same loader, so the check is "the bot reads the same facts from our
 * words as from the published page": title, number (and names) of roles, deadline days / day kind /
 * recurrence, number of activities. Each regulation our content lists for a step must be named in that
 * step's published body or in the edition's published introduction (accents, case and punctuation
 * ignored; "Decreto de Datos Abiertos" stands for the Decreto's full name). Also checks that the 2015
 * seed is byte for byte the published one and that our prev/next links chain. Exit 1 on any difference.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { readFrontMatter } from '../src/content/front-matter.ts';
import { loadContent } from '../src/content/loader.ts';
import type { Guide, Step } from '../src/content/model.ts';

/** Reference edition folder → our guide folder. */
const EDITIONS: Array<[reference: string, ours: string]> = [
  ['edicion-2015', 'guia-2015'],
  ['edicion-2017', 'guia-2017'],
];
const SEED = 'promueve/paso-4-1.md';
const INTRODUCTION = 'introduccion/introduccion.md';

/** Names the guide uses for the same regulation: the full title and its short form. */
const SAME_REGULATION: string[][] = [
  ['Decreto por el que se establece la regulación en materia de Datos Abiertos', 'Decreto de Datos Abiertos'],
  // Step 2.3 names the agreement by its short name, "esquema de interoperabilidad y de datos abiertos (EIDA)".
  [
    'Acuerdo por el que se establece el Esquema de Interoperabilidad y de Datos Abiertos de la Administración Pública Federal',
    'Esquema de Interoperabilidad y de Datos Abiertos',
  ],
];

const { values } = parseArgs({
  options: {
    reference: { type: 'string', default: '../shared/guia-referencia' },
    content: { type: 'string', default: 'content' },
  },
});
const referenceDir = values.reference;
const contentDir = values.content;

if (!existsSync(referenceDir)) {
  // A fresh clone has no reference folder: nothing to compare is not a failure.
  console.log(
    `No existe la carpeta de referencia «${referenceDir}» (use --reference DIR); no hay nada que comparar.`,
  );
  process.exit(0);
}

const reference = loadContent(referenceDir);
const ours = loadContent(contentDir);
const differences: string[] = [];

for (const problem of ours.problems) {
  differences.push(`${problem.file}: ${problem.field}: ${problem.message}`);
}

const deadlineKey = (step: Step): string =>
  [step.deadline.days ?? '-', step.deadline.dayKind ?? '-', step.deadline.recurrence ?? '-'].join('/');

const rows: string[][] = [
  [
    'guía',
    'paso',
    'título',
    'roles',
    'plazo (días/tipo/recurrencia)',
    'activ.',
    'normas (dónde las nombra la referencia)',
  ],
];

for (const [referenceId, ourId] of EDITIONS) {
  const published = reference.guides.find((guide) => guide.id === referenceId);
  const rewritten = ours.guides.find((guide) => guide.id === ourId);
  if (!published || !rewritten) {
    differences.push(`falta la guía ${published ? ourId : referenceId}`);
    continue;
  }
  compareGuide(published, rewritten, referenceId);
}

const seedReference = join(referenceDir, 'edicion-2015', SEED);
const seedOurs = join(contentDir, 'guia-2015', SEED);
if (!existsSync(seedOurs) || !readFileSync(seedReference).equals(readFileSync(seedOurs))) {
  differences.push(`${seedOurs} no es idéntico byte a byte a ${seedReference}`);
}

printTable(rows);
if (differences.length > 0) {
  console.log(`\n${differences.length} diferencia(s):`);
  for (const difference of differences) console.log(`- ${difference}`);
  process.exit(1);
}
console.log(
  '\nSin diferencias: títulos, roles, plazos, actividades y normatividad coinciden con la referencia.',
);

function compareGuide(published: Guide, rewritten: Guide, referenceId: string): void {
  const introductionFile = join(referenceDir, referenceId, INTRODUCTION);
  const introduction = existsSync(introductionFile) ? publishedText(introductionFile) : '';
  const ids = new Set([...published.steps, ...rewritten.steps].map((step) => step.id));
  for (const id of [...ids].sort()) {
    const a = published.steps.find((step) => step.id === id);
    const b = rewritten.steps.find((step) => step.id === id);
    if (!a || !b) {
      differences.push(`${rewritten.id} ${id}: el paso falta en ${a ? 'content' : 'la referencia'}`);
      continue;
    }
    const where = `${rewritten.id} ${id}`;
    if (a.title !== b.title) differences.push(`${where}: título «${b.title}» ≠ «${a.title}»`);
    if (a.involved.join('|') !== b.involved.join('|')) {
      differences.push(`${where}: roles ${JSON.stringify(b.involved)} ≠ ${JSON.stringify(a.involved)}`);
    }
    if (deadlineKey(a) !== deadlineKey(b)) {
      differences.push(`${where}: plazo ${deadlineKey(b)} ≠ ${deadlineKey(a)}`);
    }
    if (a.activities.length !== b.activities.length) {
      differences.push(`${where}: ${b.activities.length} actividades ≠ ${a.activities.length}`);
    }
    const body = publishedText(join(referenceDir, a.sourcePath));
    const found = b.regulations.map((regulation) => {
      if (namedIn(regulation, body)) return `${regulation} (paso)`;
      if (namedIn(regulation, introduction)) return `${regulation} (introducción)`;
      differences.push(
        `${where}: la normatividad «${regulation}» no aparece en el paso publicado (${a.sourcePath}) ni en la introducción de ${referenceId}`,
      );
      return `${regulation} (NO ENCONTRADA)`;
    });
    rows.push([
      rewritten.id,
      id,
      b.title,
      String(b.involved.length),
      `${b.deadline.text} (${deadlineKey(b)})`,
      String(b.activities.length),
      found.join('; '),
    ]);
  }
  compareChain(rewritten);
}

/** Each step's prev_link is the previous step's permalink, and its next_link the next one's. */
function compareChain(guide: Guide): void {
  guide.steps.forEach((step, index) => {
    const before = guide.steps[index - 1];
    const after = guide.steps[index + 1];
    if (before && step.prev !== before.permalink) {
      differences.push(`${guide.id} ${step.id}: prev_link ${step.prev} ≠ ${before.permalink}`);
    }
    if (after && step.next !== after.permalink) {
      differences.push(`${guide.id} ${step.id}: next_link ${step.next} ≠ ${after.permalink}`);
    }
  });
}

/** A published file's body as a reader sees it: no front matter, HTML comments or tags; normalised. */
function publishedText(file: string): string {
  const read = readFrontMatter(readFileSync(file, 'utf8'));
  const body = read.ok ? read.content : '';
  return normalise(body.replace(/<!--[\s\S]*?-->/g, ' ').replace(/<[^>]*>/g, ' '));
}

/**
 * Lower case, no accents, punctuation as spaces, and no parenthesised acronyms, so "Programa para un
 * Gobierno Cercano y Moderno (PGCM) 2013-2018" names "Programa para un Gobierno Cercano y Moderno 2013-2018".
 */
function normalise(text: string): string {
  return ` ${text
    .replace(/\s*\(\s*[A-ZÁÉÍÓÚÑ]{2,}\s*\)/g, ' ')
    .normalize('NFD')
    .replace(/\p{Mn}/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim()} `;
}

/**
 * Whether a normalised text names the regulation, under any of its names, as whole words. A qualifier in
 * parentheses in our name ("… 2013-2018 (Índice de Datos Abiertos)") is looked for on its own.
 */
function namedIn(regulation: string, text: string): boolean {
  const key = normalise(regulation);
  const names = SAME_REGULATION.find((group) => group.some((name) => normalise(name) === key)) ?? [
    regulation,
  ];
  return names.some((name) => {
    const qualifiers = [...name.matchAll(/\(([^)]*)\)/g)].map((m) => m[1] ?? '');
    const parts = [name.replace(/\([^)]*\)/g, ' '), ...qualifiers];
    return parts.every((part) => text.includes(normalise(part)));
  });
}

function printTable(table: string[][]): void {
  for (const row of table) console.log(`| ${row.join(' | ')} |`);
}
