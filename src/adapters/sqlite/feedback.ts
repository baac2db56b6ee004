import type { FeedbackRow, FeedbackStore, UnansweredQuestion, UnansweredRow } from '../../ports/feedback.ts';
import type { Db } from './db.ts';

/** The feedback port on SQLite: one row per vote, one per unanswered question. */
export function createSqliteFeedbackStore(db: Db): FeedbackStore {
  const insertFeedback = db.prepare(
    `INSERT INTO feedback (created_at, team_id, user_id, channel_id, vote, question, step_id, guide, intent)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const insertUnanswered = db.prepare(
    `INSERT INTO unanswered_questions (created_at, team_id, user_id, channel_id, source, question, outcome, confidence)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const selectFeedback = db.prepare(
    `SELECT created_at AS createdAt, team_id AS teamId, user_id AS userId, channel_id AS channelId, vote,
            question, step_id AS stepId, guide, intent
     FROM feedback ORDER BY id`,
  );
  const selectUnanswered = db.prepare(
    `SELECT created_at AS createdAt, team_id AS teamId, user_id AS userId, channel_id AS channelId, source,
            question, outcome, confidence
     FROM unanswered_questions ORDER BY id`,
  );
  return {
    async recordFeedback(e, now = new Date()) {
      insertFeedback.run(
        now.toISOString(),
        e.teamId,
        e.userId,
        e.channelId,
        e.vote,
        e.question,
        e.stepId ?? null,
        e.guide ?? null,
        e.intent ?? null,
      );
    },
    async recordUnanswered(e: UnansweredQuestion, now = new Date()) {
      insertUnanswered.run(
        now.toISOString(),
        e.teamId,
        e.userId,
        e.channelId,
        e.source,
        e.question,
        e.outcome,
        e.confidence,
      );
    },
    async listFeedback() {
      return (selectFeedback.all() as Array<Record<string, unknown>>).map((r) => ({
        ...(r as unknown as FeedbackRow),
        stepId: (r.stepId as string | null) ?? undefined,
        guide: (r.guide as string | null) ?? undefined,
        intent: (r.intent as string | null) ?? undefined,
      }));
    },
    async listUnanswered() {
      return selectUnanswered.all() as UnansweredRow[];
    },
  };
}
