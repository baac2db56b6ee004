import type { App, BlockButtonAction } from '@slack/bolt';
import type { Logger } from 'pino';
import type { AvanceDeps } from '../../../bot/avance-command.ts';
import { notCoordination, overviewPage } from '../../../bot/coordination-command.ts';
import { pageFromButton } from '../../../render/coordination.ts';
import { ACTIONS } from '../../../render/ids.ts';
import { section } from '../../../render/limits.ts';
import { describeSlackError } from '../../web-api-errors.ts';

/**
 * «Ver más» on the coordination overview: the next page replaces the message. Checked again on every click:
 * only in the workspace's coordination channel (a copied or forwarded button elsewhere shows nothing).
 */
export function registerCoordinationMore(app: App, deps: AvanceDeps, logger: Logger): void {
  app.action<BlockButtonAction>(
    { type: 'block_actions', action_id: ACTIONS.coordinationMore },
    async ({ ack, body, action, respond }) => {
      await ack();
      const log = logger.child({ listener: 'coordination-more', user: body.user.id });
      const { coordination } = deps;
      if (!coordination) return;
      const teamId = body.team?.id ?? body.user.team_id ?? '';
      const channelId = body.channel?.id ?? '';
      try {
        const current = await coordination.coordinationChannel(teamId);
        if (!current || current.channelId !== channelId) {
          const text = notCoordination(current?.channelId);
          await respond({
            response_type: 'ephemeral',
            replace_original: false,
            text,
            blocks: [section(text)],
          });
          return;
        }
        const reply = await overviewPage({ ...deps, coordination }, teamId, pageFromButton(action.value));
        await respond({
          response_type: 'ephemeral',
          replace_original: true,
          text: reply.text,
          blocks: reply.blocks,
        });
      } catch (error) {
        log.warn({ reason: describeSlackError(error).reason, err: error }, 'coordination page failed');
      }
    },
  );
}
