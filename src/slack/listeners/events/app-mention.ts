import type { App } from '@slack/bolt';
import { plainQuestion } from '../../../bot/slack-text.ts';
import { answerAndPost } from '../../answer-event.ts';
import type { SlackDeps } from '../../deps.ts';

/** "@guia ¿quién participa en el paso 2.1?" → the answer in a thread under the question. */
export function registerAppMention(app: App, deps: SlackDeps): void {
  app.event('app_mention', async ({ event, context, client, body }) => {
    if (event.bot_id || event.subtype || !event.user || event.user === context.botUserId) return;
    const log = deps.logger.child({ listener: 'app_mention', eventId: context.eventId ?? body.event_id });
    await answerAndPost(
      deps,
      client,
      log,
      {
        text: plainQuestion(event.text, context.botUserId),
        userId: event.user,
        teamId: context.teamId ?? body.team_id ?? '',
        channelId: event.channel,
        source: 'mention',
        // The bot answers under the question, so a later mention in that thread carries its thread_ts.
        threadKey: `${event.channel}:${event.thread_ts ?? event.ts}`,
      },
      { channel: event.channel, user: event.user, threadTs: event.thread_ts ?? event.ts },
    );
  });
}
