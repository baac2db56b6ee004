/**
 * `npx tsx test/search/dev-score.ts [file.jsonl]`: scores the answering core on a set in the shared eval line
 * format ({kind, q, thread?, expect: {outcome, intent, step, steps, term, must_contain}}), per kind. Used on
 * the development set test/eval/dev-2026-12.jsonl, which steered the tuning (so it measures nothing held out).
 */
import { readFileSync } from 'node:fs';
import { loadAnswerContent } from '../../src/content/glossary.ts';
import { loadContent } from '../../src/content/loader.ts';
import { answerText } from '../../src/render/answer.ts';
import { mrkdwnToPlain } from '../../src/render/plain-text.ts';
import { createAnswerer } from '../../src/search/answerer.ts';

interface Line {
  kind: string;
  q: string;
  thread?: string;
  expect: {
    outcome?: string;
    intent?: string | null;
    step?: string;
    steps?: string[];
    term?: string;
    must_contain?: string[];
  };
}

const file = process.argv[2] ?? 'test/eval/dev-2026-12.jsonl';
const { guides } = loadContent('content');
const answerer = createAnswerer(guides, loadAnswerContent('content', guides));
const threads = new Map<string, unknown>();
const perKind = new Map<string, { right: number; total: number }>();
const misses: string[] = [];
const ref = (s: { guide: string; id: string }) => `${s.guide}:${s.id}`;

for (const raw of readFileSync(file, 'utf8')
  .split('\n')
  .filter((l) => l.trim())) {
  const line = JSON.parse(raw) as Line;
  const context = line.thread ? threads.get(line.thread) : undefined;
  const answer = answerer.answer(line.q, context === undefined ? {} : { context });
  if (line.thread && answer.context) threads.set(line.thread, answer.context);
  const text = mrkdwnToPlain(answerText(answer, guides));
  const e = line.expect;
  const wrong: string[] = [];
  if (e.outcome && answer.outcome !== e.outcome) wrong.push(`outcome ${answer.outcome}`);
  if (e.intent && answer.intent !== e.intent) wrong.push(`intent ${answer.intent}`);
  if (e.step && (!answer.step || ref(answer.step) !== e.step))
    wrong.push(`step ${answer.step ? ref(answer.step) : answer.steps.map(ref).join(',') || 'null'}`);
  if (e.steps && answer.steps.map(ref).sort().join(',') !== [...e.steps].sort().join(','))
    wrong.push(`steps ${answer.steps.map(ref).join(',')}`);
  if (e.term && answer.term?.term !== e.term) wrong.push(`term ${answer.term?.term}`);
  for (const s of e.must_contain ?? [])
    if (!text.toLowerCase().includes(s.toLowerCase())) wrong.push(`lacks «${s}»`);
  const k = perKind.get(line.kind) ?? { right: 0, total: 0 };
  k.total++;
  if (wrong.length === 0) k.right++;
  else misses.push(`✗ ${line.kind} «${line.q}»: ${wrong.join('; ')}`);
  perKind.set(line.kind, k);
}
process.stdout.write(`${misses.join('\n')}\n\n`);
let right = 0;
let total = 0;
for (const [kind, k] of perKind) {
  right += k.right;
  total += k.total;
  process.stdout.write(
    `${kind.padEnd(14)} ${String(k.right).padStart(3)}/${String(k.total).padEnd(3)} ${((100 * k.right) / k.total).toFixed(0)} %\n`,
  );
}
process.stdout.write(
  `${'total'.padEnd(14)} ${String(right).padStart(3)}/${String(total).padEnd(3)} ${((100 * right) / total).toFixed(1)} %\n`,
);
