import type Database from 'better-sqlite3';
import {
  type CoordinationActor,
  type CoordinationChannel,
  type CoordinationEvent,
  type CoordinationEventKind,
  type CoordinationStore,
  MAX_WEEKLY_ATTEMPTS,
  type WeeklyClaim,
  type WeeklyClaimKey,
  type WeeklyClaimStatus,
} from '../../ports/coordination.ts';
import type { WeeklySettings } from '../../schedule/weekly-rule.ts';

interface ChannelRow {
  team_id: string;
  channel_id: string;
  set_by: string;
  set_at: string;
}
interface WeeklyRow {
  team_id: string;
  channel_id: string;
  enabled: number;
  day: number;
  time: string;
}
interface ClaimRow {
  team_id: string;
  channel_id: string;
  week: string;
  status: WeeklyClaimStatus;
  claimed_by: string;
  attempts: number;
  error: string | null;
  message_ts: string | null;
}
interface EventRow {
  id: number;
  team_id: string;
  channel_id: string;
  at: string;
  user_id: string;
  source: string;
  kind: CoordinationEventKind;
  before_json: string | null;
  after_json: string | null;
}

const channelOf = (r: ChannelRow): CoordinationChannel => ({
  teamId: r.team_id,
  channelId: r.channel_id,
  setBy: r.set_by,
  setAt: r.set_at,
});
const settingsOf = (r: WeeklyRow): WeeklySettings => ({ enabled: r.enabled === 1, day: r.day, time: r.time });
const parseJson = (text: string | null): unknown => {
  if (text === null) return null;
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
};

/**
 * The coordination port on the bot's SQLite file (tables of migration 020). Each change and its event are
 * one IMMEDIATE transaction, so two runners (two processes on one file) claim a week's post only once.
 */
