import {
  type Claim,
  type ClaimKey,
  type ClaimOutcome,
  type ClaimStatus,
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
import { initialState, type Status, type StepState, type Tracker } from '../../progress/model.ts';
import type { Db } from './db.ts';

interface TrackerRow {
  id: number;
  team_id: string;
  channel_id: string;
  guide_id: string;
  start_date: string;
  daily_enabled: number;
  daily_time: string;
  daily_days: string;
  quiet_mode: 'linea' | 'nada';
  removed_at: string | null;
  last_post_event_id: number;
  created_at: string;
}

interface StepRow {
  step_id: string;
  status: Status;
  owner_user_id: string | null;
  started_at: string | null;
  completed_at: string | null;
  blocked_reason: string | null;
  checked_activities: string;
}

interface EventRow {
  id: number;
  tracker_id: number;
  at: string;
  user_id: string;
  source: string;
  kind: EventKind;
  guide_id: string | null;
  step_id: string | null;
  before_json: string | null;
  after_json: string | null;
}

interface ClaimRow {
  tracker_id: number;
  local_date: string;
  status: ClaimStatus;
  claimed_by: string;
  attempts: number;
  error: string | null;
}

const toTracker = (r: TrackerRow): Tracker => ({
  id: r.id,
  teamId: r.team_id,
  channelId: r.channel_id,
  guideId: r.guide_id,
  startDate: r.start_date,
  daily: {
    enabled: r.daily_enabled === 1,
    time: r.daily_time,
    days: r.daily_days.split(',').filter(Boolean).map(Number),
    quiet: r.quiet_mode,
  },
  ...(r.removed_at ? { removedAt: r.removed_at } : {}),
  lastPostEventId: r.last_post_event_id,
  createdAt: r.created_at,
});

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

function parseList(json: string): number[] {
  try {
    const v: unknown = JSON.parse(json);
    return Array.isArray(v) ? v.filter((x): x is number => Number.isInteger(x)) : [];
  } catch {
    return [];
  }
}

const parseJson = (text: string | null): unknown => (text === null ? null : JSON.parse(text));

const toEvent = (r: EventRow): ProgressEvent => ({
  id: r.id,
  trackerId: r.tracker_id,
  at: r.at,
  userId: r.user_id,
  source: r.source,
  kind: r.kind,
  ...(r.guide_id ? { guideId: r.guide_id } : {}),
  ...(r.step_id ? { stepId: r.step_id } : {}),
  before: parseJson(r.before_json),
  after: parseJson(r.after_json),
});

const trackerSettings = (t: Tracker) => ({ guideId: t.guideId, startDate: t.startDate, daily: t.daily });

/**
 * Trackers, steps with their log, and daily claims on one SQLite file: every change and its event row go
 * in one IMMEDIATE transaction. better-sqlite3 is synchronous; the port methods wrap it in Promises, and the
 * private `*Now` helpers are what a transaction calls inside.
 */
export class SqliteProgressStore implements TrackerStore, StepStore, ClaimStore {
  constructor(private readonly db: Db) {}

  private logEvent(
    trackerId: number,
    actor: Actor,
    kind: EventKind,
    before: unknown,
    after: unknown,
    step?: { guideId: string; stepId: string },
  ): void {
    this.db
      .prepare(
        `INSERT INTO progress_events (tracker_id, at, user_id, source, kind, guide_id, step_id, before_json, after_json)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(
        trackerId,
        actor.at,
        actor.userId,
        actor.source,
        kind,
        step?.guideId ?? null,
        step?.stepId ?? null,
        before === undefined ? null : JSON.stringify(before),
        after === undefined ? null : JSON.stringify(after),
      );
  }

  private trackerNow(teamId: string, channelId: string): Tracker | undefined {
    const row = this.db
      .prepare('SELECT * FROM progress_trackers WHERE team_id = ? AND channel_id = ?')
      .get(teamId, channelId) as TrackerRow | undefined;
    return row ? toTracker(row) : undefined;
  }

  private trackerByIdNow(id: number): Tracker | undefined {
    const row = this.db.prepare('SELECT * FROM progress_trackers WHERE id = ?').get(id) as
      | TrackerRow
      | undefined;
    return row ? toTracker(row) : undefined;
  }

  async getTracker(teamId: string, channelId: string): Promise<Tracker | undefined> {
    return this.trackerNow(teamId, channelId);
  }

  async getTrackerById(id: number): Promise<Tracker | undefined> {
    return this.trackerByIdNow(id);
  }

  async listTrackers(opts: { dailyEnabled?: boolean } = {}): Promise<Tracker[]> {
    const daily = opts.dailyEnabled ? ' AND daily_enabled = 1' : '';
    const rows = this.db
      .prepare(`SELECT * FROM progress_trackers WHERE removed_at IS NULL${daily} ORDER BY id`)
      .all() as TrackerRow[];
    return rows.map(toTracker);
  }

  async createTracker(
    init: { teamId: string; channelId: string; guideId: string; startDate: IsoDate },
    actor: Actor,
  ): Promise<Tracker> {
    return this.db
      .transaction(() => {
        const existing = this.trackerNow(init.teamId, init.channelId);
        if (existing) return existing;
        const { lastInsertRowid } = this.db
          .prepare(
            'INSERT INTO progress_trackers (team_id, channel_id, guide_id, start_date, created_at) VALUES (?, ?, ?, ?, ?)',
          )
          .run(init.teamId, init.channelId, init.guideId, init.startDate, actor.at);
        const tracker = this.trackerByIdNow(Number(lastInsertRowid));
        if (!tracker) throw new Error('tracker insert failed');
        this.logEvent(tracker.id, actor, 'tracker.created', null, trackerSettings(tracker));
        return tracker;
      })
      .immediate();
  }

  async updateTracker(id: number, patch: TrackerPatch, kind: EventKind, actor: Actor): Promise<Tracker> {
    return this.db
      .transaction(() => {
        const before = this.trackerByIdNow(id);
        if (!before) throw new Error(`unknown tracker ${id}`);
        const daily = patch.daily ?? before.daily;
        const removedAt = patch.removedAt === undefined ? (before.removedAt ?? null) : patch.removedAt;
        this.db
          .prepare(
            `UPDATE progress_trackers SET guide_id = ?, start_date = ?, daily_enabled = ?, daily_time = ?,
               daily_days = ?, quiet_mode = ?, removed_at = ? WHERE id = ?`,
          )
          .run(
            patch.guideId ?? before.guideId,
            patch.startDate ?? before.startDate,
            daily.enabled ? 1 : 0,
            daily.time,
            daily.days.join(','),
            daily.quiet,
            removedAt,
            id,
          );
        const after = this.trackerByIdNow(id);
        if (!after) throw new Error(`unknown tracker ${id}`);
        this.logEvent(
          id,
          actor,
          kind,
          { ...trackerSettings(before), removedAt: before.removedAt ?? null },
          { ...trackerSettings(after), removedAt: after.removedAt ?? null },
        );
        return after;
      })
      .immediate();
  }

  async stepStates(trackerId: number, guideId: string): Promise<Map<string, StepState>> {
    const rows = this.db
      .prepare('SELECT * FROM progress_steps WHERE tracker_id = ? AND guide_id = ?')
      .all(trackerId, guideId) as StepRow[];
    return new Map(rows.map((r) => [r.step_id, toState(r)]));
  }

  private stepState(trackerId: number, guideId: string, stepId: string): StepState {
    const row = this.db
      .prepare('SELECT * FROM progress_steps WHERE tracker_id = ? AND guide_id = ? AND step_id = ?')
      .get(trackerId, guideId, stepId) as StepRow | undefined;
    return row ? toState(row) : initialState(stepId);
  }

  async changeStep(
    trackerId: number,
    guideId: string,
    stepId: string,
    kind: EventKind,
    actor: Actor,
    change: StepChangeFn,
  ): Promise<StepChange> {
    return this.db
      .transaction((): StepChange => {
        const before = this.stepState(trackerId, guideId, stepId);
        const result = change(before);
        if (!result.ok) return result;
        const next = result.next;
        this.db
          .prepare(
            `INSERT INTO progress_steps (tracker_id, guide_id, step_id, status, owner_user_id, started_at,
               completed_at, blocked_reason, checked_activities, updated_at)
             VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
             ON CONFLICT (tracker_id, guide_id, step_id) DO UPDATE SET status = excluded.status,
               owner_user_id = excluded.owner_user_id, started_at = excluded.started_at,
               completed_at = excluded.completed_at, blocked_reason = excluded.blocked_reason,
               checked_activities = excluded.checked_activities, updated_at = excluded.updated_at`,
          )
          .run(
            trackerId,
            guideId,
            stepId,
            next.status,
            next.ownerUserId ?? null,
            next.startedAt ?? null,
            next.completedAt ?? null,
            next.blockedReason ?? null,
            JSON.stringify([...next.checkedActivities].sort((a, b) => a - b)),
            actor.at,
          );
        this.logEvent(trackerId, actor, kind, before, next, { guideId, stepId });
        return result;
      })
      .immediate();
  }

  async trackersOfUser(teamId: string, userId: string): Promise<Tracker[]> {
    const rows = this.db
      .prepare(
        `SELECT * FROM progress_trackers t
         WHERE t.team_id = ? AND t.removed_at IS NULL
           AND (EXISTS (SELECT 1 FROM progress_steps s WHERE s.tracker_id = t.id AND s.owner_user_id = ?)
             OR EXISTS (SELECT 1 FROM progress_events e WHERE e.tracker_id = t.id AND e.user_id = ?))
         ORDER BY t.id`,
      )
      .all(teamId, userId, userId) as TrackerRow[];
    return rows.map(toTracker);
  }

  async ownedSteps(teamId: string, userId: string): Promise<Array<{ tracker: Tracker; state: StepState }>> {
    const rows = this.db
      .prepare(
        `SELECT s.*, s.tracker_id AS tid FROM progress_steps s
           JOIN progress_trackers t ON t.id = s.tracker_id AND t.guide_id = s.guide_id
         WHERE t.team_id = ? AND s.owner_user_id = ? AND t.removed_at IS NULL AND s.status <> 'completado'
         ORDER BY t.id, s.step_id`,
      )
      .all(teamId, userId) as Array<StepRow & { tid: number }>;
    const trackers = new Map<number, Tracker | undefined>();
    const out: Array<{ tracker: Tracker; state: StepState }> = [];
    for (const row of rows) {
      if (!trackers.has(row.tid)) trackers.set(row.tid, this.trackerByIdNow(row.tid));
      const tracker = trackers.get(row.tid);
      if (tracker) out.push({ tracker, state: toState(row) });
    }
    return out;
  }

  async events(trackerId: number, opts: EventQuery = {}): Promise<ProgressEvent[]> {
    const where = ['tracker_id = ?'];
    const args: Array<string | number> = [trackerId];
    if (opts.stepId) {
      where.push('step_id = ?');
      args.push(opts.stepId);
    }
    if (opts.afterId !== undefined) {
      where.push('id > ?');
      args.push(opts.afterId);
    }
    if (opts.upToId !== undefined) {
      where.push('id <= ?');
      args.push(opts.upToId);
    }
    if (opts.kinds) {
      where.push(`kind IN (${opts.kinds.map(() => '?').join(', ') || 'NULL'})`);
      args.push(...opts.kinds);
    }
    const order = opts.afterId !== undefined ? 'ASC' : 'DESC';
    args.push(opts.limit ?? -1);
    const rows = this.db
      .prepare(`SELECT * FROM progress_events WHERE ${where.join(' AND ')} ORDER BY id ${order} LIMIT ?`)
      .all(...args) as EventRow[];
    return rows.map(toEvent);
  }

  async lastEventId(trackerId: number): Promise<number> {
    const row = this.db
      .prepare('SELECT COALESCE(MAX(id), 0) AS id FROM progress_events WHERE tracker_id = ?')
      .get(trackerId) as { id: number };
    return row.id;
  }

  async claim(key: ClaimKey, runner: string, at: string): Promise<boolean> {
    const { trackerId, key: localDate } = dailyOnly(key);
    return this.db
      .transaction((): boolean => {
        const claim = this.claimNow(key);
        if (!claim) {
          this.db
            .prepare(
              `INSERT INTO progress_daily_claims (tracker_id, local_date, status, claimed_by, claimed_at)
               VALUES (?, ?, 'claimed', ?, ?)`,
            )
            .run(trackerId, localDate, runner, at);
          return true;
        }
        // A "claimed" row whose runner died is never taken over: we cannot know whether Slack got the
        // message, and twice is worse than not at all. Only a post Slack refused is tried again.
        if (claim.status !== 'failed' || claim.attempts >= MAX_CLAIM_ATTEMPTS) return false;
        this.db
          .prepare(
            `UPDATE progress_daily_claims SET status = 'claimed', claimed_by = ?, claimed_at = ?,
               attempts = attempts + 1 WHERE tracker_id = ? AND local_date = ? AND status = 'failed'`,
          )
          .run(runner, at, trackerId, localDate);
        return true;
      })
      .immediate();
  }

  async finish(key: ClaimKey, outcome: ClaimOutcome, at: string): Promise<void> {
    const { trackerId, key: localDate } = dailyOnly(key);
    this.db
      .transaction(() => {
        this.db
          .prepare(
            `UPDATE progress_daily_claims SET status = ?, finished_at = ?, message_ts = ?, error = ?
             WHERE tracker_id = ? AND local_date = ?`,
          )
          .run(
            outcome.status,
            at,
            outcome.status === 'posted' ? (outcome.messageTs ?? null) : null,
            outcome.status === 'failed' ? outcome.error : null,
            trackerId,
            localDate,
          );
        if (outcome.status !== 'failed') {
          this.db
            .prepare(
              'UPDATE progress_trackers SET last_post_event_id = MAX(last_post_event_id, ?) WHERE id = ?',
            )
            .run(outcome.watermark, trackerId);
        }
      })
      .immediate();
  }

  async releaseSkip(key: ClaimKey, runner: string): Promise<boolean> {
    const { trackerId, key: localDate } = dailyOnly(key);
    const result = this.db
      .prepare(
        `DELETE FROM progress_daily_claims
         WHERE tracker_id = ? AND local_date = ? AND status = 'skipped' AND claimed_by = ?`,
      )
      .run(trackerId, localDate, runner);
    return result.changes > 0;
  }

  async getClaim(key: ClaimKey): Promise<Claim | undefined> {
    return this.claimNow(key);
  }

  private claimNow(key: ClaimKey): Claim | undefined {
    const { trackerId, key: localDate } = dailyOnly(key);
    const row = this.db
      .prepare('SELECT * FROM progress_daily_claims WHERE tracker_id = ? AND local_date = ?')
      .get(trackerId, localDate) as ClaimRow | undefined;
    if (!row) return undefined;
    return {
      kind: key.kind,
      trackerId: row.tracker_id,
      key: row.local_date,
      status: row.status,
      claimedBy: row.claimed_by,
      attempts: row.attempts,
      ...(row.error ? { error: row.error } : {}),
    };
  }
}

/** Only daily claims have a table so far; a new kind gets its own table or a `kind` column here. */
function dailyOnly(key: ClaimKey): ClaimKey {
  if (key.kind !== 'daily') throw new Error(`unsupported claim kind ${String(key.kind)}`);
  return key;
}
