import { answerBlocks, answerText } from '../render/answer.ts';
import { escapeMrkdwn } from '../render/escape.ts';
import { context, section } from '../render/limits.ts';
import type { BotDeps, Reply, Request } from './types.ts';

const UNANSWERED = new Set(['choose', 'no_match']);

/** Answers a free-form question; unanswered ones are logged for the guide's editors. */
export async function answerQuestion(
  request: Request,
  deps: BotDeps,
  visibility: Reply['visibility'],
): Promise<Reply> {
  const question = request.text.trim();
  if (!question) {
    return {
      text: '¿En qué te ayudo? Pregúntame sobre la guía de datos abiertos.',
      blocks: [
        section('¿En qué te ayudo? Pregúntame sobre la guía, p. ej. _¿quién participa en el paso 2.1?_'),
        context('Escribe `/guia ayuda` para ver todo lo que sé hacer.'),
      ],
      visibility,
    };
  }
  let answer = deps.answerer.answer(question);
  if (deps.decorateAnswer) {
    answer = await deps.decorateAnswer(answer, {
      teamId: request.teamId,
      channelId: request.channelId,
      userId: request.userId,
    });
  }
  if (UNANSWERED.has(answer.outcome) && !request.replay) {
    await deps.questions?.recordUnanswered({
      teamId: request.teamId,
      userId: request.userId,
      channelId: request.channelId,
      source: request.source,
      question,
      outcome: answer.outcome,
      confidence: answer.confidence,
    });
  }
  const reply: Reply = { text: answerText(answer), blocks: answerBlocks(answer), visibility };
  if (answer.outcome === 'answered' || answer.outcome === 'choose') {
    reply.feedback = {
      question,
      ...(answer.step ? { stepId: answer.step.id, guide: answer.step.guide } : {}),
      intent: answer.intent,
    };
  }
  return reply;
}

/** What the user sees when something failed on our side. */
export function errorReply(visibility: Reply['visibility'] = 'ephemeral'): Reply {
  const text = 'Lo siento, algo falló al preparar la respuesta. Inténtalo de nuevo en un momento.';
  return { text, blocks: [section(escapeMrkdwn(text))], visibility };
}
