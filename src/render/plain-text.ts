import type { KnownBlock } from '@slack/types';

/** Slack mrkdwn → readable terminal text (links as "label (url)", entities decoded, emphasis dropped). */
export function mrkdwnToPlain(text: string): string {
  return (
    text
      .replace(/<(https?:[^|>]+)\|([^>]+)>/g, '$2 ($1)')
      .replace(/<(https?:[^>]+)>/g, '$1')
      .replace(
        /<@([A-Z0-9]+)(\|[^>]+)?>/g,
        (_m, id: string, name?: string) => `@${name ? name.slice(1) : id}`,
      )
      .replace(/<#[A-Z0-9]+\|([^>]+)>/g, '#$1')
      .replace(/<!([a-z]+)[^>]*>/g, '@$1')
      // Slack draws emoji shortcodes; a terminal does not.
      .replace(/:warning:/g, '⚠️')
      .replace(/(^|[\s(])\*([^*\n]+)\*(?=$|[\s).,:;!?])/gm, '$1$2')
      .replace(/(^|[\s(])_([^_\n]+)_(?=$|[\s).,:;!?])/gm, '$1$2')
      .replace(/&lt;/g, '<')
      .replace(/&gt;/g, '>')
      .replace(/&amp;/g, '&')
  );
}

/** Renders Block Kit as terminal text. Buttons are dropped: the terminal has nothing to click. */
export function blocksToPlainText(blocks: readonly KnownBlock[]): string {
  const out: string[] = [];
  for (const block of blocks) {
    switch (block.type) {
      case 'header': {
        const t = block.text.text;
        out.push(`\n${t}\n${'─'.repeat(Math.min(t.length, 60))}`);
        break;
      }
      case 'section': {
        if (block.text) out.push(mrkdwnToPlain(block.text.text));
        if (block.fields) out.push(block.fields.map((f) => mrkdwnToPlain(f.text)).join('\n'));
        break;
      }
      case 'context': {
        const texts = block.elements.flatMap((e) =>
          'text' in e && typeof e.text === 'string' ? [e.text] : [],
        );
        out.push(texts.map(mrkdwnToPlain).join(' · '));
        break;
      }
      case 'divider':
        out.push('────────');
        break;
      default:
        break;
    }
  }
  return out.join('\n').trim();
}
