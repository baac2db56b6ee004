import type { App } from '@slack/bolt';
import type { Logger } from 'pino';
import { answerQuestion, errorReply } from '../bot/answer-question.ts';
import { withActions } from '../bot/share.ts';
import type { Request } from '../bot/types.ts';
import type { SlackDeps } from './deps.ts';
import { type PostTarget, postReply } from './post.ts';

/**
 * What a mention and a DM share: answer the question (a failure becomes a polite error reply, never a
 * silent drop) and post it where it was asked, with the 👍/👎 buttons.
 */
export async function answerAndPost(
  deps: SlackDeps,
  client: App['client'],
  log: Logger,
  request: Request,
  target: PostTarget,
): Promise<void> {
  let reply: ReturnType<typeof errorReply>;
  try {
    reply = await answerQuestion(request, deps.bot, 'public');
  } catch (error) {
    log.error({ err: error, source: request.source }, 'answering a question failed');
    reply = errorReply('public');
  }
  await postReply(client, target, { text: reply.text, blocks: withActions(reply, { share: false }) }, log);
}
