import type { App, BlockButtonAction } from '@slack/bolt';
import type { Logger } from 'pino';
import { type AvanceDeps, handleAvanceAction, isAvanceAction } from '../../../bot/avance-command.ts';
import type { BotDeps } from '../../../bot/types.ts';
import { AVANCE_ACTION_PREFIX } from '../../../render/ids.ts';
import { publishHome } from '../../publish-home.ts';
import { describeSlackError } from '../../web-api-errors.ts';

/**
 * Iniciar / Completar / activity buttons, on a step card (ephemeral message: replaced in place through its
 * response_url) or on the Home tab (the tab is published again).
 */
export function registerAvanceButtons(
  app: App,
  deps: AvanceDeps,
  logger: Logger,
  /** The Home tab is published again with these deps; without them a Home button only records the change. */
  bot?: BotDeps,
): void {
  app.action<BlockButtonAction>(
    { type: 'block_actions', action_id: new RegExp(`^${AVANCE_ACTION_PREFIX}`) },
    async ({ ack, body, action, respond, client }) => {
      await ack();
      if (!isAvanceAction(action.action_id)) return;
      const log = logger.child({ listener: 'avance-button', user: body.user.id });
      const teamId = body.team?.id ?? body.user.team_id ?? '';
      try {
        const reply = await handleAvanceAction(deps, {
          actionId: action.action_id,
          value: action.value ?? '',
          userId: body.user.id,
          teamId,
        });
        if (body.container?.type === 'view') {
          if (bot) await publishHome(client, bot, { userId: body.user.id, teamId }, log);
          return;
        }
        await respond({
          response_type: 'ephemeral',
          replace_original: true,
          text: reply.text,
          blocks: reply.blocks,
        });
      } catch (error) {
        log.warn({ reason: describeSlackError(error).reason, err: error }, 'avance button failed');
      }
    },
  );
}
