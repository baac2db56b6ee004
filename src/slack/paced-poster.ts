import { webApi } from '@slack/bolt';
import type { WebClient } from '@slack/web-api';
import type { DailyDeps, PostResult } from '../schedule/daily.ts';
import type { Pacer } from './pacing.ts';
import { describeSlackError } from './web-api-errors.ts';

/** Per attempt: one Slack call that does not answer must not hold a workspace's whole run. */
const POST_TIMEOUT_MS = 15_000;

/**
 * A workspace's scheduled-post client: 429s come back as errors (`rejectRateLimitedCalls`) so the pacer
 * pauses the whole workspace for Retry-After instead of one call sleeping inside the client.
 */
export function createPacedClient(opts: { token: string; apiUrl?: string | undefined }): WebClient {
  return new webApi.WebClient(opts.token, {
    ...(opts.apiUrl ? { slackApiUrl: opts.apiUrl } : {}),
    retryConfig: { retries: 2 },
    rejectRateLimitedCalls: true,
    timeout: POST_TIMEOUT_MS,
    logLevel: webApi.LogLevel.ERROR,
  });
}

/** `chat.postMessage` through the pacer; never throws, like the daily job's other poster. */
export function createPacedPoster(client: WebClient, pacer: Pacer, workspace: string): DailyDeps['post'] {
  return async (channel, message): Promise<PostResult> => {
    try {
      const res = await pacer.send(workspace, channel, () =>
        client.chat.postMessage({ channel, text: message.text, blocks: message.blocks }),
      );
      return res.ts ? { ok: true, ts: res.ts } : { ok: true };
    } catch (error) {
      const { reason, channelGone } = describeSlackError(error);
      return { ok: false, reason, removed: channelGone };
    }
  };
}
