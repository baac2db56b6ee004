import type { WebClient } from '@slack/web-api';
import { describeSlackError } from '../slack/web-api-errors.ts';
import type { DailyDeps, PostResult } from './daily.ts';

/** The bot was removed from the channel, or the channel is gone: stop posting there. */
const REMOVED = new Set(['not_in_channel', 'channel_not_found', 'is_archived']);

/** `chat.postMessage` for the daily job; turns every failure into a reason instead of throwing. */
export function createSlackPoster(client: WebClient): DailyDeps['post'] {
  return async (channel, message): Promise<PostResult> => {
    try {
      const res = await client.chat.postMessage({ channel, text: message.text, blocks: message.blocks });
      return res.ts ? { ok: true, ts: res.ts } : { ok: true };
    } catch (error) {
      const { reason } = describeSlackError(error);
      return { ok: false, reason, removed: REMOVED.has(reason) };
    }
  };
}
