/**
 * What every message the bot sends must satisfy, whatever the user typed: no broadcast ping anywhere
 * (text, blocks, button values), Block Kit limits respected, no half emoji (lone UTF-16 surrogate).
 * Returns a list of problems so a failing test says what broke.
 */
import type { Db } from '../../src/adapters/sqlite/db.ts';

const BROADCAST = /<!(channel|here|everyone|subteam\^)/i;

type Json = Record<string, unknown>;

export function payloadProblems(payload: Json, opts: { maxBlocks?: number } = {}): string[] {
  const problems: string[] = [];
  const raw = JSON.stringify(payload);
  if (BROADCAST.test(raw)) problems.push(`raw broadcast ping in payload: ${raw.match(BROADCAST)?.[0]}`);
  if (hasLoneSurrogate(payload)) problems.push('lone UTF-16 surrogate (half an emoji)');
  const text = payload.text;
  // Messages with blocks still need `text`: it is what notifications and screen readers show.
  if (Array.isArray(payload.blocks) && typeof text !== 'string')
    problems.push('blocks without a fallback text');
  if (typeof text === 'string') {
    if (text.trim() === '') problems.push('empty fallback text');
    if (text.length > 4000) problems.push(`fallback text of ${text.length} chars`);
  }
  const blocks = (payload.blocks ?? (payload.view as Json | undefined)?.blocks) as Json[] | undefined;
  if (blocks) {
    const max = opts.maxBlocks ?? 50;
    if (blocks.length > max) problems.push(`${blocks.length} blocks (max ${max})`);
    for (const [i, b] of blocks.entries()) problems.push(...blockProblems(b).map((p) => `block ${i}: ${p}`));
  }
  return problems;
}

function blockProblems(block: Json): string[] {
  const out: string[] = [];
  const textOf = (t: unknown) => (t && typeof t === 'object' ? String((t as Json).text ?? '') : '');
  if (block.type === 'header') {
    const t = textOf(block.text);
    if (t.length > 150) out.push(`header of ${t.length} chars`);
    if ((block.text as Json | undefined)?.type !== 'plain_text') out.push('header not plain_text');
  }
  if (block.type === 'section') {
    const t = textOf(block.text);
    if (t.length > 3000) out.push(`section text of ${t.length} chars`);
    if (!block.text && !block.fields) out.push('section without text');
    if (block.text && t.length === 0) out.push('empty section text');
  }
  if (block.type === 'context') {
    const els = (block.elements ?? []) as Json[];
    if (els.length > 10) out.push(`context with ${els.length} elements`);
    for (const e of els) if (String(e.text ?? '').length > 3000) out.push('context element too long');
  }
  const buttons = [
    ...(block.type === 'actions' ? ((block.elements ?? []) as Json[]) : []),
    ...(block.accessory ? [block.accessory as Json] : []),
  ];
  if (block.type === 'actions' && buttons.length > 25) out.push(`${buttons.length} action elements`);
  for (const b of buttons) {
    const v = b.value;
    if (typeof v === 'string' && v.length > 2000) out.push(`button value of ${v.length} chars`);
    if (String(b.action_id ?? '').length > 255) out.push('action_id too long');
    if (textOf(b.text).length > 75) out.push('button text too long');
  }
  return out;
}

function hasLoneSurrogate(value: unknown): boolean {
  if (typeof value === 'string') return !value.isWellFormed();
  if (Array.isArray(value)) return value.some(hasLoneSurrogate);
  if (value && typeof value === 'object') return Object.values(value).some(hasLoneSurrogate);
  return false;
}

/** Every row of every table except bookkeeping ones, for "nothing changed" assertions. */
export function dumpTables(db: Db, skip: readonly string[] = ['processed_events']): string {
  const tables = db
    .prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name")
    .all() as Array<{ name: string }>;
  return JSON.stringify(
    tables
      .filter((t) => !skip.includes(t.name))
      .map((t) => [t.name, db.prepare(`SELECT * FROM "${t.name}"`).all()]),
  );
}
