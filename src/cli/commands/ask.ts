import { createInterface } from 'node:readline';
import { z } from 'zod';
import { loadAnswerContent } from '../../content/glossary.ts';
import { answerText } from '../../render/answer.ts';
import { mrkdwnToPlain } from '../../render/plain-text.ts';
import type { Answer } from '../../search/answerer.ts';
import { createAnswerer } from '../../search/answerer.ts';
import { parseCliArgs, usageError } from '../args.ts';
import type { CliCommand } from '../command.ts';
import { CONTENT_USAGE, guideCommandOptions, loadGuidesFor } from '../content-option.ts';

const USAGE = `Uso: guia ask "pregunta" [--guide ID] [--content DIR] [--json]
Responde una pregunta sobre la guía, como lo haría el bot.
  --guide ID      la guía preferida cuando la pregunta no nombra una edición (por omisión, la predeterminada)
${CONTENT_USAGE}
  --json          imprime un objeto JSON por respuesta; sin pregunta, lee una entrada por línea de stdin:
                  texto (una pregunta suelta) o {"q": "...", "thread": "ID"} (las líneas con el mismo
                  thread son una conversación, en orden, aunque se intercalen con otras)`;

const ref = (s: { guide: string; id: string }) => ({ guide: s.guide, id: s.id });

/** The stable JSON shape of one answer, one line each (the contract in the README). */
function answerJson(answer: Answer, text: string): object {
  return {
    outcome: answer.outcome,
    intent: answer.intent,
    step: answer.step ? { ...ref(answer.step), title: answer.step.title } : null,
    steps: answer.steps.map(ref),
    alternatives: answer.alternatives.map((a) => ({
      ...ref(a.step),
      score: Math.round(a.score * 1000) / 1000,
    })),
    term: answer.term?.term ?? null,
    confidence: Math.round(answer.confidence * 1000) / 1000,
    language: answer.language,
    follow_up: answer.followUp,
    text,
  };
}

const threadLine = z.object({ q: z.string(), thread: z.union([z.string(), z.number()]).optional() });

/** A stdin line: plain text, or {"q", "thread"} when it parses as one (anything else is a question). */
function readLine(line: string): { q: string; thread?: string } {
  if (!line.trimStart().startsWith('{')) return { q: line };
  try {
    const parsed = threadLine.safeParse(JSON.parse(line));
    if (parsed.success) {
      return parsed.data.thread === undefined
        ? { q: parsed.data.q }
        : { q: parsed.data.q, thread: String(parsed.data.thread) };
    }
  } catch {
    // Not JSON: a question that starts with «{».
  }
  return { q: line };
}

/** Conversations kept at once; the oldest is forgotten past this. */
const MAX_THREADS = 10_000;

const command: CliCommand = {
  description: 'responde una pregunta sobre la guía, p. ej. guia ask "¿quién participa en el 1.2?"',
  async run(args, io) {
    const parsed = parseCliArgs(io, USAGE, {
      args,
      allowPositionals: true,
      options: guideCommandOptions,
    });
    if (typeof parsed === 'number') return parsed;
    const { values, positionals } = parsed;
    if (positionals.length === 0 && !values.json) return usageError(io, USAGE, 'falta la pregunta');

    // --guide is a preference here, not a filter: the answerer still sees every edition.
    const loaded = loadGuidesFor(values, io);
    if (!loaded) return 1;
    const extras = loadAnswerContent(loaded.dir, loaded.guides);
    if (extras.problems.length > 0) {
      io.stderr.write(
        `Aviso: el glosario o el vocabulario tienen ${extras.problems.length} problema(s); ejecuta «guia validate» para verlos.\n`,
      );
    }
    const answerer = createAnswerer(loaded.guides, extras);
    const threads = new Map<string, unknown>();
    const print = (question: string, thread?: string): void => {
      const context = thread === undefined ? undefined : threads.get(thread);
      const answer = answerer.answer(question, {
        ...(values.guide ? { guide: values.guide } : {}),
        ...(context === undefined ? {} : { context }),
      });
      if (thread !== undefined && answer.context) {
        threads.delete(thread);
        if (threads.size >= MAX_THREADS) threads.delete(threads.keys().next().value as string);
        threads.set(thread, answer.context);
      }
      const text = mrkdwnToPlain(answerText(answer, loaded.guides));
      io.stdout.write(values.json ? `${JSON.stringify(answerJson(answer, text))}\n` : `${text}\n`);
    };

    if (positionals.length > 0) {
      print(positionals.join(' '));
      return 0;
    }
    // No question with --json: one entry per stdin line, answers in the same order.
    const lines = createInterface({ input: io.stdin, crlfDelay: Number.POSITIVE_INFINITY });
    // Every line gets one answer, a blank one the empty-question reply, so output line N answers input line N.
    for await (const line of lines) {
      const item = readLine(line);
      print(item.q, item.thread);
    }
    return 0;
  },
};

export default command;
