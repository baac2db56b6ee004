import type { Migration } from '../db.ts';

/**
 * Reminders by DM (issue 10): a claim row per reminder (tracker, step, kind, due date) so two runners never
 * send the same one twice; each channel's reminder setting; the steps an owner asked not to be reminded of;
 * and indexes for the Home tab (a user's open steps, the trackers they changed), so its queries read only
 * their rows, whatever the history's length.
 * Version 30 leaves room for the migrations other work adds meanwhile (20 is the coordination one).
 */
export const remindersMigration: Migration = {
  version: 30,
  description: 'reminders: claims, channel settings, muted steps; index of open steps by owner',
  up(db) {
    db.exec(`
      CREATE TABLE progress_reminder_claims (
        tracker_id INTEGER NOT NULL REFERENCES progress_trackers (id),
        reminder_key TEXT NOT NULL,
        status TEXT NOT NULL CHECK (status IN ('claimed', 'posted', 'failed', 'skipped')),
        claimed_by TEXT NOT NULL,
        claimed_at TEXT NOT NULL,
        attempts INTEGER NOT NULL DEFAULT 1,
        finished_at TEXT,
        message_ts TEXT,
        error TEXT,
        PRIMARY KEY (tracker_id, reminder_key)
      );

      CREATE TABLE progress_reminder_settings (
        tracker_id INTEGER PRIMARY KEY REFERENCES progress_trackers (id),
        enabled INTEGER NOT NULL CHECK (enabled IN (0, 1)),
        lead_days INTEGER NOT NULL CHECK (lead_days BETWEEN 0 AND 30),
        updated_by TEXT NOT NULL,
        updated_at TEXT NOT NULL
      );

      CREATE TABLE progress_reminder_mutes (
        tracker_id INTEGER NOT NULL REFERENCES progress_trackers (id),
        guide_id TEXT NOT NULL,
        step_id TEXT NOT NULL,
        user_id TEXT NOT NULL,
        muted_at TEXT NOT NULL,
        PRIMARY KEY (tracker_id, guide_id, step_id, user_id)
      );

      -- The Home tab: a user's open steps without reading anyone else's, and "did this user change anything
      -- in this tracker" as one index seek instead of a scan of the tracker's whole history.
      CREATE INDEX progress_steps_open_owner ON progress_steps (owner_user_id, tracker_id)
        WHERE status <> 'completado';
      CREATE INDEX progress_events_user ON progress_events (user_id, tracker_id);
    `);
  },
};
