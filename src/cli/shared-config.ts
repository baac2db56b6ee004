import { parseSharedConfig, type SharedConfig } from '../config/config.ts';
import type { CliIo } from './command.ts';

/**
 * The shared settings (SLACK_BOT_TOKEN, SLACK_API_URL, GUIA_DB, GUIA_TZ, GUIA_CONTENT_DIR) through the
 * bot's own validation, so a bad value gets the same Spanish message; prints it and returns exit code 2.
 */
export function sharedConfigOrExit(io: Pick<CliIo, 'env' | 'stderr'>): SharedConfig | number {
  const parsed = parseSharedConfig(io.env);
  if (parsed.ok) return parsed.config;
  io.stderr.write(`${parsed.message}\n`);
  return 2;
}
