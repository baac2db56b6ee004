import type { App, BlockButtonAction } from '@slack/bolt';
import { sharedReply, withActions } from '../../../bot/share.ts';
import { ACTIONS } from '../../../render/ids.ts';
import { decodeShare } from '../../../render/reply.ts';
import type { SlackDeps } from '../../deps.ts';
import { respondOrLog } from '../../post.ts';
import { describeSlackError } from '../../web-api-errors.ts';

/**
 * "Compartir en el canal": the same reply, posted publicly with who shared it, through the response_url of
 * the ephemeral message (so it works where the bot is not a member); then the ephemeral copy is removed.
 */
export function registerShare(app: App, deps: SlackDeps): void {
  app.action<BlockButtonAction>(ACTIONS.share, async ({ ack, body, action, respond }) => {
    await ack();
    const log = deps.logger.child({ listener: 'share', user: body.user.id });
    try {
      const ref = decodeShare(action.value);
      const reply = ref
        ? await sharedReply(
            ref,
            { userId: body.user.id, teamId: body.team?.id ?? '', channelId: body.channel?.id ?? '' },
            deps.commands,
          )
        : null;
      if (!reply) {
        await respond({
          response_type: 'ephemeral',
          replace_original: false,
          text: 'Este botón ya no es válido; vuelve a escribir el comando.',
        });
        return;
      }
      await respond({
        response_type: 'in_channel',
        replace_original: false,
        text: reply.text,
        blocks: withActions(reply, { share: false, sharedBy: body.user.id }),
      });
      await respond({ delete_original: true });
    } catch (error) {
      log.warn({ reason: describeSlackError(error).reason }, 'could not share');
      await respondOrLog(
        respond,
        {
          response_type: 'ephemeral',
          replace_original: false,
          text: 'No pude compartir la respuesta en el canal. Inténtalo de nuevo en un momento.',
        },
        log,
        'could not tell the user either',
      );
    }
  });
}
