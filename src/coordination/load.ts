import { defaultGuide, findGuide } from '../content/guides.ts';
import type { Guide } from '../content/model.ts';
import type { CoordinationStore } from '../ports/coordination.ts';
import type { StepState } from '../progress/model.ts';
import type { ProgressEvent, Tracker } from '../progress/store.ts';
import type { TrackerView } from './overview.ts';

/** The tracker and step reads the coordination view needs (a subset of the progress ports). */
export interface ProgressReads {
  trackers: {
    listTrackers(opts?: { dailyEnabled?: boolean }): Promise<Tracker[]>;
    getTracker(teamId: string, channelId: string): Promise<Tracker | undefined>;
  };
  steps: {
    stepStates(trackerId: number, guideId: string): Promise<Map<string, StepState>>;
    events(trackerId: number, opts?: { limit?: number }): Promise<ProgressEvent[]>;
  };
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
