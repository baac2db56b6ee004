import {
  type Claim,
  type ClaimKey,
  type ClaimOutcome,
  type ClaimStore,
  MAX_CLAIM_ATTEMPTS,
} from '../../ports/claims.ts';
import type {
  Actor,
  EventKind,
  EventQuery,
  ProgressEvent,
  StepChange,
  StepChangeFn,
  StepStore,
} from '../../ports/steps.ts';
import type { TrackerPatch, TrackerStore } from '../../ports/trackers.ts';
import type { IsoDate } from '../../progress/calendar.ts';
import { initialState, type StepState, type Tracker } from '../../progress/model.ts';

/** JSON round trip: what a database would give back (copies, no `undefined` fields). */
const copy = <T>(value: T): T => (value === undefined ? value : (JSON.parse(JSON.stringify(value)) as T));

const trackerSettings = (t: Tracker) => ({ guideId: t.guideId, startDate: t.startDate, daily: t.daily });

/** A stored step state, normalised as the SQL adapters store it (sorted activities, no empty fields). */
function stored(state: StepState): StepState {
  const out: StepState = {
    stepId: state.stepId,
    status: state.status,
    checkedActivities: [...state.checkedActivities].sort((a, b) => a - b),
  };
  if (state.ownerUserId) out.ownerUserId = state.ownerUserId;
  if (state.startedAt) out.startedAt = state.startedAt;
  if (state.completedAt) out.completedAt = state.completedAt;
  if (state.blockedReason) out.blockedReason = state.blockedReason;
  return out;
}

interface StepRow {
  trackerId: number;
  guideId: string;
  state: StepState;
}

/**
 * Trackers, steps with their log, and claims in process memory, for fast unit tests. Each method runs to
 * completion without awaiting, so a change and its event are as atomic as in a database transaction.
 */
export class MemoryProgressStore implements TrackerStore, StepStore, ClaimStore {
  private readonly trackers = new Map<number, Tracker>();
  /** Keyed by tracker, guide and step id. */
  private readonly steps = new Map<string, StepRow>();
  private readonly log: ProgressEvent[] = [];
  private readonly claims = new Map<string, Claim>();
  private nextTrackerId = 1;
  private nextEventId = 1;

  private logEvent(
    trackerId: number,
    actor: Actor,
    kind: EventKind,
    before: unknown,
    after: unknown,
    step?: { guideId: string; stepId: string },
  ): void {
    this.log.push({
      id: this.nextEventId++,
      trackerId,
      at: actor.at,
      userId: actor.userId,
      source: actor.source,
      kind,
      ...(step?.guideId ? { guideId: step.guideId } : {}),
      ...(step?.stepId ? { stepId: step.stepId } : {}),
      before: before === undefined ? null : copy(before),
      after: after === undefined ? null : copy(after),
    });
  }

  async getTracker(teamId: string, channelId: string): Promise<Tracker | undefined> {
    return copy(this.trackerOf(teamId, channelId));
  }

  private trackerOf(teamId: string, channelId: string): Tracker | undefined {
    for (const t of this.trackers.values()) if (t.teamId === teamId && t.channelId === channelId) return t;
    return undefined;
  }

  async getTrackerById(id: number): Promise<Tracker | undefined> {
    return copy(this.trackers.get(id));
  }

  async listTrackers(opts: { dailyEnabled?: boolean } = {}): Promise<Tracker[]> {
    return copy(
      [...this.trackers.values()].filter((t) => !t.removedAt && (!opts.dailyEnabled || t.daily.enabled)),
    );
  }

  async createTracker(
    init: { teamId: string; channelId: string; guideId: string; startDate: IsoDate },
    actor: Actor,
  ): Promise<Tracker> {
    const existing = this.trackerOf(init.teamId, init.channelId);
    if (existing) return copy(existing);
    const tracker: Tracker = {
      id: this.nextTrackerId++,
      ...init,
      daily: { enabled: false, time: '09:00', days: [1, 2, 3, 4, 5], quiet: 'linea' },
      lastPostEventId: 0,
      createdAt: actor.at,
    };
    this.trackers.set(tracker.id, tracker);
    this.logEvent(tracker.id, actor, 'tracker.created', null, trackerSettings(tracker));
    return copy(tracker);
  }

  async updateTracker(id: number, patch: TrackerPatch, kind: EventKind, actor: Actor): Promise<Tracker> {
    const before = this.trackers.get(id);
    if (!before) throw new Error(`unknown tracker ${id}`);
    const removedAt = patch.removedAt === undefined ? before.removedAt : (patch.removedAt ?? undefined);
    const { removedAt: _, ...rest } = before;
    const after: Tracker = {
      ...rest,
      guideId: patch.guideId ?? before.guideId,
      startDate: patch.startDate ?? before.startDate,
      daily: copy(patch.daily ?? before.daily),
      ...(removedAt ? { removedAt } : {}),
    };
    this.trackers.set(id, after);
    this.logEvent(
      id,
      actor,
      kind,
      { ...trackerSettings(before), removedAt: before.removedAt ?? null },
      { ...trackerSettings(after), removedAt: after.removedAt ?? null },
    );
    return copy(after);
  }

