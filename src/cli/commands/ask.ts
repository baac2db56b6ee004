import { createInterface } from 'node:readline';
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
  --json          imprime un objeto JSON por respuesta; sin pregunta, lee una pregunta por línea de stdin`;

/** The stable JSON shape of one answer, one line each (for evaluation runs over many questions). */
function answerJson(answer: Answer): object {
  return {
    intent: answer.intent,
    step: answer.step ? { guide: answer.step.guide, id: answer.step.id, title: answer.step.title } : null,
    alternatives: answer.alternatives.map((a) => ({
      guide: a.step.guide,
      id: a.step.id,
      score: Math.round(a.score * 1000) / 1000,
    })),
    confidence: Math.round(answer.confidence * 1000) / 1000,
    outcome: answer.outcome,
    text: answer.text,
  };
}

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
    const answerer = createAnswerer(loaded.guides);
    const opts = values.guide ? { guide: values.guide } : undefined;
    const print = (question: string): void => {
      const answer = answerer.answer(question, opts);
      io.stdout.write(
        values.json ? `${JSON.stringify(answerJson(answer))}\n` : `${mrkdwnToPlain(answer.text)}\n`,
      );
    };

    if (positionals.length > 0) {
      print(positionals.join(' '));
      return 0;
    }
    // No question with --json: one question per stdin line, answers in the same order.
    const lines = createInterface({ input: io.stdin, crlfDelay: Number.POSITIVE_INFINITY });
    // Every line gets one answer, a blank one the empty-question reply, so output line N answers input line N.
    for await (const line of lines) print(line);
    return 0;
  },
};

export default command;
