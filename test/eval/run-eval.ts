/**
 * `npm run eval [-- --content DIR]`: answers every labelled question of the main, the held-out and the fresh set and
 * prints, for each set separately (and for the off-topic questions), top-1, top-3, intent accuracy and every miss.
 */
import { loadContent } from '../../src/content/loader.ts';
import {
  evaluate,
  FRESH_FILE,
  HOLDOUT_FILE,
  OFFTOPIC_FILE,
  QUESTIONS_FILE,
  readQuestions,
} from './evaluate.ts';

const at = process.argv.indexOf('--content');
const dir = (at >= 0 ? process.argv[at + 1] : undefined) ?? process.env.GUIA_CONTENT_DIR ?? 'content';
const { guides, problems } = loadContent(dir);
if (problems.length > 0)
  process.stderr.write(`Aviso: ${problems.length} problemas en el contenido de ${dir}\n`);

const pct = (x: number): string => `${(x * 100).toFixed(1)} %`;
for (const [label, file] of [
  ['Conjunto principal (questions.jsonl)', QUESTIONS_FILE],
  ['Conjunto reservado (holdout.jsonl)', HOLDOUT_FILE],
  ['Conjunto fresco (fresh.jsonl)', FRESH_FILE],
  ['Preguntas fuera de tema (offtopic.jsonl)', OFFTOPIC_FILE],
] as const) {
  const report = evaluate(guides, readQuestions(file));
  process.stdout.write(`\n## ${label}\n`);
  for (const miss of report.misses) {
    const want = miss.kind === 'step' ? (miss.question.expect ?? miss.question.step) : miss.question.intent;
    process.stdout.write(
      `✗ ${miss.kind.padEnd(6)} «${miss.question.q}»\n    esperado ${want}, obtenido ${miss.got}\n`,
    );
  }
  process.stdout.write(
    `${report.total} preguntas · top-1 ${pct(report.top1)} · top-3 ${pct(report.top3)} · intención ${pct(report.intent)}\n`,
  );
}
