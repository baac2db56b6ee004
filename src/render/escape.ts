/**
 * Escapes user text for Slack mrkdwn: only `&`, `<` and `>`, as Slack documents. This makes `<!channel>`,
 * `<!here>` and `<@U…>` inert, so echoing a user's words can never ping anybody.
 */
export function escapeMrkdwn(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}
