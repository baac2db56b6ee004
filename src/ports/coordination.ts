import type { IsoDate } from '../progress/calendar.ts';
import type { WeeklySettings } from '../schedule/weekly-rule.ts';

/**
 * The coordination office's data (issue 12): the institution each tracker belongs to, the workspace's
 * coordination channel, each channel's weekly report settings and the claims that make each weekly post
 * happen exactly once, and a log of who changed which of these. Every change is written with its event
 * atomically. Adapters: src/adapters/sqlite/coordination.ts and src/adapters/memory/coordination.ts.
 */

/** Who made a change, when (ISO instant) and from which command. */
export interface CoordinationActor {
  userId: string;
  source: string;
  at: string;
}

export interface CoordinationChannel {
  teamId: string;
  channelId: string;
  setBy: string;
  setAt: string;
}

export type CoordinationEventKind = 'coordination.channel' | 'tracker.institution' | 'weekly.settings';

export interface CoordinationEvent {
  id: number;
  teamId: string;
  /** The channel the change was made in (for a move: the new coordination channel). */
  channelId: string;
  at: string;
  userId: string;
  source: string;
  kind: CoordinationEventKind;
  before: unknown;
  after: unknown;
}

export interface WeeklyChannel {
  teamId: string;
  channelId: string;
  settings: WeeklySettings;
}

/** One channel's report of one week (`week`: the Monday of the week it belongs to). */
export interface WeeklyClaimKey {
  teamId: string;
  channelId: string;
  week: IsoDate;
}

export type WeeklyClaimStatus = 'claimed' | 'posted' | 'failed' | 'skipped';

export interface WeeklyClaim extends WeeklyClaimKey {
  status: WeeklyClaimStatus;
  claimedBy: string;
  attempts: number;
  error?: string;
  messageTs?: string;
}

export type WeeklyOutcome =
  | { status: 'posted'; messageTs?: string }
  | { status: 'skipped'; reason: string }
  | { status: 'failed'; error: string };

/** A failed weekly post is retried by the next runs of the same day, up to this many attempts. */
export const MAX_WEEKLY_ATTEMPTS = 3;

export interface CoordinationStore {
  /** Tracker id → institution name, for the team's trackers that named one. */
  institutions(teamId: string): Promise<Map<number, string>>;
  institutionOf(trackerId: number): Promise<string | undefined>;
  /** Names (or with `null` clears) the tracker's institution; returns the name it had. */
  setInstitution(
    tracker: { id: number; teamId: string; channelId: string },
    name: string | null,
    actor: CoordinationActor,
  ): Promise<{ before?: string }>;

  coordinationChannel(teamId: string): Promise<CoordinationChannel | undefined>;
  /** Makes `channelId` the team's one coordination channel; returns the one it replaced, if any. */
  setCoordinationChannel(
    teamId: string,
    channelId: string,
    actor: CoordinationActor,
  ): Promise<{ previous?: CoordinationChannel }>;

  weekly(teamId: string, channelId: string): Promise<WeeklySettings | undefined>;
  setWeekly(
    teamId: string,
    channelId: string,
    settings: WeeklySettings,
    actor: CoordinationActor,
  ): Promise<void>;
  /** Every channel whose weekly report is on. */
  listWeekly(): Promise<WeeklyChannel[]>;

  /**
   * True when `runner` now owns the week's post of the channel: a new claim, or a failed one retried (under
   * MAX_WEEKLY_ATTEMPTS). A claim left `claimed` by a runner that died is never taken over.
   */
  claimWeekly(key: WeeklyClaimKey, runner: string, at: string): Promise<boolean>;
  finishWeekly(key: WeeklyClaimKey, outcome: WeeklyOutcome, at: string): Promise<void>;
  getWeeklyClaim(key: WeeklyClaimKey): Promise<WeeklyClaim | undefined>;

  /** The team's coordination log, newest first. */
  events(teamId: string, opts?: { limit?: number }): Promise<CoordinationEvent[]>;
}
