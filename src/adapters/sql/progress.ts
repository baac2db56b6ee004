import type { Kysely, Selectable, Transaction } from 'kysely';
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
import type { Engine } from './migrations/types.ts';
import type { Database, EventsTable, StepsTable, TrackersTable } from './schema.ts';

type Db = Kysely<Database> | Transaction<Database>;
type TrackerRow = Selectable<TrackersTable>;
type StepRow = Selectable<StepsTable>;
type EventRow = Selectable<EventsTable>;

const toTracker = (r: TrackerRow): Tracker => ({
  id: Number(r.id),
  teamId: r.team_id,
  channelId: r.channel_id,
  guideId: r.guide_id,
  startDate: r.start_date,
  daily: {
    enabled: Number(r.daily_enabled) === 1,
    time: r.daily_time,
    days: r.daily_days.split(',').filter(Boolean).map(Number),
    quiet: r.quiet_mode,
  },
  ...(r.removed_at ? { removedAt: r.removed_at } : {}),
  lastPostEventId: Number(r.last_post_event_id),
  createdAt: r.created_at,
});

function parseList(json: string): number[] {
  try {
    const v: unknown = JSON.parse(json);
    return Array.isArray(v) ? v.filter((x): x is number => Number.isInteger(x)) : [];
  } catch {
    return [];
  }
}

const toState = (r: StepRow): StepState => {
  const state: StepState = {
    stepId: r.step_id,
    status: r.status,
    checkedActivities: parseList(r.checked_activities),
  };
  if (r.owner_user_id) state.ownerUserId = r.owner_user_id;
  if (r.started_at) state.startedAt = r.started_at;
  if (r.completed_at) state.completedAt = r.completed_at;
  if (r.blocked_reason) state.blockedReason = r.blocked_reason;
  return state;
};

const parseJson = (text: string | null): unknown => (text === null ? null : JSON.parse(text));

const toEvent = (r: EventRow): ProgressEvent => ({
  id: Number(r.id),
  trackerId: Number(r.tracker_id),
  at: r.at,
  userId: r.user_id,
  source: r.source,
  kind: r.kind as EventKind,
  ...(r.guide_id ? { guideId: r.guide_id } : {}),
  ...(r.step_id ? { stepId: r.step_id } : {}),
  before: parseJson(r.before_json),
  after: parseJson(r.after_json),
});

const trackerSettings = (t: Tracker) => ({ guideId: t.guideId, startDate: t.startDate, daily: t.daily });

/**
 * Trackers, steps with their log, and daily claims, on either engine. Every change and its event row are
 * written in one transaction. What makes read-check-write safe differs by engine and is decided in
 * `lockTracker` alone: on SQLite every transaction is IMMEDIATE (the file's write lock, see
 * sqlite-driver.ts); on PostgreSQL the tracker's row is locked with SELECT … FOR UPDATE, so two replicas
 * changing the same channel's steps take turns.
 */
export class SqlProgressStore implements TrackerStore, StepStore, ClaimStore {
  constructor(
    private readonly db: Kysely<Database>,
    private readonly engine: Engine,
  ) {}

  private async lockTracker(trx: Transaction<Database>, id: number): Promise<TrackerRow | undefined> {
    const q = trx.selectFrom('progress_trackers').selectAll().where('id', '=', id);
    return (this.engine === 'postgres' ? q.forUpdate() : q).executeTakeFirst();
  }

  private async logEvent(
    db: Db,
    trackerId: number,
    actor: Actor,
    kind: EventKind,
    before: unknown,
    after: unknown,
    step?: { guideId: string; stepId: string },
  ): Promise<void> {
    await db
      .insertInto('progress_events')
      .values({
        tracker_id: trackerId,
        at: actor.at,
        user_id: actor.userId,
        source: actor.source,
        kind,
        guide_id: step?.guideId ?? null,
        step_id: step?.stepId ?? null,
        before_json: before === undefined ? null : JSON.stringify(before),
        after_json: after === undefined ? null : JSON.stringify(after),
      })
      .execute();
  }

