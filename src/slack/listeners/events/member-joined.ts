import type { App } from '@slack/bolt';
import { handleBotJoined } from '../../../bot/avance-command.ts';
import type { SlackDeps } from '../../deps.ts';
import { describeSlackError } from '../../web-api-errors.ts';

/**
 * The bot invited (back) to a channel: a tracker whose daily post had stopped is restored, and the channel
 * is told. Other people joining are not our business.
 */
export function registerMemberJoined(app: App, deps: SlackDeps): void {
  const avance = deps.avance;
  if (!avance) return;
  app.event('member_joined_channel', async ({ event, context, client }) => {
    if (!context.botUserId || event.user !== context.botUserId) return;
    const log = deps.logger.child({ listener: 'member_joined_channel', channel: event.channel });
    try {
      const reply = await handleBotJoined(avance, {
        teamId: context.teamId ?? event.team ?? '',
        channelId: event.channel,
      });
      if (!reply) return;
      log.info('tracker restored: the bot is back in the channel');
      await client.chat.postMessage({ channel: event.channel, text: reply.text, blocks: reply.blocks });
    } catch (error) {
      log.warn({ reason: describeSlackError(error).reason, err: error }, 'could not restore the tracker');
    }
  });
}
