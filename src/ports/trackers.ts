import type { IsoDate } from '../progress/calendar.ts';
import type { Tracker } from '../progress/model.ts';
import type { Actor, EventKind } from './steps.ts';

/** The settings a tracker change may touch; `removedAt: null` brings a removed tracker back. */
export type TrackerPatch = Partial<Pick<Tracker, 'guideId' | 'startDate' | 'daily'>> & {
  removedAt?: string | null;
};

/** The channels that follow a guide's progress. Every change is logged in the step log with it, atomically. */
export interface TrackerStore {
  getTracker(teamId: string, channelId: string): Promise<Tracker | undefined>;
  getTrackerById(id: number): Promise<Tracker | undefined>;
  /** Trackers the bot still belongs to; with `dailyEnabled`, only those whose daily post is on. */
  listTrackers(opts?: { dailyEnabled?: boolean }): Promise<Tracker[]>;
  /** Creates the channel's tracker and logs `tracker.created`; returns the existing one if there is one. */
  createTracker(
    init: { teamId: string; channelId: string; guideId: string; startDate: IsoDate },
    actor: Actor,
  ): Promise<Tracker>;
  /** Changes tracker settings and logs one event of `kind` with the before/after values, atomically. */
  updateTracker(id: number, patch: TrackerPatch, kind: EventKind, actor: Actor): Promise<Tracker>;
  /**
   * Trackers of the team where the user owns a step (open or not) or made a change: the channels we know
   * they take part in, without asking Slack for channel membership.
   */
  trackersOfUser(teamId: string, userId: string): Promise<Tracker[]>;
}
