import type { Kysely, Selectable, Transaction } from 'kysely';
import {
  type CoordinationActor,
  type CoordinationChannel,
  type CoordinationEventKind,
  type CoordinationStore,
  MAX_WEEKLY_ATTEMPTS,
  type WeeklyClaim,
  type WeeklyClaimKey,
} from '../../ports/coordination.ts';
import type { WeeklySettings } from '../../schedule/weekly-rule.ts';
import type { CoordinationChannelsTable, CoordinationWeeklyTable, Database } from './schema.ts';

type Db = Kysely<Database> | Transaction<Database>;

const channelOf = (r: Selectable<CoordinationChannelsTable>): CoordinationChannel => ({
  teamId: r.team_id,
  channelId: r.channel_id,
  setBy: r.set_by,
  setAt: r.set_at,
});
const settingsOf = (r: Selectable<CoordinationWeeklyTable>): WeeklySettings => ({
  enabled: Number(r.enabled) === 1,
  day: Number(r.day),
  time: r.time,
});
const parseJson = (text: string | null): unknown => {
  if (text === null) return null;
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
};

function logEvent(
  db: Db,
  where: { teamId: string; channelId: string },
  kind: CoordinationEventKind,
  actor: CoordinationActor,
  before: unknown,
  after: unknown,
) {
  return db
    .insertInto('coordination_events')
    .values({
      team_id: where.teamId,
      channel_id: where.channelId,
      at: actor.at,
      user_id: actor.userId,
      source: actor.source,
      kind,
      before_json: JSON.stringify(before),
      after_json: JSON.stringify(after),
    })
    .execute();
}

const weeklyRow = (db: Db, teamId: string, channelId: string) =>
  db
    .selectFrom('coordination_weekly')
    .selectAll()
    .where('team_id', '=', teamId)
    .where('channel_id', '=', channelId)
    .executeTakeFirst();

/**
 * The coordination port on the bot's database (SQLite or PostgreSQL, migration 012). Each change and its
 * event are written in one transaction; a week's claim is an insert-or-nothing, so of two runners (two
 * processes, two replicas) exactly one posts.
 */
