import { webApi } from '@slack/bolt';
import { redactUrls } from '../config/redact.ts';
import { errorText } from '../error-text.ts';

/**
 * Why the bot could not start talking to Slack, in Spanish, naming what to check: the network and
 * SLACK_API_URL when Slack could not be reached at all, the tokens when Slack answered with a refusal.
 */
export function describeStartError(error: unknown, apiUrl: string | undefined): string {
  return redactUrls(startErrorText(error, apiUrl));
}

function startErrorText(error: unknown, apiUrl: string | undefined): string {
  const code = (error as { code?: unknown }).code;
  if (code === webApi.ErrorCode.RequestError || code === webApi.ErrorCode.HTTPError) {
    // fetch's own message is just "fetch failed"; the reason (ECONNREFUSED, ENOTFOUND, bad port…) is its cause.
    const original = (
      error as { original?: { message?: string; cause?: { code?: string; message?: string } } }
    ).original;
    const cause =
      original?.cause?.code ?? original?.cause?.message ?? original?.message ?? (error as Error).message;
    const where = apiUrl ? `SLACK_API_URL=${apiUrl}` : 'https://slack.com/api/ (SLACK_API_URL sin definir)';
    return (
      `No pude conectar con Slack en ${where} (${cause}). ` +
      'Revisa la conexión de red (o el proxy) y el valor de SLACK_API_URL.'
    );
  }
  const message = errorText(error);
  return `No pude conectar con Slack: ${message}. Revisa SLACK_BOT_TOKEN (y SLACK_APP_TOKEN en Socket Mode).`;
}
