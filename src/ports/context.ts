/**
 * Conversation context (issue 8): what the bot last answered in a thread, a DM or the terminal chat, so a
 * follow-up ("¿y el plazo?") can refer to it. Keyed by team and thread key; values are JSON the bot layer
 * validates on read (a stored value is never trusted). Every adapter expires a value at `expiresAt`.
 */
export interface ContextStore {
  /** The value saved for this thread, or undefined when there is none or it has expired at `now`. */
  load(teamId: string, threadKey: string, now: Date): Promise<unknown | undefined>;
  /** Replaces the thread's value (JSON-serialisable) until `expiresAt`. */
  save(teamId: string, threadKey: string, value: unknown, expiresAt: Date): Promise<void>;
  /** Deletes expired values; returns how many. */
  prune(now: Date): Promise<number>;
}
