import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import validate from '../../src/cli/commands/validate.ts';
import { loadContent } from '../../src/content/loader.ts';
import { runCommand } from './run-command.ts';

const good = fileURLToPath(new URL('../fixtures/content/good', import.meta.url));
const dir = mkdtempSync(join(tmpdir(), 'guia-deadlines-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** The good fixture with step 1.1's deadline worded as `wording`. */
function contentWith(name: string, wording: string): string {
  const copy = join(dir, name);
  cpSync(good, copy, { recursive: true });
  const file = join(copy, 'guia-2017/planea/paso-1-1.md');
  writeFileSync(
    file,
    readFileSync(file, 'utf8').replace('<td>30 días naturales</td>', `<td>${wording}</td>`),
  );
  return copy;
}

describe('guia validate and deadlines it cannot read', () => {
  it('warns naming the file and the wording, and still exits 0 (the step is answered)', async () => {
    const content = contentWith('vague', 'Cuando lo determine la Unidad');
    const { code, stdout } = await runCommand(validate, ['--content', content]);
    expect(code).toBe(0);
    expect(stdout).toContain('Avisos: 1');
    expect(stdout).toContain(
      'guia-2017/planea/paso-1-1.md · Tiempo máximo: no entiendo el plazo «Cuando lo determine la Unidad»',
    );
    const json = JSON.parse((await runCommand(validate, ['--json', '--content', content])).stdout);
    expect(json.warnings).toEqual([
      expect.objectContaining({ file: 'guia-2017/planea/paso-1-1.md', field: 'Tiempo máximo' }),
    ]);
  });

  it.each([
    ['treinta días naturales', { days: 30, dayKind: 'naturales' }],
    ['2 meses', { months: 2 }],
    ['A más tardar el 31 de diciembre', { onDate: { month: 12, day: 31 } }],
  ])('«%s» is read into a due date, with no warning', async (wording, expected) => {
    const content = contentWith(wording.replace(/\W+/g, '-'), wording);
    const { code, stdout } = await runCommand(validate, ['--content', content]);
    expect(code).toBe(0);
    expect(stdout).not.toContain('Avisos');
    const step = loadContent(content)
      .guides.find((g) => g.id === 'guia-2017')
      ?.steps.find((s) => s.id === '1.1');
    expect(step?.deadline).toMatchObject(expected);
  });
});
