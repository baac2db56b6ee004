import type { WebClient } from '@slack/web-api';
import type { ChartUpload } from '../schedule/weekly.ts';
import { describeSlackError } from './web-api-errors.ts';

/**
 * The weekly chart through files.uploadV2 into the report's channel, with its alt text for screen readers.
 * Never throws: a refused upload comes back as Slack's reason (the report itself is already posted).
 */
export function createSlackChartUploader(
  client: WebClient,
): (file: ChartUpload) => Promise<{ ok: true } | { ok: false; reason: string }> {
  return async (file) => {
    try {
      await client.files.uploadV2({
        channel_id: file.channelId,
        filename: file.filename,
        title: file.title,
        file: file.png,
        alt_text: file.altText,
        initial_comment: file.comment,
      });
      return { ok: true };
    } catch (error) {
      return { ok: false, reason: describeSlackError(error).reason };
    }
  };
}
