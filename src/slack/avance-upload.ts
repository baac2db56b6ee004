import { webApi } from '@slack/bolt';
import type { RetryOptions, WebClient } from '@slack/web-api';
import type { UploadFile } from '../bot/avance-command.ts';

/** Per attempt, so a Slack that does not answer cannot hold `/avance exportar` for ever. */
const UPLOAD_TIMEOUT_MS = 30_000;

/** `/avance exportar` through files.uploadV2 (needs files:write and the bot in the channel). Throws on failure. */
export function createSlackUploader(client: WebClient): (file: UploadFile) => Promise<void> {
  return async (file) => {
    await client.files.uploadV2({
      channel_id: file.channelId,
      filename: file.filename,
      title: file.title,
      content: file.content,
      initial_comment: file.comment,
    });
  };
}

/**
 * The uploader with its own Web API client (the bot token, SLACK_API_URL), so the bot services can be
 * built before the Slack app that will carry them. Failures are logged by `/avance` (AvanceDeps.onError).
 */
export function createUploadClient(opts: {
  token: string;
  apiUrl?: string | undefined;
  retryConfig?: RetryOptions | undefined;
}): WebClient {
  return new webApi.WebClient(opts.token, {
    ...(opts.apiUrl ? { slackApiUrl: opts.apiUrl } : {}),
    ...(opts.retryConfig ? { retryConfig: opts.retryConfig } : {}),
    timeout: UPLOAD_TIMEOUT_MS,
    logLevel: webApi.LogLevel.ERROR,
  });
}