  private async trackerIn(db: Db, teamId: string, channelId: string): Promise<Tracker | undefined> {
    const row = await db
      .selectFrom('progress_trackers')
      .selectAll()
      .where('team_id', '=', teamId)
      .where('channel_id', '=', channelId)
      .executeTakeFirst();
    return row ? toTracker(row) : undefined;
  }

  async getTracker(teamId: string, channelId: string): Promise<Tracker | undefined> {
    return this.trackerIn(this.db, teamId, channelId);
  }

  async getTrackerById(id: number): Promise<Tracker | undefined> {
    const row = await this.db
      .selectFrom('progress_trackers')
      .selectAll()
      .where('id', '=', id)
      .executeTakeFirst();
    return row ? toTracker(row) : undefined;
  }

  async listTrackers(opts: { dailyEnabled?: boolean } = {}): Promise<Tracker[]> {
    const rows = await this.db
      .selectFrom('progress_trackers')
      .selectAll()
      .where('removed_at', 'is', null)
      .$if(opts.dailyEnabled === true, (q) => q.where('daily_enabled', '=', 1))
      .orderBy('id')
      .execute();
    return rows.map(toTracker);
  }

  async createTracker(
    init: { teamId: string; channelId: string; guideId: string; startDate: IsoDate },
    actor: Actor,
  ): Promise<Tracker> {
    return this.db.transaction().execute(async (trx) => {
      // Insert-or-nothing: two replicas creating the same channel's tracker get one row and one event.
      const row = await trx
        .insertInto('progress_trackers')
        .values({
          team_id: init.teamId,
          channel_id: init.channelId,
          guide_id: init.guideId,
          start_date: init.startDate,
          created_at: actor.at,
        })
        .onConflict((oc) => oc.columns(['team_id', 'channel_id']).doNothing())
        .returningAll()
        .executeTakeFirst();
      if (!row) {
        const existing = await this.trackerIn(trx, init.teamId, init.channelId);
        if (!existing) throw new Error('tracker insert failed');
        return existing;
      }
      const tracker = toTracker(row);
      await this.logEvent(trx, tracker.id, actor, 'tracker.created', null, trackerSettings(tracker));
      return tracker;
    });
  }

  async updateTracker(id: number, patch: TrackerPatch, kind: EventKind, actor: Actor): Promise<Tracker> {
    return this.db.transaction().execute(async (trx) => {
      const row = await this.lockTracker(trx, id);
      if (!row) throw new Error(`unknown tracker ${id}`);
      const before = toTracker(row);
      const daily = patch.daily ?? before.daily;
      const removedAt = patch.removedAt === undefined ? (before.removedAt ?? null) : patch.removedAt;
      const updated = await trx
        .updateTable('progress_trackers')
        .set({
          guide_id: patch.guideId ?? before.guideId,
          start_date: patch.startDate ?? before.startDate,
          daily_enabled: daily.enabled ? 1 : 0,
          daily_time: daily.time,
          daily_days: daily.days.join(','),
          quiet_mode: daily.quiet,
          removed_at: removedAt,
        })
        .where('id', '=', id)
        .returningAll()
        .executeTakeFirstOrThrow();
      const after = toTracker(updated);
      await this.logEvent(
        trx,
        id,
        actor,
        kind,
        { ...trackerSettings(before), removedAt: before.removedAt ?? null },
        { ...trackerSettings(after), removedAt: after.removedAt ?? null },
      );
      return after;
    });
  }

  async stepStates(trackerId: number, guideId: string): Promise<Map<string, StepState>> {
    const rows = await this.db
      .selectFrom('progress_steps')
      .selectAll()
      .where('tracker_id', '=', trackerId)
      .where('guide_id', '=', guideId)
      .execute();
    return new Map(rows.map((r) => [r.step_id, toState(r)]));
  }

