/**
 * `npm run eval [-- --content DIR] [--blind-only] [--set NAME] [--misses] [--threads-as-text]`: answers every labelled question of the main, the
 * held-out and the fresh set and prints, for each set separately (and for the off-topic questions), top-1,
 * top-3, intent accuracy and every miss. Then it runs the blind set through `guia ask --json` (the command-line
 * contract of issue 8, conversations included) and prints each blind set's per-kind table (BLIND_SETS; --set
 * NAME for one). Misses only with --misses, and never for a held-out set: reading its misses would turn it
 * into a tuning set. --threads-as-text sends the
 * conversation turns as plain lines (no thread object), for a CLI that does not read the object yet.
 */
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { loadContent } from '../../src/content/loader.ts';
import {
  type AskOutput,
  askLine,
  BLIND_SETS,
  blindTable,
  evaluate,
  FRESH_FILE,
  formatBlindTable,
  HOLDOUT_FILE,
  judgeBlind,
  OFFTOPIC_FILE,
  QUESTIONS_FILE,
  readBlind,
  readQuestions,
} from './evaluate.ts';

const at = process.argv.indexOf('--content');
const dir = (at >= 0 ? process.argv[at + 1] : undefined) ?? process.env.GUIA_CONTENT_DIR ?? 'content';
const { guides, problems } = loadContent(dir);
if (problems.length > 0)
  process.stderr.write(`Aviso: ${problems.length} problemas en el contenido de ${dir}\n`);

const pct = (x: number): string => `${(x * 100).toFixed(1)} %`;
const blindOnly = process.argv.includes('--blind-only');
for (const [label, file] of blindOnly
  ? []
  : ([
      ['Conjunto principal (questions.jsonl)', QUESTIONS_FILE],
      ['Conjunto reservado (holdout.jsonl)', HOLDOUT_FILE],
      ['Conjunto fresco (fresh.jsonl)', FRESH_FILE],
      ['Preguntas fuera de tema (offtopic.jsonl)', OFFTOPIC_FILE],
    ] as const)) {
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

const GUIA_BIN = fileURLToPath(new URL('../../bin/guia.mjs', import.meta.url));

/**
 * Feeds every line to one `guia ask --json` process and reads one JSON object per output line. Tolerant by
 * design: an unreadable line or a missing answer becomes null, which every check then counts as wrong.
 */
function askAll(lines: string[], timeoutMs = 300_000): Promise<AskOutput[]> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [GUIA_BIN, 'ask', '--json', '--content', dir], {
      stdio: ['pipe', 'pipe', 'inherit'],
    });
    let out = '';
    const timer = setTimeout(() => child.kill(), timeoutMs);
    child.stdout.setEncoding('utf8');
    child.stdout.on('data', (chunk: string) => {
      out += chunk;
    });
    child.on('error', reject);
    child.on('close', () => {
      clearTimeout(timer);
      const parsed = out
        .split('\n')
        .filter((l) => l.trim())
        .map((l): AskOutput => {
          try {
            const value: unknown = JSON.parse(l);
            return value && typeof value === 'object' ? (value as Record<string, unknown>) : null;
          } catch {
            return null;
          }
        });
      resolve(lines.map((_, i) => parsed[i] ?? null));
    });
    child.stdin.end(`${lines.join('\n')}\n`);
  });
}

const only = process.argv.indexOf('--set');
const wanted = only >= 0 ? process.argv[only + 1] : undefined;
for (const set of BLIND_SETS) {
  if (wanted && set.name !== wanted) continue;
  if (!existsSync(set.file)) continue;
  const blind = readBlind(set.file);
  const verdicts = judgeBlind(
    blind,
    await askAll(blind.map((item) => askLine(item, process.argv.includes('--threads-as-text')))),
  );
  const status = set.status === 'held_out' ? 'reservado: sus fallos no se muestran' : 'ya orientó ajustes';
  process.stdout.write(
    `\n## Conjunto ciego ${set.name} (${blind.length} turnos, escrito ${set.written}, ${status}), vía guia ask --json\n\n`,
  );
  if (process.argv.includes('--misses') && set.status !== 'held_out')
    for (const v of verdicts.filter((x) => !x.right)) {
      const failed = Object.entries(v.checks)
        .filter(([, ok]) => !ok)
        .map(([name]) => name)
        .join(',');
      process.stdout.write(
        `✗ ${v.item.kind} [${failed}] «${v.item.q}»${v.item.thread ? ` (${v.item.thread})` : ''}\n` +
          `    esperado ${JSON.stringify(v.item.expect)}\n    obtenido ${v.got}\n`,
      );
    }
  process.stdout.write(`${formatBlindTable(blindTable(verdicts))}\n`);
}
