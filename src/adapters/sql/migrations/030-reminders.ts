import { sql } from 'kysely';
import type { GuiaMigration } from './types.ts';

/**
 * Reminders by DM (issue 10): a claim row per reminder (tracker, step, kind, due date) so two runners never
 * send the same one twice; each channel's reminder setting; the steps an owner asked not to be reminded of.
 * And indexes for the Home tab (a user's open steps, the trackers they changed), so its queries read only
 * that user's rows, whatever the length of the workspace's history. Numbered 030 to leave room for the
 * migrations other work adds meanwhile (020 is the coordination one).
 */
export const migration030: GuiaMigration = {
  name: '030-reminders',
  async up(db) {
    await db.schema
      .createTable('progress_reminder_claims')
      .addColumn('tracker_id', 'integer', (c) => c.notNull().references('progress_trackers.id'))
      .addColumn('reminder_key', 'text', (c) => c.notNull())
      .addColumn('status', 'text', (c) =>
        c.notNull().check(sql`status IN ('claimed', 'posted', 'failed', 'skipped')`),
      )
      .addColumn('claimed_by', 'text', (c) => c.notNull())
      .addColumn('claimed_at', 'text', (c) => c.notNull())
      .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(1))
      .addColumn('finished_at', 'text')
      .addColumn('message_ts', 'text')
      .addColumn('error', 'text')
      .addPrimaryKeyConstraint('progress_reminder_claims_pk', ['tracker_id', 'reminder_key'])
      .execute();
    await db.schema
      .createTable('progress_reminder_settings')
      .addColumn('tracker_id', 'integer', (c) => c.primaryKey().references('progress_trackers.id'))
      .addColumn('enabled', 'integer', (c) => c.notNull().check(sql`enabled IN (0, 1)`))
      .addColumn('lead_days', 'integer', (c) => c.notNull().check(sql`lead_days BETWEEN 0 AND 30`))
      .addColumn('updated_by', 'text', (c) => c.notNull())
      .addColumn('updated_at', 'text', (c) => c.notNull())
      .execute();
    await db.schema
      .createTable('progress_reminder_mutes')
      .addColumn('tracker_id', 'integer', (c) => c.notNull().references('progress_trackers.id'))
      .addColumn('guide_id', 'text', (c) => c.notNull())
      .addColumn('step_id', 'text', (c) => c.notNull())
      .addColumn('user_id', 'text', (c) => c.notNull())
      .addColumn('muted_at', 'text', (c) => c.notNull())
      .addPrimaryKeyConstraint('progress_reminder_mutes_pk', ['tracker_id', 'guide_id', 'step_id', 'user_id'])
      .execute();
    await db.schema
      .createIndex('progress_steps_open_owner')
      .on('progress_steps')
      .columns(['owner_user_id', 'tracker_id'])
      .where(sql.ref('status'), '<>', 'completado')
      .execute();
    await db.schema
      .createIndex('progress_events_user')
      .on('progress_events')
      .columns(['user_id', 'tracker_id'])
      .execute();
  },
};