  async trackersOfUser(teamId: string, userId: string): Promise<Tracker[]> {
    const owns = new Set(
      [...this.steps.values()].filter((s) => s.state.ownerUserId === userId).map((s) => s.trackerId),
    );
    const acted = new Set(this.log.filter((e) => e.userId === userId).map((e) => e.trackerId));
    return copy(
      [...this.trackers.values()].filter(
        (t) => t.teamId === teamId && !t.removedAt && (owns.has(t.id) || acted.has(t.id)),
      ),
    );
  }

  private static stepKey = (trackerId: number, guideId: string, stepId: string) =>
    JSON.stringify([trackerId, guideId, stepId]);

  async stepStates(trackerId: number, guideId: string): Promise<Map<string, StepState>> {
    const out = new Map<string, StepState>();
    for (const row of this.steps.values()) {
      if (row.trackerId === trackerId && row.guideId === guideId) out.set(row.state.stepId, copy(row.state));
    }
    return out;
  }

  async changeStep(
    trackerId: number,
    guideId: string,
    stepId: string,
    kind: EventKind,
    actor: Actor,
    change: StepChangeFn,
  ): Promise<StepChange> {
    const key = MemoryProgressStore.stepKey(trackerId, guideId, stepId);
    const row = this.steps.get(key);
    const before = row ? copy(row.state) : initialState(stepId);
    const result = change(copy(before));
    if (!result.ok) return result;
    this.steps.set(key, { trackerId, guideId, state: stored({ ...result.next, stepId }) });
    this.logEvent(trackerId, actor, kind, before, result.next, { guideId, stepId });
    return result;
  }

  async ownedSteps(teamId: string, userId: string): Promise<Array<{ tracker: Tracker; state: StepState }>> {
    const out: Array<{ tracker: Tracker; state: StepState }> = [];
    for (const row of this.steps.values()) {
      const tracker = this.trackers.get(row.trackerId);
      if (!tracker || tracker.teamId !== teamId || tracker.removedAt || tracker.guideId !== row.guideId)
        continue;
      if (row.state.ownerUserId !== userId || row.state.status === 'completado') continue;
      out.push({ tracker: copy(tracker), state: copy(row.state) });
    }
    const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
    return out.sort((a, b) => a.tracker.id - b.tracker.id || cmp(a.state.stepId, b.state.stepId));
  }

  async events(trackerId: number, opts: EventQuery = {}): Promise<ProgressEvent[]> {
    const kinds = opts.kinds ? new Set(opts.kinds) : undefined;
    const rows = this.log.filter(
      (e) =>
        e.trackerId === trackerId &&
        (!opts.stepId || e.stepId === opts.stepId) &&
        (opts.afterId === undefined || e.id > opts.afterId) &&
        (opts.upToId === undefined || e.id <= opts.upToId) &&
        (!kinds || kinds.has(e.kind)),
    );
    if (opts.afterId === undefined) rows.reverse();
    return copy(opts.limit === undefined || opts.limit < 0 ? rows : rows.slice(0, opts.limit));
  }

  async lastEventId(trackerId: number): Promise<number> {
    let last = 0;
    for (const e of this.log) if (e.trackerId === trackerId) last = Math.max(last, e.id);
    return last;
  }

  private static claimKey = (key: ClaimKey) => JSON.stringify([key.kind, key.trackerId, key.key]);

  async claim(key: ClaimKey, runner: string, _at: string): Promise<boolean> {
    const k = MemoryProgressStore.claimKey(key);
    const claim = this.claims.get(k);
    if (!claim) {
      this.claims.set(k, { ...key, status: 'claimed', claimedBy: runner, attempts: 1 });
      return true;
    }
    // Never take over a "claimed" one whose runner may have died (see ClaimStore.claim).
    if (claim.status !== 'failed' || claim.attempts >= MAX_CLAIM_ATTEMPTS) return false;
    // The last error stays until the retry finishes, as in the SQL adapters.
    this.claims.set(k, { ...claim, status: 'claimed', claimedBy: runner, attempts: claim.attempts + 1 });
    return true;
  }

  async finish(key: ClaimKey, outcome: ClaimOutcome, _at: string): Promise<void> {
    const k = MemoryProgressStore.claimKey(key);
    const claim = this.claims.get(k);
    if (claim) {
      const { error: _, ...rest } = claim;
      this.claims.set(k, {
        ...rest,
        status: outcome.status,
        ...(outcome.status === 'failed' ? { error: outcome.error } : {}),
      });
    }
    const tracker = this.trackers.get(key.trackerId);
    if (outcome.status !== 'failed' && tracker) {
      tracker.lastPostEventId = Math.max(tracker.lastPostEventId, outcome.watermark);
    }
  }

  async getClaim(key: ClaimKey): Promise<Claim | undefined> {
    return copy(this.claims.get(MemoryProgressStore.claimKey(key)));
  }

  async releaseSkip(key: ClaimKey, runner: string): Promise<boolean> {
    const k = MemoryProgressStore.claimKey(key);
    const claim = this.claims.get(k);
    if (claim?.status !== 'skipped' || claim.claimedBy !== runner) return false;
    return this.claims.delete(k);
  }
}
