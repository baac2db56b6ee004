import type { WebClient } from '@slack/web-api';
import type { UploadFile } from '../bot/avance-command.ts';

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
