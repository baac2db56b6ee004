// The blind set's scorer, on made-up turns: blind.jsonl itself is held out and never read by a test.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import {
  type AskOutput,
  askLine,
  type BlindItem,
  blindTable,
  formatBlindTable,
  judgeBlind,
} from './evaluate.ts';

const step = (id: string, guide = 'guia-2017') => ({ guide, id });

describe('scoring the blind set per kind of question', () => {
  it('counts a missing answer or a missing field as wrong, never as right', () => {
    const items: BlindItem[] = [
      {
        kind: 'list',
        q: 'pasos de Planea',
        expect: { outcome: 'list', steps: ['guia-2017:1.1', 'guia-2017:1.2', 'guia-2017:1.3'] },
      },
      {
        kind: 'definition',
        q: '¿qué es ADELA?',
        expect: { outcome: 'answered', intent: 'definicion', term: 'ADELA' },
      },
    ];
    const [list, definition] = judgeBlind(items, [{ outcome: 'list', intent: null, step: null }, null]);
    expect(list?.checks).toEqual({ outcome: true, list: false });
    expect(definition?.checks).toEqual({ outcome: false, intent: false, term: false });
    expect(list?.right || definition?.right).toBe(false);
  });

  it('compares a list as a set of steps: order does not matter, an extra or missing step does', () => {
    const item: BlindItem = {
      kind: 'several',
      q: '¿quién participa en los pasos 1.1 y 1.2?',
      expect: { outcome: 'list', intent: 'involucrados', steps: ['guia-2017:1.1', 'guia-2017:1.2'] },
    };
    const out = (steps: unknown[]): AskOutput => ({ outcome: 'list', intent: 'involucrados', steps });
    const verdicts = judgeBlind(
      [item, item, item, item],
      [
        out([step('1.2'), step('1.1')]),
        out(['guia-2017:1.1', 'guia-2017:1.2']),
        out([step('1.1')]),
        out([step('1.1'), step('1.2'), step('1.3')]),
      ],
    );
    expect(verdicts.map((v) => v.checks.list)).toEqual([true, true, false, false]);
  });

  it("finds the guide's words in the reply whatever the case, accents or bold stars", () => {
    const item: BlindItem = {
      kind: 'specific',
      q: '¿quién designa al Administrador de Datos Abiertos?',
      expect: { outcome: 'answered', step: 'guia-2017:1.1', must_contain: ['Titular de la Institución'] },
    };
    const [yes, no] = judgeBlind(
      [item, item],
      [
        { outcome: 'answered', step: step('1.1'), text: 'El *titular de la   institucion* nombra…' },
        { outcome: 'answered', step: step('1.1'), text: '*Involucrados:* Coordinación de Asesores' },
      ],
    );
    expect(yes?.right).toBe(true);
    expect(no?.checks).toEqual({ outcome: true, step: true, mustContain: false });
  });

  it('judges follow-ups only on the later turns of a thread, and sends those turns as thread objects', () => {
    const items: BlindItem[] = [
      {
        kind: 'conversation',
        q: '¿quién participa en el 1.1?',
        thread: 'a',
        expect: { outcome: 'answered', step: 'guia-2017:1.1' },
      },
      {
        kind: 'conversation',
        q: '¿y el plazo?',
        thread: 'a',
        expect: { outcome: 'answered', step: 'guia-2017:1.1', intent: 'plazo' },
      },
    ];
    expect(askLine(items[1] as BlindItem)).toBe('{"q":"¿y el plazo?","thread":"a"}');
    expect(askLine(items[1] as BlindItem, true)).toBe('¿y el plazo?');
    const verdicts = judgeBlind(items, [
      { outcome: 'answered', step: step('1.1'), intent: 'involucrados' },
      { outcome: 'no_match', step: null, intent: 'plazo' },
    ]);
    expect(verdicts.map((v) => v.followUp)).toEqual([false, true]);
    const [row] = blindTable(verdicts);
    expect(row?.followUps).toEqual({ ok: 0, of: 1 });
    expect(row?.refusedOnTopic).toEqual({ ok: 1, of: 2 });
  });

  it('prints one row per kind present and a total, refusals counted apart from on-topic questions', () => {
    const items: BlindItem[] = [
      { kind: 'offtopic', q: 'receta de pozole', expect: { outcome: 'no_match' } },
      { kind: 'small_talk', q: 'gracias', expect: { outcome: 'small_talk' } },
      {
        kind: 'paraphrase',
        q: 'plazo del plan de apertura',
        expect: { outcome: 'answered', step: 'guia-2017:1.3' },
      },
    ];
    const rows = blindTable(
      judgeBlind(items, [
        { outcome: 'no_match' },
        { outcome: 'empty' },
        { outcome: 'answered', step: step('1.3') },
      ]),
    );
    expect(rows.map((r) => r.kind)).toEqual(['paraphrase', 'offtopic', 'small_talk', 'TOTAL']);
    const total = rows.at(-1);
    expect(total?.offTopicRefused).toEqual({ ok: 1, of: 1 });
    expect(total?.refusedOnTopic).toEqual({ ok: 0, of: 1 });
    expect(total?.allRight).toEqual({ ok: 2, of: 3 });
    const table = formatBlindTable(rows);
    expect(table).toContain('| offtopic');
    expect(table).toMatch(/\| TOTAL +\| 3 +\|/);
  });
});

describe('the blind sets stay out of the tests', () => {
  it('is read by no test file, so no test can steer the answering code towards it', () => {
    const root = fileURLToPath(new URL('../', import.meta.url));
    const self = fileURLToPath(import.meta.url);
    const files = (readdirSync(root, { recursive: true }) as string[])
      .filter((f) => f.endsWith('.ts'))
      .map((f) => join(root, f))
      .filter((f) => f !== self && !f.endsWith('evaluate.ts') && !f.endsWith('run-eval.ts'));
    const readers = files.filter((f) =>
      /blind\.jsonl|-2026-12-02\.jsonl|BLIND_FILE|BLIND_SETS|readBlind/.test(readFileSync(f, 'utf8')),
    );
    expect(readers).toEqual([]);
  });
});
