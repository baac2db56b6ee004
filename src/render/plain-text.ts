import type { KnownBlock } from '@slack/types';

export interface PlainTextOptions {
  /**
   * The user at the terminal: their mention reads "tú", not "@ULOCAL" (the replies already say «Tú
   * completaste» and «ahora eres responsable» for the reader's own changes).
   */
  you?: string;
  /** A local person's name for a user id ("ULANA" → "ana"), shown as "@ana". */
  nameOf?: (userId: string) => string | undefined;
}

/**
 * Slack mrkdwn → readable terminal text: links as "label (url)", entities decoded, emphasis and inline
 * code marks dropped, a ``` block's content on lines of its own (left as written: a CSV may hold * or _).
 */
export function mrkdwnToPlain(text: string, options: PlainTextOptions = {}): string {
  return text
    .split(/```/)
    .map((part, i) =>
      i % 2 === 1 ? `\n${decodeEntities(part.replace(/^\n|\n$/g, ''))}\n` : inline(part, options),
    )
    .join('')
    .replace(/\n{3,}/g, '\n\n')
    .replace(/^\n+|\n+$/g, '');
}

function inline(text: string, { you, nameOf }: PlainTextOptions): string {
  return decodeEntities(
    text
      .replace(/<(https?:[^|>]+)\|([^>]+)>/g, '$2 ($1)')
      .replace(/<(https?:[^>]+)>/g, '$1')
      .replace(/<@([A-Z0-9]+)(\|[^>]+)?>/g, (_m, id: string, name?: string) =>
        id === you ? 'tú' : `@${name ? name.slice(1) : (nameOf?.(id) ?? id)}`,
      )
      .replace(/<#[A-Z0-9]+\|([^>]+)>/g, '#$1')
      .replace(/<!([a-z]+)[^>]*>/g, '@$1')
      // Slack draws emoji shortcodes; a terminal does not.
      .replace(/:warning:/g, '⚠️')
      .replace(/`([^`\n]+)`/g, '$1')
      .replace(/(^|[\s(«"“•])\*([^*\n]+)\*(?=$|[\s).,:;!?»"”])/gm, '$1$2')
      .replace(/(^|[\s(«"“•])_([^_\n]+)_(?=$|[\s).,:;!?»"”])/gm, '$1$2'),
  );
}

const decodeEntities = (text: string): string =>
  text.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');

/** Renders Block Kit as terminal text. Buttons are dropped: the terminal has nothing to click. */
export function blocksToPlainText(blocks: readonly KnownBlock[], options: PlainTextOptions = {}): string {
  const plain = (text: string) => mrkdwnToPlain(text, options);
  const out: string[] = [];
  for (const block of blocks) {
    switch (block.type) {
      case 'header': {
        const t = block.text.text;
        out.push(`\n${t}\n${'─'.repeat(Math.min(t.length, 60))}`);
        break;
      }
      case 'section': {
        if (block.text) out.push(block.text.type === 'mrkdwn' ? plain(block.text.text) : block.text.text);
        if (block.fields) out.push(block.fields.map((f) => plain(f.text)).join('\n'));
        break;
      }
      case 'context': {
        const texts = block.elements.flatMap((e) =>
          'text' in e && typeof e.text === 'string' ? [e.text] : [],
        );
        out.push(texts.map(plain).join(' · '));
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
