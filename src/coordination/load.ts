import { defaultGuide, findGuide } from '../content/guides.ts';
import type { Guide } from '../content/model.ts';
import type { CoordinationStore } from '../ports/coordination.ts';
import type { StepStore, TrackerStore } from '../ports/index.ts';
import type { Tracker } from '../progress/model.ts';
import type { TrackerView } from './overview.ts';

/** The progress ports the coordination view reads, with its own port. */
export interface ProgressReads {
  trackers: Pick<TrackerStore, 'listTrackers' | 'getTracker'>;
  steps: Pick<StepStore, 'stepStates' | 'events'>;
  coordination: CoordinationStore;
  guides: Guide[];
}

/** One tracker as the coordination view sees it: its guide, states, institution and last activity. */
export async function trackerView(
  deps: ProgressReads,
  tracker: Tracker,
  institution: string | undefined,
): Promise<TrackerView | undefined> {
  const guide = findGuide(deps.guides, tracker.guideId) ?? defaultGuide(deps.guides);
  if (!guide) return undefined;
  const [states, [last]] = await Promise.all([
    deps.steps.stepStates(tracker.id, guide.id),
    deps.steps.events(tracker.id, { limit: 1 }),
  ]);
  return {
    trackerId: tracker.id,
    channelId: tracker.channelId,
    ...(institution ? { institution } : {}),
    guide,
    startDate: tracker.startDate,
    states,
    lastActivityAt: last?.at ?? tracker.createdAt,
  };
}

/** Every live tracker of the workspace (the bot still in the channel), for the coordination channel only. */
export async function workspaceViews(deps: ProgressReads, teamId: string): Promise<TrackerView[]> {
  const [trackers, names] = await Promise.all([
    deps.trackers.listTrackers(),
    deps.coordination.institutions(teamId),
  ]);
  const mine = trackers.filter((t) => t.teamId === teamId && !t.removedAt);
  const views = await Promise.all(mine.map((t) => trackerView(deps, t, names.get(t.id))));
  return views.filter((v): v is TrackerView => v !== undefined);
}
