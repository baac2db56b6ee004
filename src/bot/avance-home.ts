import type { KnownBlock } from '@slack/types';
import { findGuide } from '../content/guides.ts';
import { localDate } from '../progress/calendar.ts';
import { stepLine, summarize } from '../progress/summary.ts';
import { dateText, mention, statusText } from '../render/avance.ts';
import { type HomeTracker, homeProgressBlocks, type OwnedLine } from '../render/avance-home.ts';
import type { AvanceDeps } from './avance-command.ts';
import type { Answer, HomeSection } from './types.ts';

/** Home tab: the user's own open steps (with buttons) and the progress of the channels they take part in. */
export function createAvanceHomeSection(deps: AvanceDeps): HomeSection {
  return async (userId, teamId): Promise<KnownBlock[]> => {
    const today = localDate(deps.now(), deps.tz);
    const owned: OwnedLine[] = [];
    for (const { tracker, state } of await deps.steps.ownedSteps(teamId, userId)) {
      const guide = findGuide(deps.guides, tracker.guideId);
      const step = guide?.steps.find((s) => s.id === state.stepId);
      if (!guide || !step) continue;
      owned.push({ tracker, guideId: guide.id, line: stepLine(step, state, tracker.startDate, today) });
    }
    // Only channels the user demonstrably takes part in (owns a step or made a change there): listing every
    // tracker would show private channels' and DMs' progress to anyone, and checking membership with Slack
    // would need more scopes and a call per channel.
    const trackers: HomeTracker[] = [];
    for (const tracker of await deps.trackers.trackersOfUser(teamId, userId)) {
      const guide = findGuide(deps.guides, tracker.guideId);
      if (!guide) continue;
      const states = await deps.steps.stepStates(tracker.id, guide.id);
      const summary = summarize(guide, states, tracker.startDate, today);
      trackers.push({ tracker, guide, summary });
    }
    return homeProgressBlocks(owned, trackers);
  };
}

/**
 * Adds the channel's own due date, status and owner to an answer about a step's deadline:
 * "En este canal: vence el 13 de febrero de 2027 (en 3 días); estado: en curso; responsable: <@U…>". Never throws.
 */
export function createDeadlineDecorator(
  deps: AvanceDeps,
): (answer: Answer, ctx: { teamId: string; channelId: string }) => Promise<Answer> {
  return async (answer, ctx) => {
    try {
      const step = answer.step;
      if (answer.intent !== 'plazo' || answer.outcome !== 'answered' || !step) return answer;
      const tracker = await deps.trackers.getTracker(ctx.teamId, ctx.channelId);
      if (!tracker || tracker.removedAt || tracker.guideId !== step.guide) return answer;
      const guide = findGuide(deps.guides, tracker.guideId);
      if (!guide) return answer;
      const today = localDate(deps.now(), deps.tz);
      const states = await deps.steps.stepStates(tracker.id, guide.id);
      const line = stepLine(step, states.get(step.id), tracker.startDate, today);
      const owner = line.state.ownerUserId ? mention(line.state.ownerUserId) : 'sin asignar';
      const extra = `${dateText(line)}; estado: ${statusText(line.state)}; responsable: ${owner}`;
      return { ...answer, text: `${answer.text}\n\n_En este canal:_ ${extra}` };
    } catch {
      return answer;
    }
  };
}
