import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { loadContent } from '../../src/content/loader.ts';

const fixtures = fileURLToPath(new URL('../fixtures/content/', import.meta.url));

describe('loading a folder of guides', () => {
  const load = loadContent(join(fixtures, 'good'));

  it('makes one guide per sub-folder, titled by guide.yml, steps in order', () => {
    expect(load.problems).toEqual([]);
    expect(load.guides.map((g) => [g.id, g.title, g.steps.map((s) => s.id)])).toEqual([
      ['guia-2015', 'Guía de prueba, primera edición', ['4.1']],
      ['guia-2017', 'Guía de prueba, segunda edición', ['1.1', '1.3', '4.1']],
    ]);
  });

  it('takes the default guide and edition facts from guide.yml', () => {
    const [old, current] = load.guides;
    expect(current).toMatchObject({
      isDefault: true,
      editionDate: '2017-01-01',
      sourceUrl: 'https://example.org/guia',
    });
    expect(old?.isDefault).toBe(false);
  });

  it('lists files without step_order as skipped', () => {
    expect(load.skipped).toEqual(['guia-2017/introduccion/introduccion.md', 'guia-2017/plantilla.md']);
  });
});

describe('bad content', () => {
  const load = loadContent(join(fixtures, 'broken'));
  const problemsOf = (file: string) => load.problems.filter((p) => p.file === `guia-rota/${file}`);

  it.each([
    [
      'broken YAML',
      'planea/yaml-roto.md',
      'front matter',
      // Whole message anchored: js-yaml's English reason cannot slip through.
      /^el encabezado YAML no se puede leer: falta una coma entre los elementos de una lista \[ \] o un objeto \{ \}, o falta cerrar un corchete o una llave \(detectado en la línea 3 del archivo\)$/,
    ],
    ['a missing title', 'planea/sin-titulo.md', 'title', /falta el título/],
    ['a missing step number', 'planea/sin-numero.md', 'step_order', /falta el número de paso/],
    ['a step number that is not N.N', 'planea/paso-1-a.md', 'step_order', /«1\.a» no tiene la forma N\.N/],
    [
      'a duplicate step id',
      'planea/repetido-1-1.md',
      'step_order',
      /1\.1 ya está en guia-rota\/planea\/paso-1-1\.md/,
    ],
    ['an empty Involucrados section', 'planea/involucrados-vacio.md', 'Involucrados', /está vacía/],
    ['an empty Tiempo row', 'planea/tiempo-vacio.md', 'Tiempo para el cumplimiento', /está vacía/],
    ['an invalid guide.yml (empty title)', 'guide.yml', 'title', /^el título de la guía está vacío$/],
    ['an invalid guide.yml (default is not true/false)', 'guide.yml', 'default', /booleano/],
    [
      'an invalid guide.yml (unknown key)',
      'guide.yml',
      'color',
      /^campo desconocido: «color» \(los campos válidos son title, edition_date, source_url, default\)$/,
    ],
  ])('%s gives a Spanish problem naming file and field', (_, file, field, message) => {
    expect(problemsOf(file)).toContainEqual({
      file: `guia-rota/${file}`,
      field,
      message: expect.stringMatching(message),
    });
  });

  it('reports every problem of a file, not only the first', () => {
    expect(problemsOf('planea/varios-problemas.md').map((p) => p.field)).toEqual([
      'step_order',
      'title',
      'Tiempo máximo para el cumplimiento',
    ]);
  });

  it('still loads the good file, keeping the first of two duplicates', () => {
    const [guide] = load.guides;
    expect(guide?.steps.map((s) => [s.id, s.sourcePath])).toEqual([['1.1', 'guia-rota/planea/paso-1-1.md']]);
    expect(guide?.title).toBe('guia-rota');
  });
});

