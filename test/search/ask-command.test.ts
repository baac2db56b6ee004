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
