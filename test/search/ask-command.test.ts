import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import ask from '../../src/cli/commands/ask.ts';
import { runCommand } from '../cli/run-command.ts';

const content = fileURLToPath(new URL('../../content', import.meta.url));

const run = (args: string[], stdinLines: string[] = []) => runCommand(ask, args, {}, stdinLines);

describe('guia ask', () => {
  it('prints the answer text', async () => {
    const { code, stdout } = await run(['--content', content, '¿quién le entra al 1.2?']);
    expect(code).toBe(0);
    // Terminal text, not Slack mrkdwn.
    expect(stdout).toContain('Paso 1.2 · Priorizar los datos de valor\nInvolucrados:\n');
    expect(stdout).not.toContain('*');
    expect(stdout).toContain('• Enlace Institucional');
  });

  it('--json prints one object with intent, step, alternatives, confidence and text', async () => {
    const { stdout } = await run(['--json', '--content', content, 'plazo del 4.1 de la edición 2015']);
    const answer = JSON.parse(stdout);
    expect(answer).toMatchObject({
      intent: 'plazo',
      step: { guide: 'guia-2015', id: '4.1' },
      confidence: 1,
    });
    expect(typeof answer.text).toBe('string');
    expect(Array.isArray(answer.alternatives)).toBe(true);
  });

  it('--json without a question answers each stdin line, blank ones too, in order, one JSON object per line', async () => {
    const { code, stdout } = await run(
      ['--json', '--content', content],
      ['paso 1.1', '', 'paso 2.3', '¿Cuál es la capital de Francia?'],
    );
    expect(code).toBe(0);
    const lines = stdout
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    // A blank line gets the empty-question reply, so answer N still belongs to question N.
    expect(lines.map((l) => l.step?.id ?? null)).toEqual(['1.1', null, '2.3', null]);
    expect(lines[1].outcome).toBe('empty');
  });

  it('--json keeps {"q","thread"} lines with the same thread as one conversation, even interleaved', async () => {
    const { code, stdout } = await run(
      ['--json', '--content', content],
      [
        JSON.stringify({ q: '¿quién participa en el paso 1.1?', thread: 'a' }),
        JSON.stringify({ q: 'plazo del paso 4.1', thread: 'b' }),
        JSON.stringify({ q: '¿y cuál es el plazo?', thread: 'a' }),
        '¿y cuál es el plazo?',
        JSON.stringify({ q: '¿y en la edición 2015?', thread: 'b' }),
        JSON.stringify({ q: '¿y el siguiente?', thread: 'a' }),
        '{"q": 3}',
      ],
    );
    expect(code).toBe(0);
    const out = stdout
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(out).toHaveLength(7);
    expect(out.map((o) => (o.step ? `${o.step.guide}:${o.step.id}` : o.outcome))).toEqual([
      'guia-2017:1.1',
      'guia-2017:4.1',
      'guia-2017:1.1',
      // A plain line is an independent question: no step to refer to.
      'empty',
      'guia-2015:4.1',
      'guia-2017:1.2',
      // Not a {"q": string} object: read as the question it is.
      'no_match',
    ]);
    expect(out[2]).toMatchObject({ intent: 'plazo', follow_up: true });
    for (const o of out) {
      for (const field of [
        'outcome',
        'intent',
        'step',
        'steps',
        'alternatives',
        'term',
        'confidence',
        'text',
      ])
        expect(o).toHaveProperty(field);
    }
  });

  it('--json gives lists every step and definitions their term', async () => {
    const { stdout } = await run(
      ['--json', '--content', content],
      ['pasos de la fase Promueve', '¿qué es ADELA?'],
    );
    const [list, definition] = stdout
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(list).toMatchObject({ outcome: 'list', step: null });
    expect(list.steps.map((s: { id: string }) => s.id)).toEqual(['4.1', '4.2', '4.3']);
    expect(definition).toMatchObject({ outcome: 'answered', intent: 'definicion', term: 'ADELA' });
  });

  it('explains its usage when the question is missing, and rejects unknown guides', async () => {
    expect((await run(['--content', content])).code).toBe(2);
    const unknown = await run(['--content', content, '--guide', 'guia-1999', 'paso 1.1']);
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toContain('No existe la guía «guia-1999»');
  });

  it('says so when the content folder does not exist', async () => {
    const { code, stderr } = await run(['--content', '/nonexistent/dir', 'paso 1.1']);
    expect(code).toBe(1);
    expect(stderr).toContain('No hay ninguna guía');
  });
});