describe('the content folder itself', () => {
  const made: string[] = [];
  afterEach(() => {
    for (const dir of made.splice(0)) rmSync(dir, { recursive: true, force: true });
  });
  const tempContent = (guides: Record<string, Record<string, string>>) => {
    const dir = mkdtempSync(join(tmpdir(), 'guia-content-'));
    made.push(dir);
    for (const [guide, files] of Object.entries(guides)) {
      for (const [path, text] of Object.entries(files)) {
        mkdirSync(join(dir, guide, path, '..'), { recursive: true });
        writeFileSync(join(dir, guide, path), text);
      }
    }
    return dir;
  };
  const step = (id: string) =>
    `---\ntitle: Paso ${id}\nstep_order: ${id}\nsection_title: Planea\npermalink: /p\n---\n#### Involucrados\nA\n#### Tiempo máximo para el cumplimiento\n5 días\n`;

  it('a missing folder is a clear problem, not a crash', () => {
    expect(loadContent('/no/existe/contenido')).toEqual({
      guides: [],
      skipped: [],
      problems: [
        {
          file: '/no/existe/contenido',
          field: 'carpeta',
          message: 'no existe la carpeta de contenido «/no/existe/contenido»',
        },
      ],
    });
  });

  it('an empty folder has no guides, and says so', () => {
    const load = loadContent(tempContent({}));
    expect(load.problems).toEqual([
      expect.objectContaining({ message: expect.stringMatching(/ninguna guía/) }),
    ]);
  });

  it('without guide.yml the guide is titled by its folder and guia-2017 is the default', () => {
    const load = loadContent(
      tempContent({
        'guia-2015': { 'a.md': step('1.1') },
        'guia-2017': { 'a.md': step('1.1') },
        'guia-2020': { 'a.md': step('1.1') },
      }),
    );
    expect(load.guides.map((g) => [g.id, g.title, g.isDefault])).toEqual([
      ['guia-2015', 'guia-2015', false],
      ['guia-2017', 'guia-2017', true],
      ['guia-2020', 'guia-2020', false],
    ]);
  });

  it('a guide.yml YAML cannot read is a Spanish problem with its line', () => {
    const load = loadContent(
      tempContent({ 'guia-2017': { 'guide.yml': 'title: Guía\ntitle: Otra\n', 'a.md': step('1.1') } }),
    );
    expect(load.problems).toEqual([
      {
        file: 'guia-2017/guide.yml',
        field: 'guide.yml',
        message: 'el YAML no se puede leer: un campo aparece dos veces (detectado en la línea 2 del archivo)',
      },
    ]);
    expect(load.guides.map((g) => g.steps.length)).toEqual([1]);
  });

  it('without guia-2017 the newest guide is the default', () => {
    const load = loadContent(
      tempContent({ 'guia-2015': { 'a.md': step('1.1') }, 'guia-2020': { 'a.md': step('1.1') } }),
    );
    expect(load.guides.find((g) => g.isDefault)?.id).toBe('guia-2020');
  });

  it('two guides claiming default is a problem; the first keeps it', () => {
    const load = loadContent(
      tempContent({
        a: { 'guide.yml': 'title: A\ndefault: true\n', 'x.md': step('1.1') },
        b: { 'guide.yml': 'title: B\ndefault: true\n', 'x.md': step('1.1') },
      }),
    );
    expect(load.problems).toEqual([
      {
        file: 'a/guide.yml, b/guide.yml',
        field: 'default',
        message: expect.stringContaining('varias guías'),
      },
    ]);
    expect(load.guides.map((g) => g.isDefault)).toEqual([true, false]);
  });

  it('orders steps numerically, 1.10 after 1.9, wherever the files are', () => {
    const load = loadContent(
      tempContent({ g: { 'b/x.md': step('1.10'), 'a/y.md': step('1.9'), 'z.md': step('1.2') } }),
    );
    expect(load.guides[0]?.steps.map((s) => s.id)).toEqual(['1.2', '1.9', '1.10']);
  });
});
