/**
 * Turns Slack-formatted input (mentions, links, broadcast pings, entities) into the plain words a person
 * typed, so the answerer sees a question and nothing the bot echoes can ping anyone.
 */
export function plainQuestion(text: string, botUserId?: string): string {
  let s = text;
  if (botUserId) s = s.replaceAll(new RegExp(`<@${botUserId}(\\|[^>]*)?>`, 'g'), ' ');
  return s
    .replace(/<!(?:channel|here|everyone|subteam\^[A-Z0-9]+)(?:\|[^>]*)?>/gi, ' ')
    .replace(/<!date\^[^|>]*\|([^>]*)>/g, '$1')
    .replace(/<@[A-Z0-9]+\|([^>]+)>/g, '@$1')
    .replace(/<@[A-Z0-9]+>/g, ' ')
    .replace(/<#[A-Z0-9]+\|([^>]*)>/g, '#$1')
    .replace(/<(?:https?|mailto):[^|>]*\|([^>]*)>/g, '$1')
    .replace(/<((?:https?|mailto):[^>]*)>/g, '$1')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&')
    .replace(/\s+/g, ' ')
    .trim();
}
