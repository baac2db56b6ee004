import type { UnansweredQuestion } from '../bot/types.ts';
import type { Db } from './db.ts';

export interface FeedbackEntry {
  teamId: string;
  userId: string;
  channelId: string;
  vote: 1 | -1;
  question: string;
  stepId?: string | undefined;
  guide?: string | undefined;
  intent?: string | undefined;
}

export type UnansweredEntry = UnansweredQuestion;

export interface FeedbackRow extends FeedbackEntry {
  createdAt: string;
}
export interface UnansweredRow extends UnansweredEntry {
  createdAt: string;
}

export interface FeedbackStore {
  recordFeedback(entry: FeedbackEntry, now?: Date): void;
  recordUnanswered(entry: UnansweredEntry, now?: Date): void;
  listFeedback(): FeedbackRow[];
  listUnanswered(): UnansweredRow[];
}

/** Votes on answers and questions the bot could not answer, for the guide's editors (`guia report`). */
export function createFeedbackStore(db: Db): FeedbackStore {
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
    recordFeedback(e, now = new Date()) {
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
    recordUnanswered(e, now = new Date()) {
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
    listFeedback() {
      return (selectFeedback.all() as Array<Record<string, unknown>>).map((r) => ({
        ...(r as unknown as FeedbackRow),
        stepId: (r.stepId as string | null) ?? undefined,
        guide: (r.guide as string | null) ?? undefined,
        intent: (r.intent as string | null) ?? undefined,
      }));
    },
    listUnanswered() {
      return selectUnanswered.all() as UnansweredRow[];
    },
  };
}
