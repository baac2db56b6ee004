/**
 * Slack redelivers an event (same event_id) when it did not see a fast 200, possibly while the first copy
 * is still being answered. Claiming the id in the database before replying makes the second copy a no-op,
 * also across restarts and replicas. Ids older than a day may be pruned: Slack stops retrying after minutes.
 */
export interface ProcessedEvents {
  /** True the first time an id is seen; false for every repeat. `now` in epoch milliseconds. */
  claim(eventId: string, now?: number): Promise<boolean>;
  /** Forgets a claim whose work failed (a share Slack never received), so that a retry can do it. */
  release(eventId: string): Promise<void>;
}
