/**
 * npm run bench:parse — parse time of hostile step files (the shapes that made the old parser quadratic)
 * at 1 MB and 5 MB, each beside a plain well-formed step of the same size parsed in the same run, with the
 * ratio hostile / plain. A linear parser keeps the ratio roughly constant from 1 MB to 5 MB; a quadratic
 * one multiplies it by about five. parseStepFile is called directly: the loader refuses files over 1 MB
 * (MAX_CONTENT_FILE_BYTES) before they are read, so these sizes only reach the parser here.
 */
import { performance } from 'node:perf_hooks';
import { MAX_CONTENT_FILE_BYTES } from '../src/content/loader.ts';
import { parseStepFile } from '../src/content/parse-step.ts';

const MB = 1024 * 1024;
const SIZES = (process.env.BENCH_SIZES ?? '1,5').split(',').map((mb) => Number(mb) * MB);
const HEAD =
  '---\ntitle: Paso de prueba\nstep_order: 1.1\nsection_title: Planea\npermalink: /guia/planea/paso-1-1.html\n---\n';
const FACTS =
  '\n#### Involucrados\n\nEnlace de Datos Abiertos.\n\n#### Tiempo máximo para el cumplimiento\n\n30 días\n\n';

const fill = (unit: string, size: number) => unit.repeat(Math.ceil(size / unit.length)).slice(0, size);

/** Each hostile body, and the plain body of the same size it is compared with. */
const SHAPES: Array<[name: string, body: (size: number) => string]> = [
  ['unclosed <table', (n) => `${HEAD}${FACTS}${fill('<table ', n)}`],
  ['alternating pipe-table lines', (n) => `${HEAD}${FACTS}${fill('| a | b |\ntexto\n', n)}`],
  ['unclosed <ul after Actividades', (n) => `${HEAD}${FACTS}##### Actividades\n\n${fill('<ul ', n)}`],
  ['unclosed <li', (n) => `${HEAD}${FACTS}##### Actividades\n\n<ul>${fill('<li ', n)}</ul>`],
  ['blank lines', (n) => `${HEAD}${FACTS}${fill('\n', n)}`],
  ['blank lines in the front matter', (n) => `---\ntitle: x${fill('\n', n)}\n---\n${FACTS}`],
  [
    'a run of commas in a list item',
    (n) => `${HEAD}${FACTS.replace('Enlace de Datos Abiertos.', `A${fill(', ', n)}x`)}`,
  ],
];

/** A well-formed step: the facts, then paragraphs, a list and a table, repeated to `size`. */
const plain = (size: number) =>
  `${HEAD}${FACTS}${fill(
    'Las instituciones publican sus datos en datos.gob.mx con la periodicidad acordada.\n\n' +
      '- Revisar el inventario de datos de la institución.\n- Priorizar los conjuntos con mayor demanda.\n\n' +
      '<table><tr><td>Responsable</td><td>Enlace de Datos Abiertos</td></tr></table>\n\n',
    size,
  )}`;

/** Median of a few runs (one warm-up first), in milliseconds. */
function time(raw: string, runs = 3): number {
  const parse = () => parseStepFile(raw, { guide: 'g', sourcePath: 'g/planea/paso-1-1.md' });
  parse();
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const started = performance.now();
    parse();
    times.push(performance.now() - started);
  }
  return times.sort((a, b) => a - b)[Math.floor(runs / 2)] ?? Number.NaN;
}

function main(): void {
  console.log(
    `parseStepFile, median of 3 runs (the loader refuses files over ${MAX_CONTENT_FILE_BYTES / MB} MB)`,
  );
  for (const size of SIZES) {
    const base = time(plain(size));
    console.log(`\n${size / MB} MB — plain well-formed step: ${base.toFixed(0)} ms`);
    console.log(`${'shape'.padEnd(34)}${'ms'.padStart(8)}${'× plain'.padStart(10)}`);
    for (const [name, body] of SHAPES) {
      const ms = time(body(size));
      console.log(`${name.padEnd(34)}${ms.toFixed(0).padStart(8)}${(ms / base).toFixed(1).padStart(10)}`);
    }
  }
}

main();
