import type { StepState, Tracker } from '../progress/model.ts';

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

/**
 * The next state of a step from the current one. Pure and synchronous: an adapter calls it while it holds
 * the step (a SQLite IMMEDIATE transaction, a PostgreSQL `SELECT … FOR UPDATE`), so it must not await.
 */
export type StepChangeFn = (before: StepState) => StepChange;

/** Step states per tracker and guide, and the append-only log of every change (steps and trackers). */
export interface StepStore {
  stepStates(trackerId: number, guideId: string): Promise<Map<string, StepState>>;
  /**
   * Reads the step's current state, asks `change` for the next one and, if allowed, writes it with its
   * event atomically, so two people clicking at once cannot both start the same step.
   */
  changeStep(
    trackerId: number,
    guideId: string,
    stepId: string,
    kind: EventKind,
    actor: Actor,
    change: StepChangeFn,
  ): Promise<StepChange>;
  /** Open steps owned by a user, across the team's trackers. */
  ownedSteps(teamId: string, userId: string): Promise<Array<{ tracker: Tracker; state: StepState }>>;
  /** Newest first, or oldest first after `afterId` (for the daily post). Filters run in the store. */
  events(trackerId: number, opts?: EventQuery): Promise<ProgressEvent[]>;
  /** 0 when the tracker has no event. */
  lastEventId(trackerId: number): Promise<number>;
}
