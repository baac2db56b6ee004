import { sql } from 'kysely';
import { autoId, type GuiaMigration } from './types.ts';

/**
 * The coordinator's view (issue 12): each tracker's institution, the workspace's one coordination channel,
 * the weekly report settings and claims (one post per channel and week), and an append-only log of who
 * changed them. Named after the issue so it does not collide with other work's next numbers.
 */
export const migration012: GuiaMigration = {
  name: '012-coordination',
  async up(db, engine) {
    await db.schema
      .createTable('coordination_institutions')
      .addColumn('tracker_id', 'integer', (c) => c.primaryKey().references('progress_trackers.id'))
      .addColumn('team_id', 'text', (c) => c.notNull())
      .addColumn('name', 'text', (c) => c.notNull().check(sql`length(name) BETWEEN 1 AND 200`))
      .addColumn('set_by', 'text', (c) => c.notNull())
      .addColumn('set_at', 'text', (c) => c.notNull())
      .execute();
    await db.schema
      .createIndex('coordination_institutions_team')
      .on('coordination_institutions')
      .column('team_id')
      .execute();
    await db.schema
      .createTable('coordination_channels')
      .addColumn('team_id', 'text', (c) => c.primaryKey())
      .addColumn('channel_id', 'text', (c) => c.notNull())
      .addColumn('set_by', 'text', (c) => c.notNull())
      .addColumn('set_at', 'text', (c) => c.notNull())
      .execute();
    await db.schema
      .createTable('coordination_weekly')
      .addColumn('team_id', 'text', (c) => c.notNull())
      .addColumn('channel_id', 'text', (c) => c.notNull())
      .addColumn('enabled', 'integer', (c) => c.notNull().check(sql`enabled IN (0, 1)`))
      .addColumn('day', 'integer', (c) => c.notNull().check(sql`day BETWEEN 1 AND 7`))
      .addColumn('time', 'text', (c) => c.notNull())
      .addColumn('updated_at', 'text', (c) => c.notNull())
      .addPrimaryKeyConstraint('coordination_weekly_pk', ['team_id', 'channel_id'])
      .execute();
    await db.schema
      .createTable('coordination_weekly_claims')
      .addColumn('team_id', 'text', (c) => c.notNull())
      .addColumn('channel_id', 'text', (c) => c.notNull())
      .addColumn('week', 'text', (c) => c.notNull())
      .addColumn('status', 'text', (c) =>
        c.notNull().check(sql`status IN ('claimed', 'posted', 'failed', 'skipped')`),
      )
      .addColumn('claimed_by', 'text', (c) => c.notNull())
      .addColumn('claimed_at', 'text', (c) => c.notNull())
      .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(1))
      .addColumn('finished_at', 'text')
      .addColumn('message_ts', 'text')
      .addColumn('error', 'text')
      .addPrimaryKeyConstraint('coordination_weekly_claims_pk', ['team_id', 'channel_id', 'week'])
      .execute();
    await db.schema
      .createTable('coordination_events')
      .addColumn('id', 'integer', autoId(engine, { neverReuse: true }))
      .addColumn('team_id', 'text', (c) => c.notNull())
      .addColumn('channel_id', 'text', (c) => c.notNull())
      .addColumn('at', 'text', (c) => c.notNull())
      .addColumn('user_id', 'text', (c) => c.notNull())
      .addColumn('source', 'text', (c) => c.notNull())
      .addColumn('kind', 'text', (c) => c.notNull())
      .addColumn('before_json', 'text')
      .addColumn('after_json', 'text')
      .execute();
    await db.schema
      .createIndex('coordination_events_team')
      .on('coordination_events')
      .columns(['team_id', 'id'])
      .execute();
    if (engine === 'postgres') {
      await sql`CREATE FUNCTION coordination_events_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN RAISE EXCEPTION 'coordination_events is append-only'; END $$`.execute(db);
      await sql`CREATE TRIGGER coordination_events_append_only BEFORE UPDATE OR DELETE ON coordination_events
        FOR EACH ROW EXECUTE FUNCTION coordination_events_append_only()`.execute(db);
    } else {
      await sql`CREATE TRIGGER coordination_events_no_update BEFORE UPDATE ON coordination_events
        BEGIN SELECT RAISE(ABORT, 'coordination_events is append-only'); END`.execute(db);
      await sql`CREATE TRIGGER coordination_events_no_delete BEFORE DELETE ON coordination_events
        BEGIN SELECT RAISE(ABORT, 'coordination_events is append-only'); END`.execute(db);
    }
  },
};
