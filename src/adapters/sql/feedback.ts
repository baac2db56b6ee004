import type { Kysely } from 'kysely';
import type { FeedbackRow, FeedbackStore, UnansweredRow } from '../../ports/feedback.ts';
import type { Database } from './schema.ts';

/** Votes (one per person per answer when the answer is known; the last counts) and unanswered questions. */
export function createSqlFeedbackStore(db: Kysely<Database>): FeedbackStore {
  return {
    async recordFeedback(e, now = new Date()) {
      const row = {
        created_at: now.toISOString(),
        team_id: e.teamId,
        user_id: e.userId,
        channel_id: e.channelId,
        vote: e.vote,
        question: e.question,
        step_id: e.stepId ?? null,
        guide: e.guide ?? null,
        intent: e.intent ?? null,
        answer_key: e.answerKey ?? null,
      };
      await db
        .insertInto('feedback')
        .values(row)
        .$if(e.answerKey !== undefined, (q) =>
          q.onConflict((oc) =>
            oc
              .columns(['team_id', 'user_id', 'answer_key'])
              .where('answer_key', 'is not', null)
              .doUpdateSet({ vote: row.vote, created_at: row.created_at, channel_id: row.channel_id }),
          ),
        )
        .execute();
    },
    async recordUnanswered(e, now = new Date()) {
      await db
        .insertInto('unanswered_questions')
        .values({
          created_at: now.toISOString(),
          team_id: e.teamId,
          user_id: e.userId,
          channel_id: e.channelId,
          source: e.source,
          question: e.question,
          outcome: e.outcome,
          confidence: e.confidence,
        })
        .execute();
    },
    async listFeedback() {
      const rows = await db.selectFrom('feedback').selectAll().orderBy('id').execute();
      return rows.map(
        (r): FeedbackRow => ({
          createdAt: r.created_at,
          teamId: r.team_id,
          userId: r.user_id,
          channelId: r.channel_id,
          vote: Number(r.vote) === 1 ? 1 : -1,
          question: r.question,
          ...(r.step_id !== null ? { stepId: r.step_id } : {}),
          ...(r.guide !== null ? { guide: r.guide } : {}),
          ...(r.intent !== null ? { intent: r.intent } : {}),
          ...(r.answer_key !== null ? { answerKey: r.answer_key } : {}),
        }),
      );
    },
    async listUnanswered() {
      const rows = await db.selectFrom('unanswered_questions').selectAll().orderBy('id').execute();
      return rows.map(
        (r): UnansweredRow => ({
          createdAt: r.created_at,
          teamId: r.team_id,
          userId: r.user_id,
          channelId: r.channel_id,
          source: r.source,
          question: r.question,
          outcome: r.outcome,
          confidence: Number(r.confidence),
        }),
      );
    },
  };
}