export function createSqlCoordinationStore(db: Kysely<Database>): CoordinationStore {
  return {
    async institutions(teamId) {
      const rows = await db
        .selectFrom('coordination_institutions')
        .select(['tracker_id', 'name'])
        .where('team_id', '=', teamId)
        .execute();
      return new Map(rows.map((r) => [Number(r.tracker_id), r.name]));
    },
    async institutionOf(trackerId) {
      const row = await db
        .selectFrom('coordination_institutions')
        .select('name')
        .where('tracker_id', '=', trackerId)
        .executeTakeFirst();
      return row?.name;
    },
    async setInstitution(tracker, name, actor) {
      return db.transaction().execute(async (trx) => {
        const row = await trx
          .selectFrom('coordination_institutions')
          .select('name')
          .where('tracker_id', '=', tracker.id)
          .executeTakeFirst();
        if (name === null) {
          await trx.deleteFrom('coordination_institutions').where('tracker_id', '=', tracker.id).execute();
        } else {
          const values = { name, set_by: actor.userId, set_at: actor.at };
          await trx
            .insertInto('coordination_institutions')
            .values({ tracker_id: tracker.id, team_id: tracker.teamId, ...values })
            .onConflict((oc) => oc.column('tracker_id').doUpdateSet(values))
            .execute();
        }
        await logEvent(
          trx,
          tracker,
          'tracker.institution',
          actor,
          { trackerId: tracker.id, name: row?.name ?? null },
          { trackerId: tracker.id, name },
        );
        return row ? { before: row.name } : {};
      });
    },
    async coordinationChannel(teamId) {
      const row = await db
        .selectFrom('coordination_channels')
        .selectAll()
        .where('team_id', '=', teamId)
        .executeTakeFirst();
      return row && channelOf(row);
    },
    async setCoordinationChannel(teamId, channelId, actor) {
      return db.transaction().execute(async (trx) => {
        const row = await trx
          .selectFrom('coordination_channels')
          .selectAll()
          .where('team_id', '=', teamId)
          .executeTakeFirst();
        const values = { channel_id: channelId, set_by: actor.userId, set_at: actor.at };
        await trx
          .insertInto('coordination_channels')
          .values({ team_id: teamId, ...values })
          .onConflict((oc) => oc.column('team_id').doUpdateSet(values))
          .execute();
        await logEvent(
          trx,
          { teamId, channelId },
          'coordination.channel',
          actor,
          row?.channel_id ?? null,
          channelId,
        );
        return row ? { previous: channelOf(row) } : {};
      });
    },
    async weekly(teamId, channelId) {
      const row = await weeklyRow(db, teamId, channelId);
      return row && settingsOf(row);
    },
    async setWeekly(teamId, channelId, settings, actor) {
      await db.transaction().execute(async (trx) => {
        const row = await weeklyRow(trx, teamId, channelId);
        const values = {
          enabled: settings.enabled ? 1 : 0,
          day: settings.day,
          time: settings.time,
          updated_at: actor.at,
        };
        await trx
          .insertInto('coordination_weekly')
          .values({ team_id: teamId, channel_id: channelId, ...values })
          .onConflict((oc) => oc.columns(['team_id', 'channel_id']).doUpdateSet(values))
          .execute();
        await logEvent(
          trx,
          { teamId, channelId },
          'weekly.settings',
          actor,
          row ? settingsOf(row) : null,
          settings,
        );
      });
    },
    async listWeekly() {
      const rows = await db
        .selectFrom('coordination_weekly')
        .selectAll()
        .where('enabled', '=', 1)
        .orderBy('team_id')
        .orderBy('channel_id')
        .execute();
      return rows.map((r) => ({ teamId: r.team_id, channelId: r.channel_id, settings: settingsOf(r) }));
    },
    async claimWeekly(key, runner, at) {
      const inserted = await db
        .insertInto('coordination_weekly_claims')
        .values({
          team_id: key.teamId,
          channel_id: key.channelId,
          week: key.week,
          status: 'claimed',
          claimed_by: runner,
          claimed_at: at,
        })
        .onConflict((oc) => oc.columns(['team_id', 'channel_id', 'week']).doNothing())
        .returning('week')
        .executeTakeFirst();
      if (inserted) return true;
      // Never take over a "claimed" row (its runner may have posted before dying); only a refused post is
      // retried, by one runner: the conditional update re-checks the status under the row lock.
      const retried = await db
        .updateTable('coordination_weekly_claims')
        .set((eb) => ({
          status: 'claimed',
          claimed_by: runner,
          claimed_at: at,
          attempts: eb('attempts', '+', 1),
        }))
        .where('team_id', '=', key.teamId)
        .where('channel_id', '=', key.channelId)
        .where('week', '=', key.week)
        .where('status', '=', 'failed')
        .where('attempts', '<', MAX_WEEKLY_ATTEMPTS)
        .returning('week')
        .executeTakeFirst();
      return retried !== undefined;
    },
    async finishWeekly(key, outcome, at) {
      await db
        .updateTable('coordination_weekly_claims')
        .set({
          status: outcome.status,
          finished_at: at,
          message_ts: outcome.status === 'posted' ? (outcome.messageTs ?? null) : null,
          error:
            outcome.status === 'failed'
              ? outcome.error
              : outcome.status === 'skipped'
                ? outcome.reason
                : null,
        })
        .where('team_id', '=', key.teamId)
        .where('channel_id', '=', key.channelId)
        .where('week', '=', key.week)
        .execute();
    },
    async getWeeklyClaim(key: WeeklyClaimKey) {
      const row = await db
        .selectFrom('coordination_weekly_claims')
        .selectAll()
        .where('team_id', '=', key.teamId)
        .where('channel_id', '=', key.channelId)
        .where('week', '=', key.week)
        .executeTakeFirst();
      if (!row) return undefined;
      const claim: WeeklyClaim = {
        teamId: row.team_id,
        channelId: row.channel_id,
        week: row.week,
        status: row.status,
        claimedBy: row.claimed_by,
        attempts: Number(row.attempts),
        ...(row.error ? { error: row.error } : {}),
        ...(row.message_ts ? { messageTs: row.message_ts } : {}),
      };
      return claim;
    },
    async events(teamId, opts = {}) {
      let query = db
        .selectFrom('coordination_events')
        .selectAll()
        .where('team_id', '=', teamId)
        .orderBy('id', 'desc');
      if (opts.limit !== undefined) query = query.limit(opts.limit);
      const rows = await query.execute();
      return rows.map((r) => ({
        id: Number(r.id),
        teamId: r.team_id,
        channelId: r.channel_id,
        at: r.at,
        userId: r.user_id,
        source: r.source,
        kind: r.kind as CoordinationEventKind,
        before: parseJson(r.before_json),
        after: parseJson(r.after_json),
      }));
    },
  };
}
