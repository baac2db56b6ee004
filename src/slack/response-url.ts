import type { RespondArguments } from '@slack/bolt';
import type { Logger } from 'pino';

/** Slack accepts at most 5 posts to one response_url, within 30 minutes of the interaction. */
export const RESPONSE_URL_USES = 5;
export const RESPONSE_URL_WINDOW_MS = 30 * 60_000;

export interface ResponderOptions {
  /** The monitored fetch with a timeout (slack-health.ts). */
  fetch: typeof fetch;
  log: Logger;
  /** First wait before a retry; doubled each time unless Slack says how long (Retry-After). */
  baseDelayMs?: number;
  now?: () => number;
  sleep?: (ms: number) => Promise<void>;
}

/** Posts to one response_url; resolves with whether the message got through. Never throws. */
export type Responder = (message: RespondArguments) => Promise<boolean>;

/**
 * Replies through a response_url, retried with backoff when Slack or the network fails (5xx, 429 after its
 * Retry-After, a timeout), within Slack's limits for the url: every attempt counts as one of its 5 uses, and
 * none starts after 30 minutes. A refusal that a retry cannot fix (404 expired url, 400) is logged, not
 * retried. The change a command made is already stored either way, so the next `/avance` shows it.
 */
export function createResponder(url: string, opts: ResponderOptions): Responder {
  const now = opts.now ?? Date.now;
  const sleep = opts.sleep ?? ((ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms)));
  const baseDelay = opts.baseDelayMs ?? 1000;
  const started = now();
  let uses = 0;
  return async (message) => {
    for (let attempt = 0; ; attempt++) {
      if (uses >= RESPONSE_URL_USES) {
        opts.log.warn({ uses }, 'response_url: no uses left, reply dropped');
        return false;
      }
      uses++;
      let status: number | undefined;
      let retryAfter: number | undefined;
      try {
        const response = await opts.fetch(url, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          // Well-formed already: Slack's input is scrubbed where it comes in (well-formed-input.ts).
          body: JSON.stringify(message),
        });
        await response.body?.cancel();
        if (response.ok) return true;
        status = response.status;
        retryAfter = retryAfterMs(response.headers.get('retry-after'));
      } catch {
        // Network failure or timeout: worth another try.
      }
      const retryable = status === undefined || status === 429 || status === 408 || status >= 500;
      if (!retryable) {
        opts.log.warn({ status }, 'response_url refused the reply');
        return false;
      }
      const delay = retryAfter ?? baseDelay * 2 ** attempt;
      if (uses >= RESPONSE_URL_USES || now() + delay - started > RESPONSE_URL_WINDOW_MS) {
        opts.log.warn(
          { status: status ?? 'network', attempts: attempt + 1 },
          'response_url: reply not delivered',
        );
        return false;
      }
      opts.log.info({ status: status ?? 'network', delayMs: delay }, 'response_url: retrying the reply');
      await sleep(delay);
    }
  };
}

/** Retry-After in seconds (what Slack sends) or as an HTTP date. */
function retryAfterMs(header: string | null): number | undefined {
  if (!header) return undefined;
  const seconds = Number(header);
  if (Number.isFinite(seconds) && seconds >= 0) return seconds * 1000;
  const date = Date.parse(header);
  return Number.isNaN(date) ? undefined : Math.max(0, date - Date.now());
}
