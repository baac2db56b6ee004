/**
 * Pure text helpers for the guide's Markdown + HTML: stripping markup to plain text and splitting lists
 * the way a reader would. The content is a small, known corpus, so a few careful regular expressions are
 * enough; no DOM is needed.
 */

const ENTITIES: Record<string, string> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
  nbsp: ' ',
  laquo: '«',
  raquo: '»',
  ndash: '–',
  mdash: '—',
};

function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, name: string) => {
    if (name.startsWith('#x') || name.startsWith('#X'))
      return String.fromCodePoint(Number.parseInt(name.slice(2), 16));
    if (name.startsWith('#')) return String.fromCodePoint(Number(name.slice(1)));
    return ENTITIES[name.toLowerCase()] ?? whole;
  });
}

/** Commented-out HTML is not part of the guide. */
export function stripComments(text: string): string {
  return text.replace(/<!--[\s\S]*?(?:-->|$)/g, '');
}

/** Liquid output/tags (`{{ … }}`, `{% … %}`) and kramdown attribute lists (`{:target="_blank"}`). */
function stripLiquid(text: string): string {
  return text
    .replace(/\{\{[\s\S]*?\}\}/g, '')
    .replace(/\{%[\s\S]*?%\}/g, '')
    .replace(/\{:[^}]*\}/g, '');
}

/** HTML to text: block tags become line breaks, other tags vanish (a link becomes its text). */
function stripHtml(text: string): string {
  return decodeEntities(
    stripComments(text)
      .replace(/<br\s*\/?>/gi, '\n')
      .replace(/<\/?(?:p|div|li|ul|ol|tr|table|tbody|thead|h[1-6])\b[^>]*>/gi, '\n')
      .replace(/<\/?(?:td|th)\b[^>]*>/gi, ' ')
      .replace(/<[^>]+>/g, ''),
  );
}

/** Markdown inline markup to text: links become their text, emphasis and code marks vanish. */
function stripMarkdownInline(text: string): string {
  return text
    .replace(/!\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/(\*\*|__)(.+?)\1/g, '$2')
    .replace(/(^|[\s(])[*_]([^*_\n]+)[*_](?=[\s).,;:]|$)/gm, '$1$2')
    .replace(/`([^`]*)`/g, '$1');
}

function collapseWhitespace(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/** Any fragment of the guide (HTML, Liquid, Markdown) as one line of plain text. */
export function toPlainText(text: string): string {
  const withoutBlocks = stripHtml(stripLiquid(stripComments(text)))
    .replace(/^\s{0,3}#{1,6}\s+/gm, '')
    .replace(/^\s*(?:[-*+]|\d+\.)\s+/gm, '')
    .replace(/^\s*\|?\s*:?-{3,}:?\s*(?:\|\s*:?-{3,}:?\s*)*\|?\s*$/gm, '');
  return collapseWhitespace(stripMarkdownInline(withoutBlocks));
}

/** Removes the connectors and punctuation a list item carries in running text: "…; y," "…; e" "…." */
function cleanItem(item: string): string {
  let text = collapseWhitespace(item);
  let previous: string;
  do {
    previous = text;
    text = text
      .replace(/^(?:y|e)\s*,?\s+/i, '')
      .replace(/[\s;,]+(?:y|e)\s*,?$/i, '')
      .replace(/[\s.;,:]+$/, '')
      .trim();
  } while (text !== previous);
  return text;
}

/**
 * Splits a run-on list the way a reader would: "A; B; y, C." gives ["A", "B", "C"]. Only semicolons
 * separate items, because the guide's items contain commas ("…, homólogas o equivalentes").
 */
export function splitList(text: string): string[] {
  return toPlainText(text)
    .split(';')
    .map(cleanItem)
    .filter((item) => item.length > 0);
}

/** The text of each `<li>`, nested markup (links, emphasis) reduced to its text. Comments ignored. */
export function htmlListItems(html: string): string[] {
  const items: string[] = [];
  for (const match of stripComments(html).matchAll(/<li\b[^>]*>([\s\S]*?)<\/li>/gi)) {
    const item = cleanItem(toPlainText(match[1] ?? ''));
    if (item) items.push(item);
  }
  return items;
}

/** Top-level Markdown list items (`- `, `* `, `+ `, `1. `); continuation lines join their item. */
export function markdownListItems(markdown: string): string[] {
  const items: string[] = [];
  let current: string | undefined;
  for (const line of stripComments(markdown).split('\n')) {
    const start = /^(?:[-*+]|\d+\.)\s+(.*)$/.exec(line);
    if (start) {
      if (current !== undefined) items.push(current);
      current = start[1] ?? '';
    } else if (current !== undefined && line.trim() !== '') {
      current += ` ${line.trim()}`;
    } else if (current !== undefined) {
      items.push(current);
      current = undefined;
    }
  }
  if (current !== undefined) items.push(current);
  return items.map((item) => cleanItem(toPlainText(item))).filter((item) => item.length > 0);
}

/** List items from HTML `<li>`s if there are any, else from a Markdown list. */
export function listItems(text: string): string[] {
  const html = htmlListItems(text);
  return html.length > 0 ? html : markdownListItems(text);
}
