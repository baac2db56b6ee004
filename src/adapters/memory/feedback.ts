import type { FeedbackRow, FeedbackStore, UnansweredRow } from '../../ports/feedback.ts';

export function createMemoryFeedbackStore(): FeedbackStore {
  const feedback: FeedbackRow[] = [];
  const unanswered: UnansweredRow[] = [];
  return {
    async recordFeedback(entry, now = new Date()) {
      feedback.push({ ...entry, createdAt: now.toISOString() });
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