export function createSqliteCoordinationStore(db: Database.Database): CoordinationStore {
  const logEvent = (
    teamId: string,
    channelId: string,
    kind: CoordinationEventKind,
    actor: CoordinationActor,
    before: unknown,
    after: unknown,
  ) =>
    db
      .prepare(
        `INSERT INTO coordination_events (team_id, channel_id, at, user_id, source, kind, before_json, after_json)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(
        teamId,
        channelId,
        actor.at,
        actor.userId,
        actor.source,
        kind,
        JSON.stringify(before),
        JSON.stringify(after),
      );

  const claimRow = (k: WeeklyClaimKey): ClaimRow | undefined =>
    db
      .prepare(
        `SELECT team_id, channel_id, week, status, claimed_by, attempts, error, message_ts
         FROM coordination_weekly_claims WHERE team_id = ? AND channel_id = ? AND week = ?`,
      )
      .get(k.teamId, k.channelId, k.week) as ClaimRow | undefined;

  return {
    async institutions(teamId) {
      const rows = db
        .prepare('SELECT tracker_id, name FROM coordination_institutions WHERE team_id = ?')
        .all(teamId) as Array<{ tracker_id: number; name: string }>;
      return new Map(rows.map((r) => [r.tracker_id, r.name]));
    },
    async institutionOf(trackerId) {
      const row = db
        .prepare('SELECT name FROM coordination_institutions WHERE tracker_id = ?')
        .get(trackerId) as { name: string } | undefined;
      return row?.name;
    },
    async setInstitution(tracker, name, actor) {
      return db
        .transaction(() => {
          const row = db
            .prepare('SELECT name FROM coordination_institutions WHERE tracker_id = ?')
            .get(tracker.id) as { name: string } | undefined;
          if (name === null) {
            db.prepare('DELETE FROM coordination_institutions WHERE tracker_id = ?').run(tracker.id);
          } else {
            db.prepare(
              `INSERT INTO coordination_institutions (tracker_id, team_id, name, set_by, set_at) VALUES (?, ?, ?, ?, ?)
               ON CONFLICT (tracker_id) DO UPDATE SET name = excluded.name, set_by = excluded.set_by, set_at = excluded.set_at`,
            ).run(tracker.id, tracker.teamId, name, actor.userId, actor.at);
          }
          logEvent(
            tracker.teamId,
            tracker.channelId,
            'tracker.institution',
            actor,
            { trackerId: tracker.id, name: row?.name ?? null },
            { trackerId: tracker.id, name },
          );
          return row ? { before: row.name } : {};
        })
        .immediate();
    },
    async coordinationChannel(teamId) {
      const row = db.prepare('SELECT * FROM coordination_channels WHERE team_id = ?').get(teamId) as
        | ChannelRow
        | undefined;
      return row && channelOf(row);
    },
    async setCoordinationChannel(teamId, channelId, actor) {
      return db
        .transaction(() => {
          const row = db.prepare('SELECT * FROM coordination_channels WHERE team_id = ?').get(teamId) as
            | ChannelRow
            | undefined;
          db.prepare(
            `INSERT INTO coordination_channels (team_id, channel_id, set_by, set_at) VALUES (?, ?, ?, ?)
             ON CONFLICT (team_id) DO UPDATE SET channel_id = excluded.channel_id, set_by = excluded.set_by, set_at = excluded.set_at`,
          ).run(teamId, channelId, actor.userId, actor.at);
          logEvent(teamId, channelId, 'coordination.channel', actor, row?.channel_id ?? null, channelId);
          return row ? { previous: channelOf(row) } : {};
        })
        .immediate();
    },
    async weekly(teamId, channelId) {
      const row = db
        .prepare('SELECT * FROM coordination_weekly WHERE team_id = ? AND channel_id = ?')
        .get(teamId, channelId) as WeeklyRow | undefined;
      return row && settingsOf(row);
    },
    async setWeekly(teamId, channelId, settings, actor) {
      db.transaction(() => {
        const row = db
          .prepare('SELECT * FROM coordination_weekly WHERE team_id = ? AND channel_id = ?')
          .get(teamId, channelId) as WeeklyRow | undefined;
        db.prepare(
          `INSERT INTO coordination_weekly (team_id, channel_id, enabled, day, time, updated_at) VALUES (?, ?, ?, ?, ?, ?)
           ON CONFLICT (team_id, channel_id) DO UPDATE SET enabled = excluded.enabled, day = excluded.day,
             time = excluded.time, updated_at = excluded.updated_at`,
        ).run(teamId, channelId, settings.enabled ? 1 : 0, settings.day, settings.time, actor.at);
        logEvent(teamId, channelId, 'weekly.settings', actor, row ? settingsOf(row) : null, settings);
      }).immediate();
    },
    async listWeekly() {
      const rows = db
        .prepare('SELECT * FROM coordination_weekly WHERE enabled = 1 ORDER BY team_id, channel_id')
        .all() as WeeklyRow[];
      return rows.map((r) => ({ teamId: r.team_id, channelId: r.channel_id, settings: settingsOf(r) }));
    },
    async claimWeekly(key, runner, at) {
      return db
        .transaction((): boolean => {
          const claim = claimRow(key);
          if (!claim) {
            db.prepare(
              `INSERT INTO coordination_weekly_claims (team_id, channel_id, week, status, claimed_by, claimed_at)
               VALUES (?, ?, ?, 'claimed', ?, ?)`,
            ).run(key.teamId, key.channelId, key.week, runner, at);
            return true;
          }
          // Never take over a "claimed" row: its runner may have posted before dying. Only a refused post is retried.
          if (claim.status !== 'failed' || claim.attempts >= MAX_WEEKLY_ATTEMPTS) return false;
          db.prepare(
            `UPDATE coordination_weekly_claims SET status = 'claimed', claimed_by = ?, claimed_at = ?, attempts = attempts + 1
             WHERE team_id = ? AND channel_id = ? AND week = ? AND status = 'failed'`,
          ).run(runner, at, key.teamId, key.channelId, key.week);
          return true;
        })
        .immediate();
    },
    async finishWeekly(key, outcome, at) {
      db.prepare(
        `UPDATE coordination_weekly_claims SET status = ?, finished_at = ?, message_ts = ?, error = ?
         WHERE team_id = ? AND channel_id = ? AND week = ?`,
      ).run(
        outcome.status,
        at,
        outcome.status === 'posted' ? (outcome.messageTs ?? null) : null,
        outcome.status === 'failed' ? outcome.error : outcome.status === 'skipped' ? outcome.reason : null,
        key.teamId,
        key.channelId,
        key.week,
      );
    },
    async getWeeklyClaim(key) {
      const row = claimRow(key);
      if (!row) return undefined;
      const claim: WeeklyClaim = {
        teamId: row.team_id,
        channelId: row.channel_id,
        week: row.week,
        status: row.status,
        claimedBy: row.claimed_by,
        attempts: row.attempts,
        ...(row.error ? { error: row.error } : {}),
        ...(row.message_ts ? { messageTs: row.message_ts } : {}),
      };
      return claim;
    },
    async events(teamId, opts = {}) {
      const rows = db
        .prepare(`SELECT * FROM coordination_events WHERE team_id = ? ORDER BY id DESC LIMIT ?`)
        .all(teamId, opts.limit ?? -1) as EventRow[];
      return rows.map(
        (r): CoordinationEvent => ({
          id: r.id,
          teamId: r.team_id,
          channelId: r.channel_id,
          at: r.at,
          userId: r.user_id,
          source: r.source,
          kind: r.kind,
          before: parseJson(r.before_json),
          after: parseJson(r.after_json),
        }),
      );
    },
  };
}
