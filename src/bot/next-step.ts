import type { StepRef } from '../content/glossary.ts';
import { findGuide } from '../content/guides.ts';
import type { AvanceDeps } from './avance-command.ts';

/**
 * The channel's next open step (the first one, in guide order, not completed), for "¿qué sigue?" in a channel
 * with a tracker. Undefined without a tracker, when every step is done, or when the store fails.
 */
export function createNextOpenStep(
  deps: Pick<AvanceDeps, 'guides' | 'trackers' | 'steps'>,
): (ctx: { teamId: string; channelId: string }) => Promise<StepRef | undefined> {
  return async ({ teamId, channelId }) => {
    try {
      const tracker = await deps.trackers.getTracker(teamId, channelId);
      if (!tracker || tracker.removedAt) return undefined;
      const guide = findGuide(deps.guides, tracker.guideId);
      if (!guide) return undefined;
      const states = await deps.steps.stepStates(tracker.id, guide.id);
      const open = guide.steps.find((s) => states.get(s.id)?.status !== 'completado');
      return open ? { guide: guide.id, id: open.id } : undefined;
    } catch {
      return undefined;
    }
  };
}
