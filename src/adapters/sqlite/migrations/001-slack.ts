import type { Migration } from '../db.ts';

/** Tables of the Slack app: votes on answers, questions the bot could not answer, claimed event ids. */
export const migration001: Migration = {
  version: 1,
  description: 'feedback, unanswered questions, processed Slack events',
  up(db) {
    db.exec(`
      CREATE TABLE feedback (
        id INTEGER PRIMARY KEY,
        created_at TEXT NOT NULL,
        team_id TEXT NOT NULL,
        user_id TEXT NOT NULL,
        channel_id TEXT NOT NULL,
        vote INTEGER NOT NULL CHECK (vote IN (-1, 1)),
        question TEXT NOT NULL,
        step_id TEXT,
        guide TEXT,
        intent TEXT
      );
      CREATE TABLE unanswered_questions (
        id INTEGER PRIMARY KEY,
        created_at TEXT NOT NULL,
        team_id TEXT NOT NULL,
        user_id TEXT NOT NULL,
        channel_id TEXT NOT NULL,
        source TEXT NOT NULL,
        question TEXT NOT NULL,
        outcome TEXT NOT NULL,
        confidence REAL NOT NULL
      );
      CREATE TABLE processed_events (
        event_id TEXT PRIMARY KEY,
        claimed_at INTEGER NOT NULL
      );
      CREATE INDEX processed_events_claimed_at ON processed_events (claimed_at);
    `);
  },
};
