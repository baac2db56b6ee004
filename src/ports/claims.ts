import type { IsoDate } from '../progress/calendar.ts';

/**
 * "Exactly once" for scheduled posts: a claim row is written before posting, so two runners (or two
 * replicas) never post the same thing twice. A claim is keyed by what it is for (`kind`), the tracker and
 * a key within it (the local date of a daily post). Reminders and weekly reports add a kind here.
 */
export type ClaimKind = 'daily';

export interface ClaimKey {
  kind: ClaimKind;
  trackerId: number;
  /** For `daily`: the local date (YYYY-MM-DD in GUIA_TZ). */
  key: string;
}

export const dailyClaim = (trackerId: number, localDate: IsoDate): ClaimKey => ({
  kind: 'daily',
  trackerId,
  key: localDate,
});

export type ClaimStatus = 'claimed' | 'posted' | 'failed' | 'skipped';

export interface Claim extends ClaimKey {
  status: ClaimStatus;
  claimedBy: string;
  attempts: number;
  error?: string;
}

/**
 * How a claimed post ended. `watermark`: the last progress event the post told; a daily claim that ends
 * posted or skipped advances the tracker's `lastPostEventId` to it in the same write.
 */
export type ClaimOutcome =
  | { status: 'posted'; watermark: number; messageTs?: string }
  | { status: 'skipped'; watermark: number }
  | { status: 'failed'; error: string };

/** A failed post is retried by the next runs, up to this many attempts for the same key. */
export const MAX_CLAIM_ATTEMPTS = 3;

export interface ClaimStore {
  /**
   * True when `runner` now owns the claim: a new one, or a failed one retried (under MAX_CLAIM_ATTEMPTS).
   * A claim still `claimed` by a runner that died is never taken over: we cannot know whether Slack got
   * the message, and twice is worse than not at all.
   */
  claim(key: ClaimKey, runner: string, at: string): Promise<boolean>;
  finish(key: ClaimKey, outcome: ClaimOutcome, at: string): Promise<void>;
  getClaim(key: ClaimKey): Promise<Claim | undefined>;
  /**
   * Deletes the claim only if it is a 'skipped' one written by `runner` (never a real post), so a later
   * time set the same day can still post. True when a claim was removed.
   */
  releaseSkip(key: ClaimKey, runner: string): Promise<boolean>;
}
