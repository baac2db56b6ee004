import { answerBlocks, answerText, fallbackText } from '../render/answer.ts';
import { escapeMrkdwn } from '../render/escape.ts';
import { context, section } from '../render/limits.ts';
import { asksWhatIsNext } from '../search/answerer.ts';
import { CONTEXT_TTL_MS } from '../search/conversation.ts';
import type { Answer, BotDeps, Reply, Request } from './types.ts';

const UNANSWERED = new Set(['choose', 'no_match']);

/**
 * The conversation's last answer, or undefined (no thread key, no store, nothing saved, or the store
 * failed: a follow-up then reads as a new question, which is better than no answer).
 */
async function loadContext(request: Request, deps: BotDeps): Promise<unknown> {
  if (!deps.context || !request.threadKey) return undefined;
  try {
    return await deps.context.load(request.teamId, request.threadKey, deps.now?.() ?? new Date());
  } catch {
    return undefined;
  }
}

async function saveContext(request: Request, deps: BotDeps, value: unknown): Promise<void> {
  if (!deps.context || !request.threadKey || value === null || value === undefined) return;
  const now = deps.now?.() ?? new Date();
  try {
    await deps.context.save(
      request.teamId,
      request.threadKey,
      value,
      new Date(now.getTime() + CONTEXT_TTL_MS),
    );
  } catch {
    // Losing the context only costs the next follow-up its reference; the answer itself is out.
  }
}

/**
 * Answers a free-form question, as a follow-up of the thread's last answer when there is one; unanswered
 * ones are logged for the guide's editors.
 */
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
  const previous = await loadContext(request, deps);
  // "¿Qué sigue?" with no conversation to follow: the channel's next open step, when it tracks progress.
  const teamNext =
    previous === undefined && deps.nextOpenStep && asksWhatIsNext(question)
      ? await deps.nextOpenStep({ teamId: request.teamId, channelId: request.channelId })
      : undefined;
  const core = deps.answerer.answer(question, {
    ...(previous === undefined ? {} : { context: previous }),
    ...(teamNext ? { teamNext } : {}),
  });
  let answer: Answer = { ...core, text: answerText(core, deps.guides) };
  if (deps.decorateAnswer) {
    answer = await deps.decorateAnswer(answer, {
      teamId: request.teamId,
      channelId: request.channelId,
      userId: request.userId,
    });
  }
  if (!request.replay) await saveContext(request, deps, core.context);
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
  const reply: Reply = { text: fallbackText(answer), blocks: answerBlocks(answer), visibility };
  if (answer.outcome === 'answered' || answer.outcome === 'choose' || answer.outcome === 'list') {
    reply.feedback = {
      question,
      ...(answer.step ? { stepId: answer.step.id, guide: answer.step.guide } : {}),
      ...(answer.intent ? { intent: answer.intent } : {}),
    };
  }
  return reply;
}

/** What the user sees when something failed on our side. */
export function errorReply(visibility: Reply['visibility'] = 'ephemeral'): Reply {
  const text = 'Lo siento, algo falló al preparar la respuesta. Inténtalo de nuevo en un momento.';
  return { text, blocks: [section(escapeMrkdwn(text))], visibility };
}
