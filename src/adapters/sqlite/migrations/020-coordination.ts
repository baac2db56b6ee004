import type { Migration } from '../db.ts';

/**
 * The coordinator's view (issue 12): each tracker's institution, the workspace's coordination channel, the
 * weekly report settings and claims (one post per channel and week), and a log of who changed them.
 * Version 20 leaves room below for the migrations other work adds at the same time; IF NOT EXISTS keeps
 * the file safe to renumber when they are merged.
 */
export const coordinationMigration: Migration = {
  version: 20,
  description: 'coordination: institutions, coordination channel, weekly settings and claims, events',
  up(db) {
    db.exec(`
      CREATE TABLE IF NOT EXISTS coordination_institutions (
        tracker_id INTEGER PRIMARY KEY REFERENCES progress_trackers (id),
        team_id TEXT NOT NULL,
        name TEXT NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
        set_by TEXT NOT NULL,
        set_at TEXT NOT NULL
      );
      CREATE INDEX IF NOT EXISTS coordination_institutions_team ON coordination_institutions (team_id);

      CREATE TABLE IF NOT EXISTS coordination_channels (
        team_id TEXT PRIMARY KEY,
        channel_id TEXT NOT NULL,
        set_by TEXT NOT NULL,
        set_at TEXT NOT NULL
      );

      CREATE TABLE IF NOT EXISTS coordination_weekly (
        team_id TEXT NOT NULL,
        channel_id TEXT NOT NULL,
        enabled INTEGER NOT NULL CHECK (enabled IN (0, 1)),
        day INTEGER NOT NULL CHECK (day BETWEEN 1 AND 7),
        time TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        PRIMARY KEY (team_id, channel_id)
      );

      CREATE TABLE IF NOT EXISTS coordination_weekly_claims (
        team_id TEXT NOT NULL,
        channel_id TEXT NOT NULL,
        week TEXT NOT NULL,
        status TEXT NOT NULL CHECK (status IN ('claimed', 'posted', 'failed', 'skipped')),
        claimed_by TEXT NOT NULL,
        claimed_at TEXT NOT NULL,
        attempts INTEGER NOT NULL DEFAULT 1,
        finished_at TEXT,
        message_ts TEXT,
        error TEXT,
        PRIMARY KEY (team_id, channel_id, week)
      );

      CREATE TABLE IF NOT EXISTS coordination_events (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        team_id TEXT NOT NULL,
        channel_id TEXT NOT NULL,
        at TEXT NOT NULL,
        user_id TEXT NOT NULL,
        source TEXT NOT NULL,
        kind TEXT NOT NULL,
        before_json TEXT,
        after_json TEXT
      );
      CREATE INDEX IF NOT EXISTS coordination_events_team ON coordination_events (team_id, id);
      CREATE TRIGGER IF NOT EXISTS coordination_events_no_update BEFORE UPDATE ON coordination_events
        BEGIN SELECT RAISE(ABORT, 'coordination_events is append-only'); END;
      CREATE TRIGGER IF NOT EXISTS coordination_events_no_delete BEFORE DELETE ON coordination_events
        BEGIN SELECT RAISE(ABORT, 'coordination_events is append-only'); END;
    `);
  },
};
