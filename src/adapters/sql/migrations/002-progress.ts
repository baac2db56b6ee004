import { sql } from 'kysely';
import { autoId, type GuiaMigration } from './types.ts';

/**
 * Team progress (issue 5): one tracker per workspace + channel, the state of each step per guide, an
 * append-only event log, and the daily post claims that make each channel's post happen once a day.
 */
export const migration002: GuiaMigration = {
  name: '002-progress',
  async up(db, engine) {
    await db.schema
      .createTable('progress_trackers')
      .addColumn('id', 'integer', autoId(engine))
      .addColumn('team_id', 'text', (c) => c.notNull())
      .addColumn('channel_id', 'text', (c) => c.notNull())
      .addColumn('guide_id', 'text', (c) => c.notNull())
      .addColumn('start_date', 'text', (c) => c.notNull())
      .addColumn('daily_enabled', 'integer', (c) =>
        c.notNull().defaultTo(0).check(sql`daily_enabled IN (0, 1)`),
      )
      .addColumn('daily_time', 'text', (c) => c.notNull().defaultTo('09:00'))
      .addColumn('daily_days', 'text', (c) => c.notNull().defaultTo('1,2,3,4,5'))
      .addColumn('quiet_mode', 'text', (c) =>
        c.notNull().defaultTo('linea').check(sql`quiet_mode IN ('linea', 'nada')`),
      )
      .addColumn('removed_at', 'text')
      .addColumn('last_post_event_id', 'bigint', (c) => c.notNull().defaultTo(0))
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addUniqueConstraint('progress_trackers_channel', ['team_id', 'channel_id'])
      .execute();

    await db.schema
      .createTable('progress_steps')
      .addColumn('tracker_id', 'integer', (c) => c.notNull().references('progress_trackers.id'))
      .addColumn('guide_id', 'text', (c) => c.notNull())
      .addColumn('step_id', 'text', (c) => c.notNull())
      .addColumn('status', 'text', (c) =>
        c.notNull().check(sql`status IN ('pendiente', 'en_curso', 'bloqueado', 'completado')`),
      )
      .addColumn('owner_user_id', 'text')
      .addColumn('started_at', 'text')
      .addColumn('completed_at', 'text')
      .addColumn('blocked_reason', 'text')
      .addColumn('checked_activities', 'text', (c) => c.notNull().defaultTo('[]'))
      .addColumn('updated_at', 'text', (c) => c.notNull())
      .addPrimaryKeyConstraint('progress_steps_pk', ['tracker_id', 'guide_id', 'step_id'])
      .execute();
    await db.schema
      .createIndex('progress_steps_owner')
      .on('progress_steps')
      .column('owner_user_id')
      .execute();

    await db.schema
      .createTable('progress_events')
      // Ids are watermarks (the daily post's "last told"): never reused.
      .addColumn('id', 'integer', autoId(engine, { neverReuse: true }))
      .addColumn('tracker_id', 'integer', (c) => c.notNull().references('progress_trackers.id'))
      .addColumn('at', 'text', (c) => c.notNull())
      .addColumn('user_id', 'text', (c) => c.notNull())
      .addColumn('source', 'text', (c) => c.notNull())
      .addColumn('kind', 'text', (c) => c.notNull())
      .addColumn('guide_id', 'text')
      .addColumn('step_id', 'text')
      .addColumn('before_json', 'text')
      .addColumn('after_json', 'text')
      .execute();
    await db.schema
      .createIndex('progress_events_tracker')
      .on('progress_events')
      .columns(['tracker_id', 'id'])
      .execute();
    if (engine === 'postgres') {
      await sql`CREATE FUNCTION progress_events_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN RAISE EXCEPTION 'progress_events is append-only'; END $$`.execute(db);
      await sql`CREATE TRIGGER progress_events_append_only BEFORE UPDATE OR DELETE ON progress_events
        FOR EACH ROW EXECUTE FUNCTION progress_events_append_only()`.execute(db);
    } else {
      await sql`CREATE TRIGGER progress_events_no_update BEFORE UPDATE ON progress_events
        BEGIN SELECT RAISE(ABORT, 'progress_events is append-only'); END`.execute(db);
      await sql`CREATE TRIGGER progress_events_no_delete BEFORE DELETE ON progress_events
        BEGIN SELECT RAISE(ABORT, 'progress_events is append-only'); END`.execute(db);
    }

    await db.schema
      .createTable('progress_daily_claims')
      .addColumn('tracker_id', 'integer', (c) => c.notNull().references('progress_trackers.id'))
      .addColumn('local_date', 'text', (c) => c.notNull())
      .addColumn('status', 'text', (c) =>
        c.notNull().check(sql`status IN ('claimed', 'posted', 'failed', 'skipped')`),
      )
      .addColumn('claimed_by', 'text', (c) => c.notNull())
      .addColumn('claimed_at', 'text', (c) => c.notNull())
      .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(1))
      .addColumn('finished_at', 'text')
      .addColumn('message_ts', 'text')
      .addColumn('error', 'text')
      .addPrimaryKeyConstraint('progress_daily_claims_pk', ['tracker_id', 'local_date'])
      .execute();
  },
};
