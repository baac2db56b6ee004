/**
 * Escapes user text for Slack mrkdwn: only `&`, `<` and `>`, as Slack documents. This makes `<!channel>`,
 * `<!here>` and `<@U…>` inert, so echoing a user's words can never ping anybody.
 */
export function escapeMrkdwn(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/**
 * Free text a user typed (a block reason), shown inside our own formatting: escaped like escapeMrkdwn, and
 * a ``` fence is broken up (a zero-width space between the backticks) so it cannot turn the rest of the
 * message into a code block.
 */
export function escapeUserText(text: string): string {
  return escapeMrkdwn(text).replace(/`(?=`)/g, '`\u200B');
}
