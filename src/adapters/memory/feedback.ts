import type { FeedbackRow, FeedbackStore, UnansweredRow } from '../../ports/feedback.ts';

export function createMemoryFeedbackStore(): FeedbackStore {
  const feedback: FeedbackRow[] = [];
  const unanswered: UnansweredRow[] = [];
  return {
    async recordFeedback(entry, now = new Date()) {
      const row: FeedbackRow = { ...entry, createdAt: now.toISOString() };
      const same =
        entry.answerKey === undefined
          ? -1
          : feedback.findIndex(
              (f) =>
                f.answerKey === entry.answerKey && f.teamId === entry.teamId && f.userId === entry.userId,
            );
      // The last vote counts; it keeps the first vote's place (as the SQL row keeps its id).
      if (same >= 0)
        feedback[same] = {
          ...(feedback[same] as FeedbackRow),
          vote: row.vote,
          createdAt: row.createdAt,
          channelId: row.channelId,
        };
      else feedback.push(row);
    },
    async recordUnanswered(entry, now = new Date()) {
      unanswered.push({ ...entry, createdAt: now.toISOString() });
    },
    async listFeedback() {
      return feedback.map((r) => ({ ...r }));
    },
    async listUnanswered() {
      return unanswered.map((r) => ({ ...r }));
    },
  };
}
