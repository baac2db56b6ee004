import type { App } from '@slack/bolt';
import { plainQuestion } from '../../../bot/slack-text.ts';
import { answerAndPost } from '../../answer-event.ts';
import type { SlackDeps } from '../../deps.ts';

/** A direct message to the bot → the answer in the same DM. */
export function registerMessageIm(app: App, deps: SlackDeps): void {
  app.event('message', async ({ event, context, client, body }) => {
    // Only new messages typed by a person in a DM: no subtypes (edits, joins, bot_message…), no bots.
    if (event.channel_type !== 'im' || event.subtype !== undefined) return;
    if (event.bot_id || !event.user || event.user === context.botUserId) return;
    const log = deps.logger.child({ listener: 'message.im', eventId: context.eventId ?? body.event_id });
    await answerAndPost(
      deps,
      client,
      log,
      {
        text: plainQuestion(event.text ?? '', context.botUserId),
        userId: event.user,
        teamId: context.teamId ?? body.team_id ?? '',
        channelId: event.channel,
        source: 'dm',
        // A DM is one conversation (a thread inside it is its own).
        threadKey: event.thread_ts ? `${event.channel}:${event.thread_ts}` : event.channel,
      },
      { channel: event.channel, user: event.user },
    );
  });
}
