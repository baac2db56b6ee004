/**
 * Turns Slack-formatted input (mentions, links, broadcast pings, entities) into the plain words a person
 * typed, so the answerer sees a question and nothing the bot echoes can ping anyone.
 */
export function plainQuestion(text: string, botUserId?: string): string {
  let s = text;
  if (botUserId) s = s.replaceAll(new RegExp(`<@${botUserId}(\\|[^>]*)?>`, 'g'), ' ');
  return (
    s
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
      // Control characters, bidi overrides and zero-width marks are invisible: they only confuse matching
      // and can make an echoed question read backwards. A zero-width mark inside a word must not split it.
      .replace(/\p{Cf}/gu, '')
      .replace(/\p{Cc}/gu, ' ')
      .replace(/\s+/g, ' ')
      .trim()
  );
}
