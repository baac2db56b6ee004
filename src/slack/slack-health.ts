/**
 * Every HTTP call to Slack (Web API methods, uploads, response_url replies) goes through this fetch: it
 * adds a timeout where the caller set none, so a Slack that stops answering cannot hold a call (nor a
 * slot of the client's queue) forever, and it feeds a small monitor that /healthz reads.
 */

/** Per attempt; Slack answers in well under a second when it is well. */
export const SLACK_CALL_TIMEOUT_MS = 10_000;
/** Calls failing in a row (network, timeout, 5xx, 429) before /healthz says degraded. */
const FAILURES_TO_DEGRADE = 3;
/** A run of failures older than this no longer counts: nobody has called Slack since. */
const FAILURE_MEMORY_MS = 5 * 60_000;

export type SlackHealthState = { ok: true } | { ok: false; reason: string };

export interface SlackHealth {
  /** Give this to the Web API client (`clientOptions.fetch`) and to every response_url reply. */
  fetch: typeof fetch;
  state(): SlackHealthState;
}

export function createSlackHealth(
  opts: { timeoutMs?: number; fetch?: typeof fetch; now?: () => number } = {},
): SlackHealth {
  const timeoutMs = opts.timeoutMs ?? SLACK_CALL_TIMEOUT_MS;
  const base = opts.fetch ?? globalThis.fetch;
  const now = opts.now ?? Date.now;
  const inFlight = new Map<number, number>();
  let next = 0;
  let failuresInARow = 0;
  let lastFailureAt = 0;

  const record = (ok: boolean) => {
    if (ok) {
      failuresInARow = 0;
      return;
    }
    failuresInARow++;
    lastFailureAt = now();
  };

  const guarded: typeof fetch = async (input, init) => {
    const id = next++;
    inFlight.set(id, now());
    const timeout = AbortSignal.timeout(timeoutMs);
    const signal = init?.signal ? AbortSignal.any([init.signal, timeout]) : timeout;
    try {
      const response = await base(input, { ...init, signal });
      record(response.status < 500 && response.status !== 429);
      return response;
    } catch (error) {
      record(false);
      throw error;
    } finally {
      inFlight.delete(id);
    }
  };

  return {
    fetch: guarded,
    state() {
      const at = now();
      const oldest = Math.min(...inFlight.values());
      // The timeout should end every call; one still open well past it means the connection is stuck.
      if (inFlight.size > 0 && at - oldest > 2 * timeoutMs) {
        return {
          ok: false,
          reason: `una llamada a Slack lleva ${Math.round((at - oldest) / 1000)} s sin respuesta`,
        };
      }
      if (failuresInARow >= FAILURES_TO_DEGRADE && at - lastFailureAt < FAILURE_MEMORY_MS) {
        return { ok: false, reason: `las últimas ${failuresInARow} llamadas a Slack fallaron` };
      }
      return { ok: true };
    },
  };
}
