import type { Migration } from '../db.ts';

/**
 * Team progress (issue 5): one tracker per workspace + channel, the state of each step per guide, an
 * append-only event log, and the daily post claims that make each channel's post happen once a day.
 */
export const progressMigration: Migration = {
  version: 2,
  description: 'team progress: trackers, step states, events, daily post claims',
  up(db) {
    db.exec(`
      CREATE TABLE progress_trackers (
        id INTEGER PRIMARY KEY,
        team_id TEXT NOT NULL,
        channel_id TEXT NOT NULL,
        guide_id TEXT NOT NULL,
        start_date TEXT NOT NULL,
        daily_enabled INTEGER NOT NULL DEFAULT 0 CHECK (daily_enabled IN (0, 1)),
        daily_time TEXT NOT NULL DEFAULT '09:00',
        daily_days TEXT NOT NULL DEFAULT '1,2,3,4,5',
        quiet_mode TEXT NOT NULL DEFAULT 'linea' CHECK (quiet_mode IN ('linea', 'nada')),
        removed_at TEXT,
        last_post_event_id INTEGER NOT NULL DEFAULT 0,
        created_at TEXT NOT NULL,
        UNIQUE (team_id, channel_id)
      );

      CREATE TABLE progress_steps (
        tracker_id INTEGER NOT NULL REFERENCES progress_trackers (id),
        guide_id TEXT NOT NULL,
        step_id TEXT NOT NULL,
        status TEXT NOT NULL CHECK (status IN ('pendiente', 'en_curso', 'bloqueado', 'completado')),
        owner_user_id TEXT,
        started_at TEXT,
        completed_at TEXT,
        blocked_reason TEXT,
        checked_activities TEXT NOT NULL DEFAULT '[]',
        updated_at TEXT NOT NULL,
        PRIMARY KEY (tracker_id, guide_id, step_id)
      );
      CREATE INDEX progress_steps_owner ON progress_steps (owner_user_id);

      CREATE TABLE progress_events (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        tracker_id INTEGER NOT NULL REFERENCES progress_trackers (id),
        at TEXT NOT NULL,
        user_id TEXT NOT NULL,
        source TEXT NOT NULL,
        kind TEXT NOT NULL,
        guide_id TEXT,
        step_id TEXT,
        before_json TEXT,
        after_json TEXT
      );
      CREATE INDEX progress_events_tracker ON progress_events (tracker_id, id);
      CREATE TRIGGER progress_events_no_update BEFORE UPDATE ON progress_events
        BEGIN SELECT RAISE(ABORT, 'progress_events is append-only'); END;
      CREATE TRIGGER progress_events_no_delete BEFORE DELETE ON progress_events
        BEGIN SELECT RAISE(ABORT, 'progress_events is append-only'); END;

      CREATE TABLE progress_daily_claims (
        tracker_id INTEGER NOT NULL REFERENCES progress_trackers (id),
        local_date TEXT NOT NULL,
        status TEXT NOT NULL CHECK (status IN ('claimed', 'posted', 'failed', 'skipped')),
        claimed_by TEXT NOT NULL,
        claimed_at TEXT NOT NULL,
        attempts INTEGER NOT NULL DEFAULT 1,
        finished_at TEXT,
        message_ts TEXT,
        error TEXT,
        PRIMARY KEY (tracker_id, local_date)
      );
    `);
  },
};
