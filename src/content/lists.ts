/**
 * Pure text helpers for the guide's Markdown + HTML: stripping markup to plain text and splitting lists
 * the way a reader would. The content is a small, known corpus, so a few careful regular expressions are
 * enough; no DOM is needed.
 */

// A Map, not an object literal: `&constructor;` in a file must not find Object.prototype's members.
const ENTITIES: ReadonlyMap<string, string> = new Map(
  Object.entries({
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
  }),
);

/** As HTML does: a reference to no character (0, a surrogate half, beyond U+10FFFF) reads as U+FFFD. */
function fromCodePoint(code: number): string {
  const valid = Number.isInteger(code) && code > 0 && code <= 0x10ffff && !(code >= 0xd800 && code <= 0xdfff);
  return valid ? String.fromCodePoint(code) : '\uFFFD';
}

function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, name: string) => {
    if (name.startsWith('#x') || name.startsWith('#X'))
      return fromCodePoint(Number.parseInt(name.slice(2), 16));
    if (name.startsWith('#')) return fromCodePoint(Number(name.slice(1)));
    return ENTITIES.get(name.toLowerCase()) ?? whole;
  });
}

/** Commented-out HTML is not part of the guide. */
export function stripComments(text: string): string {
  return text.replace(/<!--[\s\S]*?(?:-->|$)/g, '');
}

/**
 * Removes every `open … close` span, as a lazy regular expression would, in one pass: once an opening has
 * no closing after it, none of the later ones has either, so the scan stops instead of retrying each.
 */
function removeSpans(text: string, open: string, close: string): string {
  let out = '';
  let from = 0;
  for (;;) {
    const start = text.indexOf(open, from);
    const end = start < 0 ? -1 : text.indexOf(close, start + open.length);
    if (end < 0) return out + text.slice(from);
    out += text.slice(from, start);
    from = end + close.length;
  }
}

/** Liquid output/tags (`{{ … }}`, `{% … %}`) and kramdown attribute lists (`{:target="_blank"}`). */
function stripLiquid(text: string): string {
  return removeSpans(removeSpans(removeSpans(text, '{{', '}}'), '{%', '%}'), '{:', '}');
}

/** One HTML element: the whole match, the text between its tags, and where it starts. */
export interface Element {
  whole: string;
  inner: string;
  index: number;
}

/**
 * The `<tag …>…</tag>` elements of `html` in order, each closed by the first closing tag after it (no
 * nesting), like `/<tag\b[^>]*>([\s\S]*?)<\/tag>/gi` but linear: when an opening tag has no `>` or no
 * closing tag after it, no later one can have either, so the scan ends there. `tags` is a regex
 * alternation of names ("li", "td|th"); the closing tag may be any of them, as in the pattern it replaces.
 */
export function elements(html: string, tags: string): Element[] {
  const open = new RegExp(`<(?:${tags})\\b`, 'gi');
  const close = new RegExp(`<\\/(?:${tags})>`, 'gi');
  const found: Element[] = [];
  for (;;) {
    const start = open.exec(html);
    if (!start) return found;
    const gt = html.indexOf('>', start.index);
    if (gt < 0) return found;
    close.lastIndex = gt + 1;
    const end = close.exec(html);
    if (!end) return found;
    found.push({
      whole: html.slice(start.index, close.lastIndex),
      inner: html.slice(gt + 1, end.index),
      index: start.index,
    });
    open.lastIndex = close.lastIndex;
  }
}

/** HTML to text: block tags become line breaks, other tags vanish (a link becomes its text). */
function stripHtml(text: string): string {
  // `[^<>]*` rather than `[^>]*`: an unclosed `<p` then stops at the next `<`, so no tag rescans the text.
  return decodeEntities(
    stripComments(text)
      .replace(/<br\s*\/?>/gi, '\n')
      .replace(/<\/?(?:p|div|li|ul|ol|tr|table|tbody|thead|h[1-6])\b[^<>]*>/gi, '\n')
      .replace(/<\/?(?:td|th)\b[^<>]*>/gi, ' ')
      .replace(/<[^<>]+>/g, ''),
  );
}

/** Markdown inline markup to text: links become their text, emphasis and code marks vanish. */
function stripMarkdownInline(text: string): string {
  return (
    text
      // No bracket inside the text and no parenthesis inside the address: each try stops at the next one.
      .replace(/!\[([^[\]]*)\]\([^()]*\)/g, '$1')
      .replace(/\[([^[\]]*)\]\([^()]*\)/g, '$1')
      .replace(/(\*\*|__)(.+?)\1/g, '$2')
      .replace(/(^|[\s(])[*_]([^*_\n]+)[*_](?=[\s).,;:]|$)/gm, '$1$2')
      .replace(/`([^`]*)`/g, '$1')
  );
}

function collapseWhitespace(text: string): string {
  // Only runs and non-space blanks are replaced: a match per single space made ", , , …" 100× slower.
  return text.replace(/\s{2,}|[^\S ]/g, ' ').trim();
}

/** Any fragment of the guide (HTML, Liquid, Markdown) as one line of plain text. */
export function toPlainText(text: string): string {
  const withoutBlocks = stripHtml(stripLiquid(stripComments(text)))
    .replace(/^\s{0,3}#{1,6}\s+/gm, '')
    // `[ \t]`, not `\s`, at a line start: `\s*` would run over every following blank line, from each one.
    .replace(/^[ \t]*(?:[-*+]|\d+\.)\s+/gm, '')
    // Each optional pipe takes its own blanks: two `[ \t]*` side by side around a `\|?` backtrack
    // quadratically on a long line of blanks.
    .replace(/^[ \t]*(?:\|[ \t]*)?:?-{3,}:?[ \t\r]*(?:\|[ \t]*:?-{3,}:?[ \t\r]*)*(?:\|[ \t\r]*)?$/gm, '');
  return collapseWhitespace(stripMarkdownInline(withoutBlocks));
}

const LEADING_CONNECTOR = /(?:y|e)\s*,?\s+/iy;
const isPunctuation = (char: string | undefined): boolean => char !== undefined && ' .;,:'.includes(char);

/**
 * Removes the connectors and punctuation a list item carries in running text: "…; y," "…; e" "…." By
 * moving two indexes, never re-matching the whole item, so a run of commas or "y y y" stays linear.
 */
function cleanItem(item: string): string {
  const text = collapseWhitespace(item);
  let start = 0;
  let end = text.length;
  for (;;) {
    const before = end - start;
    LEADING_CONNECTOR.lastIndex = start;
    while (LEADING_CONNECTOR.test(text) && LEADING_CONNECTOR.lastIndex <= end) {
      start = LEADING_CONNECTOR.lastIndex;
    }
    while (end > start && isPunctuation(text[end - 1])) end--;
    // "…; y" / "…, e": a lone connector after a separator.
    const last = text[end - 1]?.toLowerCase();
    if ((last === 'y' || last === 'e') && end - 2 >= start && ';, '.includes(text[end - 2] ?? 'x')) end--;
    if (end - start === before) break;
  }
  return text.slice(start, end).trim();
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
  for (const li of elements(stripComments(html), 'li')) {
    const item = cleanItem(toPlainText(li.inner));
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
