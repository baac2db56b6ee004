import type { App, BlockAction } from '@slack/bolt';
import { ACTIONS, AVANCE_ACTION_PREFIX } from '../../../render/ids.ts';
import type { SlackDeps } from '../../deps.ts';
import { respondOrLog } from '../../post.ts';

const HANDLED = new Set<string>([
  ACTIONS.share,
  ACTIONS.feedbackUp,
  ACTIONS.feedbackDown,
  ACTIONS.coordinationMore,
]);
// The team-progress buttons (AVANCE_ACTION_PREFIX) have their own listener (registerAvanceButtons).

/**
 * A button the bot does not know (an old message after an id was renamed, a forged payload): without an
 * ack Bolt answers 404 after 3 s and Slack shows an error. Acknowledge at once and say so in Spanish.
 */
export function registerUnknownAction(app: App, deps: SlackDeps): void {
  app.action<BlockAction>(
    { type: 'block_actions', action_id: new RegExp(`^(?!${AVANCE_ACTION_PREFIX})`) },
    async ({ ack, action, body, respond }) => {
      if (!('action_id' in action) || HANDLED.has(action.action_id)) return;
      await ack();
      deps.logger.info({ actionId: action.action_id.slice(0, 100), user: body.user.id }, 'unknown action');
      if (!body.response_url) return;
      await respondOrLog(
        respond,
        {
          response_type: 'ephemeral',
          replace_original: false,
          text: 'Ese botón ya no es válido; vuelve a escribir el comando.',
        },
        deps.logger,
        'could not answer an unknown action',
      );
    },
  );
}
