import type { KnownBlock } from '@slack/types';

/** Block Kit limits we stay within (Slack documents them; msg_blocks_too_long appears earlier, so lean). */
export const LIMITS = {
  messageBlocks: 50,
  homeBlocks: 100,
  sectionText: 3000,
  headerText: 150,
  contextElements: 10,
  buttonValue: 2000,
  /** Message `text` fallback (Slack truncates at 40k; we keep notifications short). */
  fallbackText: 3000,
} as const;

/** The first `max` UTF-16 units of `text`, without half of an emoji (a lone surrogate is not valid text). */
export function sliceWhole(text: string, max: number): string {
  const head = text.slice(0, max);
  return /[\uD800-\uDBFF]$/.test(head) ? head.slice(0, -1) : head;
}

/** Cuts `text` to at most `max` characters, ending with `…` (and `suffix`, e.g. a link) when it was cut. */
export function cut(text: string, max: number, suffix = ''): string {
  if (text.length <= max) return text;
  const room = Math.max(0, max - suffix.length - 1);
  // Do not leave half of a `<url|label>` or an `&amp;` entity behind.
  let head = sliceWhole(text, room);
  const open = head.lastIndexOf('<');
  if (open > head.lastIndexOf('>')) head = head.slice(0, open);
  const amp = head.lastIndexOf('&');
  if (amp > head.lastIndexOf(';') && head.length - amp < 8) head = head.slice(0, amp);
  return `${head.trimEnd()}…${suffix}`;
}

/** Keeps at most `max` blocks; when some are dropped, the last kept one says so. */
export function capBlocks(blocks: KnownBlock[], max: number, moreText: string): KnownBlock[] {
  if (blocks.length <= max) return blocks;
  return [...blocks.slice(0, max - 1), { type: 'context', elements: [{ type: 'mrkdwn', text: moreText }] }];
}

export const section = (text: string): KnownBlock => ({
  type: 'section',
  text: { type: 'mrkdwn', text: cut(text, LIMITS.sectionText) },
});

export const header = (text: string): KnownBlock => ({
  type: 'header',
  text: { type: 'plain_text', text: cut(text, LIMITS.headerText), emoji: true },
});

export const context = (...texts: string[]): KnownBlock => ({
  type: 'context',
  elements: texts
    .slice(0, LIMITS.contextElements)
    .map((t) => ({ type: 'mrkdwn' as const, text: cut(t, LIMITS.sectionText) })),
});

export const divider = (): KnownBlock => ({ type: 'divider' });
