import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { loadAnswerContent } from '../../src/content/glossary.ts';
import { loadContent } from '../../src/content/loader.ts';

const content = fileURLToPath(new URL('../../content', import.meta.url));
const fixtures = fileURLToPath(new URL('../fixtures/answer-content/', import.meta.url));
const { guides } = loadContent(content);
const temp = mkdtempSync(join(tmpdir(), 'guia-glossary-'));
afterAll(() => rmSync(temp, { recursive: true, force: true }));

describe('the glossary and the editors’ vocabulary', () => {
  it('load from YAML with the steps each term points to', () => {
    const { glossary, vocabulary, problems } = loadAnswerContent(join(fixtures, 'good'), guides);
    expect(problems).toEqual([]);
    expect(glossary.map((e) => e.term)).toEqual(['ADELA', 'Conjunto de datos', 'DCAT', 'CSV']);
    expect(glossary[0]?.steps).toEqual([{ guide: 'guia-2017', id: '2.4' }]);
    expect(vocabulary).toEqual([
      {
        guide: 'guia-2017',
        phrases: ['chamba de datos', 'equipazo'],
        steps: [{ guide: 'guia-2017', id: '1.1' }],
      },
      { guide: 'guia-2017', phrases: ['la plataforma'], steps: [], term: 'ADELA' },
    ]);
  });

  it('the shipped glossary loads without problems', () => {
    const { glossary, problems } = loadAnswerContent(content, guides);
    expect(problems).toEqual([]);
    expect(glossary.length).toBeGreaterThanOrEqual(5);
  });

  it('report every problem in Spanish, naming the file and the field, and keep the good entries', () => {
    const { problems } = loadAnswerContent(join(fixtures, 'broken'), guides);
    const lines = problems.map((p) => `${p.file} · ${p.field}: ${p.message}`);
    expect(lines).toContain('glosario.yml · entrada 3.color: campo desconocido: «color»');
    expect(lines).toContain('glosario.yml · entrada 3.term: falta el término (term)');
    expect(lines).toContain('guia-2017/vocabulario.yml · entrada 3.steps.0: no existe el paso «7.7»');
    expect(lines.some((l) => l.includes('«NoExiste» no es un término'))).toBe(true);
    for (const p of problems) expect(p.message).not.toMatch(/expected|invalid|required/i);
  });

  it('never evaluates what the YAML holds, and says when it is not YAML or not a list', () => {
    const dir = join(temp, 'hostile');
    for (const [name, text, wanted] of [
      ['js', "- term: !!js/function 'function () { process.exit(3) }'\n  definition: x\n", 'YAML'],
      ['bad', '- term: [ADELA\n  definition: x\n', 'YAML'],
      ['map', 'term: ADELA\ndefinition: x\n', 'lista'],
    ] as const) {
      const folder = `${dir}-${name}`;
      rmSync(folder, { recursive: true, force: true });
      mkdirSync(folder, { recursive: true });
      writeFileSync(join(folder, 'glosario.yml'), text);
      const { glossary, problems } = loadAnswerContent(folder, guides);
      expect(glossary).toEqual([]);
      expect(problems[0]?.file).toBe('glosario.yml');
      expect(problems[0]?.message).toContain(wanted);
    }
  });
});
