/** A vote on an answer (👍 / 👎), with what was asked and answered. */
export interface FeedbackEntry {
  teamId: string;
  userId: string;
  channelId: string;
  vote: 1 | -1;
  question: string;
  stepId?: string | undefined;
  guide?: string | undefined;
  intent?: string | undefined;
  /**
   * The answer voted on (e.g. channel and message ts). When set, a person has one vote per answer: a later
   * vote replaces the earlier one (the last one counts).
   */
  answerKey?: string | undefined;
}

/** A question the bot could not answer with confidence, kept for the guide's editors. */
export interface UnansweredQuestion {
  teamId: string;
  userId: string;
  channelId: string;
  /** Where it was asked: mention, dm, command, local. */
  source: string;
  question: string;
  outcome: string;
  confidence: number;
}

export interface FeedbackRow extends FeedbackEntry {
  createdAt: string;
}
export interface UnansweredRow extends UnansweredQuestion {
  createdAt: string;
}

/** Votes on answers and questions the bot could not answer, for the guide's editors (`guia report`). */
export interface FeedbackStore {
  recordFeedback(entry: FeedbackEntry, now?: Date): Promise<void>;
  recordUnanswered(entry: UnansweredQuestion, now?: Date): Promise<void>;
  /** Oldest first. */
  listFeedback(): Promise<FeedbackRow[]>;
  /** Oldest first. */
  listUnanswered(): Promise<UnansweredRow[]>;
}

/** Where the answering code logs unanswered questions. */
export type QuestionLog = Pick<FeedbackStore, 'recordUnanswered'>;