  async changeStep(
    trackerId: number,
    guideId: string,
    stepId: string,
    kind: EventKind,
    actor: Actor,
    change: StepChangeFn,
  ): Promise<StepChange> {
    return this.db.transaction().execute(async (trx): Promise<StepChange> => {
      if (!(await this.lockTracker(trx, trackerId))) throw new Error(`unknown tracker ${trackerId}`);
      const row = await trx
        .selectFrom('progress_steps')
        .selectAll()
        .where('tracker_id', '=', trackerId)
        .where('guide_id', '=', guideId)
        .where('step_id', '=', stepId)
        .executeTakeFirst();
      const before = row ? toState(row) : initialState(stepId);
      const result = change(before);
      if (!result.ok) return result;
      const next = result.next;
      const values = {
        status: next.status,
        owner_user_id: next.ownerUserId ?? null,
        started_at: next.startedAt ?? null,
        completed_at: next.completedAt ?? null,
        blocked_reason: next.blockedReason ?? null,
        checked_activities: JSON.stringify([...next.checkedActivities].sort((a, b) => a - b)),
        updated_at: actor.at,
      };
      await trx
        .insertInto('progress_steps')
        .values({ tracker_id: trackerId, guide_id: guideId, step_id: stepId, ...values })
        .onConflict((oc) => oc.columns(['tracker_id', 'guide_id', 'step_id']).doUpdateSet(values))
        .execute();
      await this.logEvent(trx, trackerId, actor, kind, before, next, { guideId, stepId });
      return result;
    });
  }

  async trackersOfUser(teamId: string, userId: string): Promise<Tracker[]> {
    const rows = await this.db
      .selectFrom('progress_trackers as t')
      .selectAll('t')
      .where('t.team_id', '=', teamId)
      .where('t.removed_at', 'is', null)
      .where((eb) =>
        eb.or([
          eb.exists(
            eb
              .selectFrom('progress_steps as s')
              .select('s.step_id')
              .whereRef('s.tracker_id', '=', 't.id')
              .where('s.owner_user_id', '=', userId),
          ),
          eb.exists(
            eb
              .selectFrom('progress_events as e')
              .select('e.id')
              .whereRef('e.tracker_id', '=', 't.id')
              .where('e.user_id', '=', userId),
          ),
        ]),
      )
      .orderBy('t.id')
      .execute();
    return rows.map(toTracker);
  }

  async ownedSteps(teamId: string, userId: string): Promise<Array<{ tracker: Tracker; state: StepState }>> {
    const rows = await this.db
      .selectFrom('progress_steps as s')
      .innerJoin('progress_trackers as t', (j) =>
        j.onRef('t.id', '=', 's.tracker_id').onRef('t.guide_id', '=', 's.guide_id'),
      )
      .selectAll('s')
      .where('t.team_id', '=', teamId)
      .where('s.owner_user_id', '=', userId)
      .where('t.removed_at', 'is', null)
      .where('s.status', '<>', 'completado')
      .orderBy('t.id')
      .orderBy('s.step_id')
      .execute();
    const trackers = new Map<number, Tracker | undefined>();
    const out: Array<{ tracker: Tracker; state: StepState }> = [];
    for (const row of rows) {
      const tid = Number(row.tracker_id);
      if (!trackers.has(tid)) trackers.set(tid, await this.getTrackerById(tid));
      const tracker = trackers.get(tid);
      if (tracker) out.push({ tracker, state: toState(row) });
    }
    return out;
  }

  async events(trackerId: number, opts: EventQuery = {}): Promise<ProgressEvent[]> {
    if (opts.kinds && opts.kinds.length === 0) return [];
    const { stepId, afterId, upToId, kinds, limit } = opts;
    const rows = await this.db
      .selectFrom('progress_events')
      .selectAll()
      .where('tracker_id', '=', trackerId)
      .$if(stepId !== undefined, (q) => q.where('step_id', '=', stepId ?? ''))
      .$if(afterId !== undefined, (q) => q.where('id', '>', afterId ?? 0))
      .$if(upToId !== undefined, (q) => q.where('id', '<=', upToId ?? 0))
      .$if(kinds !== undefined, (q) => q.where('kind', 'in', kinds ?? []))
      .orderBy('id', afterId !== undefined ? 'asc' : 'desc')
      .$if(limit !== undefined, (q) => q.limit(limit ?? 0))
      .execute();
    return rows.map(toEvent);
  }

