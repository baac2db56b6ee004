import type { App, BlockButtonAction } from '@slack/bolt';
import { ACTIONS } from '../../../render/ids.ts';
import { decodeFeedback } from '../../../render/reply.ts';
import type { SlackDeps } from '../../deps.ts';
import { respondOrLog } from '../../post.ts';

/** 👍 / 👎 under an answer: stored for the guide's editors (`guia report feedback`), thanked privately. */
export function registerFeedback(app: App, deps: SlackDeps): void {
  for (const [actionId, vote] of [
    [ACTIONS.feedbackUp, 1],
    [ACTIONS.feedbackDown, -1],
  ] as const) {
    app.action<BlockButtonAction>(actionId, async ({ ack, body, action, respond }) => {
      await ack();
      const log = deps.logger.child({ listener: actionId, user: body.user.id });
      const ref = decodeFeedback(action.value);
      if (!ref) {
        log.warn('feedback button with an unreadable value');
        return;
      }
      try {
        await deps.feedback.recordFeedback({
          teamId: body.team?.id ?? '',
          userId: body.user.id,
          channelId: body.channel?.id ?? '',
          vote,
          question: ref.question,
          stepId: ref.stepId,
          guide: ref.guide,
          intent: ref.intent,
        });
      } catch (error) {
        log.warn({ err: error }, 'could not record feedback');
        return;
      }
      await respondOrLog(
        respond,
        {
          response_type: 'ephemeral',
          replace_original: false,
          text:
            vote === 1
              ? '¡Gracias! Me alegra que te sirviera.'
              : 'Gracias por avisar; el equipo que edita la guía revisará esta respuesta.',
        },
        log,
        'could not acknowledge feedback',
      );
    });
  }
}
