import type { App } from '@slack/bolt';
import { answerQuestion, errorReply } from '../../../bot/answer-question.ts';
import { withActions } from '../../../bot/share.ts';
import { plainQuestion } from '../../../bot/slack-text.ts';
import type { SlackDeps } from '../../deps.ts';
import { postReply } from '../../post.ts';

/** "@guia ¿quién participa en el paso 2.1?" → the answer in a thread under the question. */
export function registerAppMention(app: App, deps: SlackDeps): void {
  app.event('app_mention', async ({ event, context, client, body }) => {
    const log = deps.logger.child({ listener: 'app_mention', eventId: context.eventId ?? body.event_id });
    if (event.bot_id || event.subtype || !event.user || event.user === context.botUserId) return;
    const target = { channel: event.channel, user: event.user, threadTs: event.thread_ts ?? event.ts };
    let reply: ReturnType<typeof errorReply>;
    try {
      reply = answerQuestion(
        {
          text: plainQuestion(event.text, context.botUserId),
          userId: event.user,
          teamId: context.teamId ?? body.team_id ?? '',
          channelId: event.channel,
          source: 'mention',
        },
        deps.bot,
        'public',
      );
    } catch (error) {
      log.error({ err: error }, 'answering a mention failed');
      reply = errorReply('public');
    }
    await postReply(client, target, { text: reply.text, blocks: withActions(reply, { share: false }) }, log);
  });
}
