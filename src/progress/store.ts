import type { IsoDate } from './calendar.ts';
import type { StepState } from './model.ts';

/** Only types: the rules and the command service depend on this, the SQLite adapter implements it. */

export type QuietMode = 'linea' | 'nada';

export interface DailySettings {
  enabled: boolean;
  /** "HH:MM" in GUIA_TZ. */
  time: string;
  /** ISO weekdays, 1 = lunes … 7 = domingo, sorted. */
  days: number[];
  /** On a day with no change and nothing due: one short line, or no post. */
  quiet: QuietMode;
}

export interface Tracker {
  id: number;
  teamId: string;
  channelId: string;
  guideId: string;
  startDate: IsoDate;
  daily: DailySettings;
  /** Set when Slack said the bot is no longer in the channel; such trackers are skipped. */
  removedAt?: string;
  /** Events up to this id were already told in a daily post. */
  lastPostEventId: number;
  createdAt: string;
}

/** Who made a change, when (ISO instant) and from which command or button. */
export interface Actor {
  userId: string;
  source: string;
  at: string;
}

export type EventKind =
  | 'tracker.created'
  | 'tracker.start_date'
  | 'tracker.guide'
  | 'tracker.daily'
  | 'tracker.removed'
  | 'tracker.restored'
  | 'step.status'
  | 'step.owner'
  | 'step.activity';

export interface ProgressEvent {
  id: number;
  trackerId: number;
  at: string;
  userId: string;
  source: string;
  kind: EventKind;
  guideId?: string;
  stepId?: string;
  before: unknown;
  after: unknown;
}

export interface EventQuery {
  stepId?: string;
  limit?: number;
  /** Only events after this id, oldest first. */
  afterId?: number;
  /** Only events up to this id (inclusive). */
  upToId?: number;
  kinds?: readonly EventKind[];
}

export type StepChange = { ok: true; next: StepState } | { ok: false; message: string };

export type ClaimStatus = 'claimed' | 'posted' | 'failed' | 'skipped';

export interface DailyClaim {
  trackerId: number;
  localDate: IsoDate;
  status: ClaimStatus;
  claimedBy: string;
  attempts: number;
  error?: string;
}

export type DailyOutcome =
  | { status: 'posted'; watermark: number; messageTs?: string }
  | { status: 'skipped'; watermark: number }
  | { status: 'failed'; error: string };

export interface ProgressStore {
  getTracker(teamId: string, channelId: string): Tracker | undefined;
  getTrackerById(id: number): Tracker | undefined;
  /** Trackers the bot still belongs to; with `dailyEnabled`, only those whose daily post is on. */
  listTrackers(opts?: { dailyEnabled?: boolean }): Tracker[];
  createTracker(
    init: { teamId: string; channelId: string; guideId: string; startDate: IsoDate },
    actor: Actor,
  ): Tracker;
  /** Changes tracker settings and logs one event of `kind` with the before/after values, atomically. */
  updateTracker(
    id: number,
    patch: Partial<Pick<Tracker, 'guideId' | 'startDate' | 'daily'>> & { removedAt?: string | null },
    kind: EventKind,
    actor: Actor,
  ): Tracker;
  stepStates(trackerId: number, guideId: string): Map<string, StepState>;
  /**
   * Reads the step's current state, asks `change` for the next one and, if allowed, writes it with its
   * event in one transaction, so two people clicking at once cannot both start the same step.
   */
  changeStep(
    trackerId: number,
    guideId: string,
    stepId: string,
    kind: EventKind,
    actor: Actor,
    change: (before: StepState) => StepChange,
  ): StepChange;
  /**
   * Trackers of the team where the user owns a step (open or not) or made a change: the channels we know
   * they take part in, without asking Slack for channel membership.
   */
  trackersOfUser(teamId: string, userId: string): Tracker[];
  /** Open steps owned by a user, across trackers. */
  ownedSteps(teamId: string, userId: string): Array<{ tracker: Tracker; state: StepState }>;
  /** Newest first, or oldest first after `afterId` (for the daily post). Filters run in SQL. */
  events(trackerId: number, opts?: EventQuery): ProgressEvent[];
  lastEventId(trackerId: number): number;
  /** True when this runner now owns today's post of the tracker (new claim, or a failed one retried). */
  claimDaily(trackerId: number, localDate: IsoDate, runner: string, at: string): boolean;
  finishDaily(trackerId: number, localDate: IsoDate, outcome: DailyOutcome, at: string): void;
  getClaim(trackerId: number, localDate: IsoDate): DailyClaim | undefined;
  /**
   * Deletes the day's claim only if it is a 'skipped' one written by `runner` (never a real post), so a
   * later time set the same day can still post. True when a claim was removed.
   */
  releaseDailySkip(trackerId: number, localDate: IsoDate, runner: string): boolean;
}
