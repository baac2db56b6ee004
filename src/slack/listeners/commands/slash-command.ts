import type { App } from '@slack/bolt';
import { errorReply } from '../../../bot/answer-question.ts';
import { withActions } from '../../../bot/share.ts';
import type { CommandHandler } from '../../../bot/types.ts';
import type { SlackDeps } from '../../deps.ts';
import { respondOrLog } from '../../post.ts';

/**
 * One listener per entry of the command map (`/guia`, and `/avance` once the progress feature registers
 * it through BotDeps.extraCommands). Acknowledges at once, then answers through response_url, which works
 * in any channel, also where the bot is not a member.
 */
export function registerSlashCommand(app: App, name: string, handler: CommandHandler, deps: SlackDeps): void {
  app.command(name, async ({ ack, command, respond }) => {
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
    await respondOrLog(
      respond,
      {
        response_type: reply.visibility === 'public' ? 'in_channel' : 'ephemeral',
        text: reply.text,
        blocks: withActions(reply, { share: reply.visibility === 'ephemeral' }),
      },
      log,
      'could not answer the command',
    );
  });
}
