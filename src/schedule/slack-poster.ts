import { webApi } from '@slack/bolt';
import type { WebClient } from '@slack/web-api';
import type { Pacer } from '../slack/pacing.ts';
import { SLACK_CALL_TIMEOUT_MS } from '../slack/slack-health.ts';
import { describeSlackError } from '../slack/web-api-errors.ts';
import type { DailyDeps, PostResult } from './daily.ts';

/**
 * The Web API client of the scheduled posts, for the bot (paced or not) and for `guia post-daily` alike.
 * Its own client, not Bolt's: Bolt's retries for about 30 minutes, so one failing channel would hold up
 * every later one, and a post Slack refused is tried again by the next runs anyway (see runDaily). The
 * client's own English log lines are silenced: each failure comes back as a reason in the run result.
 */
export function createPosterClient(opts: {
  token: string;
  apiUrl?: string | undefined;
  /** The bot's monitored fetch, so /healthz also sees the scheduled posts. */
  fetch?: typeof fetch;
  timeoutMs?: number;
  /**
   * For a pacer: a 429 comes back as an error, so the pacer pauses the whole workspace for Retry-After
   * instead of one call sleeping inside the client.
   */
  rejectRateLimitedCalls?: boolean;
}): WebClient {
  return new webApi.WebClient(opts.token, {
    ...(opts.apiUrl ? { slackApiUrl: opts.apiUrl } : {}),
    ...(opts.fetch ? { fetch: opts.fetch } : {}),
    // One hung post cannot hold up the run: each attempt ends, and the channel is retried by later runs.
    timeout: opts.timeoutMs ?? SLACK_CALL_TIMEOUT_MS,
    retryConfig: { retries: 2 },
    ...(opts.rejectRateLimitedCalls ? { rejectRateLimitedCalls: true } : {}),
    logLevel: webApi.LogLevel.ERROR,
  });
}

/**
 * `chat.postMessage` for the scheduled posts, through the pacer when one is given (the workspace's budget
 * and each channel's rate); turns every failure into a reason instead of throwing.
 */
export function createSlackPoster(
  client: WebClient,
  paced?: { pacer: Pacer; workspace: string },
): DailyDeps['post'] {
  return async (channel, message): Promise<PostResult> => {
    const post = () => client.chat.postMessage({ channel, text: message.text, blocks: message.blocks });
    try {
      const res = await (paced ? paced.pacer.send(paced.workspace, channel, post) : post());
      return res.ts ? { ok: true, ts: res.ts } : { ok: true };
    } catch (error) {
      const { reason, channelGone } = describeSlackError(error);
      return { ok: false, reason, removed: channelGone };
    }
  };
}

/** A DM to a person for the reminders: opens (or finds) the DM channel, then posts; never throws. */
export function createSlackDm(
  client: WebClient,
): (userId: string, message: Parameters<DailyDeps['post']>[1]) => Promise<PostResult> {
  const post = createSlackPoster(client);
  return async (userId, message) => {
    try {
      const opened = await client.conversations.open({ users: userId });
      const channel = opened.channel?.id;
      if (!channel) return { ok: false, reason: 'no_dm_channel', removed: false };
      return await post(channel, message);
    } catch (error) {
      return { ok: false, reason: describeSlackError(error).reason, removed: false };
    }
  };
}

/** Whether the bot can post in a channel, as `/avance diario` needs to know before promising a post. */
export type ChannelAccess = 'ok' | 'not_in_channel' | 'unknown';

/**
 * `conversations.info`: `is_member` for channels; a private channel the bot is not in answers
 * `channel_not_found`. A missing scope or a network error is `unknown`: the setting is then accepted, and a
 * failing post is told later (DM and `/avance`).
 */
export function createChannelAccess(client: WebClient): (channelId: string) => Promise<ChannelAccess> {
  return async (channelId) => {
    // Direct messages with the bot: it is always there.
    if (channelId.startsWith('D')) return 'ok';
    try {
      const res = await client.conversations.info({ channel: channelId });
      const channel = res.channel as { is_member?: boolean; is_im?: boolean } | undefined;
      if (channel?.is_im) return 'ok';
      if (channel?.is_member === false) return 'not_in_channel';
      return channel?.is_member ? 'ok' : 'unknown';
    } catch (error) {
      const { channelGone } = describeSlackError(error);
      return channelGone ? 'not_in_channel' : 'unknown';
    }
  };
}