  async lastEventId(trackerId: number): Promise<number> {
    const row = await this.db
      .selectFrom('progress_events')
      .select((eb) => eb.fn.max('id').as('id'))
      .where('tracker_id', '=', trackerId)
      .executeTakeFirst();
    return Number(row?.id ?? 0);
  }

  async claim(key: ClaimKey, runner: string, at: string): Promise<boolean> {
    const { trackerId, key: localDate } = dailyOnly(key);
    // Insert-or-nothing first; a post Slack refused may then be taken again, by one runner only (the
    // conditional update re-checks the status under the row lock).
    const inserted = await this.db
      .insertInto('progress_daily_claims')
      .values({
        tracker_id: trackerId,
        local_date: localDate,
        status: 'claimed',
        claimed_by: runner,
        claimed_at: at,
      })
      .onConflict((oc) => oc.columns(['tracker_id', 'local_date']).doNothing())
      .returning('tracker_id')
      .executeTakeFirst();
    if (inserted) return true;
    // A "claimed" row whose runner died is never taken over: we cannot know whether Slack got the
    // message, and twice is worse than not at all. Only a post Slack refused is tried again.
    const retried = await this.db
      .updateTable('progress_daily_claims')
      .set((eb) => ({
        status: 'claimed',
        claimed_by: runner,
        claimed_at: at,
        attempts: eb('attempts', '+', 1),
      }))
      .where('tracker_id', '=', trackerId)
      .where('local_date', '=', localDate)
      .where('status', '=', 'failed')
      .where('attempts', '<', MAX_CLAIM_ATTEMPTS)
      .returning('tracker_id')
      .executeTakeFirst();
    return retried !== undefined;
  }

  async finish(key: ClaimKey, outcome: ClaimOutcome, at: string): Promise<void> {
    const { trackerId, key: localDate } = dailyOnly(key);
    await this.db.transaction().execute(async (trx) => {
      await trx
        .updateTable('progress_daily_claims')
        .set({
          status: outcome.status,
          finished_at: at,
          message_ts: outcome.status === 'posted' ? (outcome.messageTs ?? null) : null,
          error: outcome.status === 'failed' ? outcome.error : null,
        })
        .where('tracker_id', '=', trackerId)
        .where('local_date', '=', localDate)
        .execute();
      if (outcome.status !== 'failed') {
        // Forward only.
        await trx
          .updateTable('progress_trackers')
          .set({ last_post_event_id: outcome.watermark })
          .where('id', '=', trackerId)
          .where('last_post_event_id', '<', outcome.watermark)
          .execute();
      }
    });
  }

  async releaseSkip(key: ClaimKey, runner: string): Promise<boolean> {
    const { trackerId, key: localDate } = dailyOnly(key);
    const result = await this.db
      .deleteFrom('progress_daily_claims')
      .where('tracker_id', '=', trackerId)
      .where('local_date', '=', localDate)
      .where('status', '=', 'skipped')
      .where('claimed_by', '=', runner)
      .executeTakeFirst();
    return Number(result.numDeletedRows) > 0;
  }

  async getClaim(key: ClaimKey): Promise<Claim | undefined> {
    const { trackerId, key: localDate } = dailyOnly(key);
    const row = await this.db
      .selectFrom('progress_daily_claims')
      .selectAll()
      .where('tracker_id', '=', trackerId)
      .where('local_date', '=', localDate)
      .executeTakeFirst();
    if (!row) return undefined;
    return {
      kind: key.kind,
      trackerId: Number(row.tracker_id),
      key: row.local_date,
      status: row.status,
      claimedBy: row.claimed_by,
      attempts: Number(row.attempts),
      ...(row.error ? { error: row.error } : {}),
    };
  }
}

/** Only daily claims have a table so far; a new kind gets its own table or a `kind` column here. */
function dailyOnly(key: ClaimKey): ClaimKey {
  if (key.kind !== 'daily') throw new Error(`unsupported claim kind ${String(key.kind)}`);
  return key;
}
