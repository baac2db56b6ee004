import type { App } from '@slack/bolt';
import { errorReply } from '../../../bot/answer-question.ts';
import { withActions } from '../../../bot/share.ts';
import type { CommandHandler } from '../../../bot/types.ts';
import type { SlackDeps } from '../../deps.ts';
import { responderFor } from '../../post.ts';

/**
 * One listener per entry of the command map (`/guia`, and `/avance` once the progress feature registers
 * it through BotDeps.extraCommands). Acknowledges at once, then answers through response_url, which works
 * in any channel, also where the bot is not a member.
 */
export function registerSlashCommand(app: App, name: string, handler: CommandHandler, deps: SlackDeps): void {
  app.command(name, async ({ ack, command }) => {
    await ack();
    const log = deps.logger.child({ listener: name, user: command.user_id });
    let reply: Awaited<ReturnType<CommandHandler>>;
    try {
      reply = await handler({
        text: command.text ?? '',
        userId: command.user_id,
        teamId: command.team_id,
        channelId: command.channel_id,
        source: 'command',
      });
    } catch (error) {
      log.error({ err: error }, 'command failed');
      reply = errorReply();
    }
    // Retried with backoff within the url's limits; the change itself is already stored.
    const respond = responderFor(deps, command.response_url, log);
    const delivered = await respond({
      response_type: reply.visibility === 'public' ? 'in_channel' : 'ephemeral',
      text: reply.text,
      blocks: withActions(reply, { share: reply.visibility === 'ephemeral' }),
    });
    if (!delivered) log.warn('could not answer the command');
  });
}
