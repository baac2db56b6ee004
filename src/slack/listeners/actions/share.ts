import { createHash } from 'node:crypto';
import type { App, BlockButtonAction } from '@slack/bolt';
import { sharedReply, withActions } from '../../../bot/share.ts';
import { ACTIONS } from '../../../render/ids.ts';
import { decodeShare } from '../../../render/reply.ts';
import type { SlackDeps } from '../../deps.ts';
import { responderFor } from '../../post.ts';

/**
 * "Compartir en el canal": the same reply, posted publicly with who shared it, through the response_url of
 * the ephemeral message (so it works where the bot is not a member); then the ephemeral copy is removed.
 * Once per answer: a second click (or Slack redelivering the first) is claimed like a repeated event; a share
 * that never reached the channel is released, so the next click tries again.
 */
export function registerShare(app: App, deps: SlackDeps): void {
  app.action<BlockButtonAction>(ACTIONS.share, async ({ ack, body, action }) => {
    await ack();
    const log = deps.logger.child({ listener: 'share', user: body.user.id });
    const respond = responderFor(deps, body.response_url, log);
    const tell = (text: string) => respond({ response_type: 'ephemeral', replace_original: false, text });
    const ref = decodeShare(action.value);
    let reply: Awaited<ReturnType<typeof sharedReply>> | null = null;
    try {
      reply = ref
        ? await sharedReply(
            ref,
            { userId: body.user.id, teamId: body.team?.id ?? '', channelId: body.channel?.id ?? '' },
            deps.commands,
          )
        : null;
    } catch (error) {
      log.warn({ err: error }, 'could not rebuild the shared reply');
      await tell(COULD_NOT_SHARE);
      return;
    }
    if (!reply) {
      await tell('Este botón ya no es válido; vuelve a escribir el comando.');
      return;
    }
    const key = shareKey(body, action.value);
    if (!(await deps.events.claim(key))) {
      log.info('share ignored: this answer was already shared');
      await tell('Esta respuesta ya se compartió en el canal.');
      return;
    }
    const shared = await respond({
      response_type: 'in_channel',
      replace_original: false,
      text: reply.text,
      blocks: withActions(reply, { share: false, sharedBy: body.user.id }),
    });
    if (!shared) {
      // Nothing reached the channel: forget the claim, so «Inténtalo de nuevo» can really share it.
      await deps.events.release(key).catch((error: unknown) => {
        log.warn({ err: error }, 'could not release the share claim');
      });
      await tell(COULD_NOT_SHARE);
      return;
    }
    await respond({ delete_original: true });
  });
}

const COULD_NOT_SHARE = 'No pude compartir la respuesta en el canal. Inténtalo de nuevo en un momento.';

/** One answer: the ephemeral message it sits in (channel and ts) and what the button would share. */
function shareKey(body: BlockButtonAction, value: string | undefined): string {
  const message = body.container?.message_ts ?? body.message?.ts ?? body.response_url;
  const digest = createHash('sha256')
    .update(value ?? '')
    .digest('hex')
    .slice(0, 16);
  return `share:${body.channel?.id ?? ''}:${message}:${digest}`;
}
