/** What went wrong in a Web API or response_url call, reduced to what handlers decide on. */
export interface SlackFailure {
  /** Slack's error code (`channel_not_found`, `not_in_channel`, `ratelimited`…) or `network` / `http_<status>`. */
  reason: string;
  /** The bot cannot write there at all: telling the user in the same place would fail again. */
  cannotPostHere: boolean;
  /** The bot was removed from the channel, or the channel is gone: stop posting there for good. */
  channelGone: boolean;
}

const CHANNEL_GONE = new Set(['channel_not_found', 'not_in_channel', 'is_archived']);

const CANNOT_POST = new Set([...CHANNEL_GONE, 'restricted_action', 'cannot_dm_bot', 'user_not_found']);

/** Reads the error classes of @slack/web-api (by their `code`, which survives bundling) and Bolt's RespondError. */
export function describeSlackError(error: unknown): SlackFailure {
  const e = error as {
    code?: string;
    data?: { error?: string };
    statusCode?: number;
    retryAfter?: number;
    original?: { message?: string };
  };
  let reason = 'unknown';
  switch (e?.code) {
    case 'slack_webapi_platform_error':
      reason = e.data?.error ?? 'platform_error';
      break;
    case 'slack_webapi_rate_limited_error':
      reason = 'ratelimited';
      break;
    case 'slack_webapi_request_error':
      reason = 'network';
      break;
    case 'slack_webapi_http_error':
      reason = `http_${e.statusCode ?? '?'}`;
      break;
    default:
      if (error instanceof Error && /rate limit/i.test(error.message)) reason = 'ratelimited';
      else if (error instanceof Error && error.name === 'RespondError') reason = 'response_url';
      else if (error instanceof Error) reason = error.message.slice(0, 200);
  }
  return { reason, cannotPostHere: CANNOT_POST.has(reason), channelGone: CHANNEL_GONE.has(reason) };
}
