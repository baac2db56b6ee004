/**
 * Pacing for the bot's own posts (daily summaries; reminders and weekly reports use the same `send`):
 * Slack allows about one message per second per channel and a limited rate per workspace, and answers 429
 * with Retry-After beyond. Scheduled posts leave room for the replies people are waiting for: each workspace
 * gets a budget of posts per second, each channel one per second, and a 429 pauses that workspace's
 * scheduled posts for the Retry-After Slack asked (then the post is tried again). Replies do not go through
 * the pacer: they have their own Web API client, which honours Retry-After itself.
 *
 * The budget is per process: with N replicas the claims split the posts between them, so a workspace sees
 * at most N × budget scheduled posts per second.
 */

export interface PacerOptions {
  /** Minimum gap between two posts in one channel. Default 1,100 ms (Slack: ~1 per second). */
  perChannelMs?: number;
  /** Scheduled posts per second per workspace. Default 5, well under Slack's workspace limits. */
  workspacePerSecond?: number;
  /** How many 429s in a row one post may get before it is reported failed. Default 3. */
  maxRateLimitRetries?: number;
  /** Longest Retry-After honoured before giving the post up (the next run tries again). Default 120 s. */
  maxRetryAfterS?: number;
  now?: () => number;
  sleep?: (ms: number) => Promise<void>;
}

export interface PacerStats {
  sent: number;
  /** 429 answers received (each followed by the wait Slack asked for). */
  rateLimited: number;
  /** Total time spent waiting for Retry-After, ms. */
  waitedMs: number;
}

export interface Pacer {
  /**
   * Runs `call` when the channel and the workspace allow it; a 429 (an error with `retryAfter` seconds, as
   * @slack/web-api's WebAPIRateLimitedError with `rejectRateLimitedCalls`) waits and calls again.
   */
  send<T>(workspace: string, channel: string, call: () => Promise<T>): Promise<T>;
  stats: PacerStats;
}

const retryAfterOf = (error: unknown): number | undefined => {
  const e = error as { code?: string; retryAfter?: unknown };
  return e?.code === 'slack_webapi_rate_limited_error' && typeof e.retryAfter === 'number'
    ? e.retryAfter
    : undefined;
};

export function createPacer(opts: PacerOptions = {}): Pacer {
  const perChannelMs = opts.perChannelMs ?? 1100;
  const workspaceGapMs = 1000 / (opts.workspacePerSecond ?? 5);
  const maxRetries = opts.maxRateLimitRetries ?? 3;
  const maxRetryAfterS = opts.maxRetryAfterS ?? 120;
  const now = opts.now ?? (() => Date.now());
  const sleep = opts.sleep ?? ((ms: number) => new Promise<void>((r) => setTimeout(r, ms)));
  // The next free slot of each workspace and channel. Slots are taken synchronously, before any await, so
  // concurrent callers queue up in order instead of all waking at once.
  const workspaceNext = new Map<string, number>();
  const channelNext = new Map<string, number>();
  const stats: PacerStats = { sent: 0, rateLimited: 0, waitedMs: 0 };

  const reserve = (workspace: string, channel: string): number => {
    const channelKey = `${workspace}\u0000${channel}`;
    const start = Math.max(now(), workspaceNext.get(workspace) ?? 0, channelNext.get(channelKey) ?? 0);
    workspaceNext.set(workspace, start + workspaceGapMs);
    channelNext.set(channelKey, start + perChannelMs);
    return start - now();
  };

  const pause = (workspace: string, ms: number) => {
    workspaceNext.set(workspace, Math.max(workspaceNext.get(workspace) ?? 0, now() + ms));
  };

  return {
    stats,
    async send(workspace, channel, call) {
      for (let attempt = 0; ; attempt++) {
        const wait = reserve(workspace, channel);
        if (wait > 0) await sleep(wait);
        try {
          const result = await call();
          stats.sent++;
          return result;
        } catch (error) {
          const retryAfter = retryAfterOf(error);
          if (retryAfter === undefined) throw error;
          stats.rateLimited++;
          if (attempt >= maxRetries || retryAfter > maxRetryAfterS) throw error;
          const ms = Math.max(retryAfter, 1) * 1000;
          stats.waitedMs += ms;
          pause(workspace, ms);
        }
      }
    },
  };
}
