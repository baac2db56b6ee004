import { describe, expect, it } from 'vitest';
import {
  htmlListItems,
  listItems,
  markdownListItems,
  splitList,
  toPlainText,
} from '../../src/content/lists.ts';

describe('splitList reads a run-on list as a reader would', () => {
  it.each([
    ['A; B; y, C.', ['A', 'B', 'C']],
    [
      'Enlace; Áreas generadoras; e Órganos de Control.',
      ['Enlace', 'Áreas generadoras', 'Órganos de Control'],
    ],
    [
      'Enlace; Grupo de Trabajo; y Unidad de Transparencia',
      ['Enlace', 'Grupo de Trabajo', 'Unidad de Transparencia'],
    ],
    [
      'Coordinación de Asesores, homólogas o equivalentes; Unidades de Transparencia, homólogas o equivalentes.',
      [
        'Coordinación de Asesores, homólogas o equivalentes',
        'Unidades de Transparencia, homólogas o equivalentes',
      ],
    ],
    ['Administrador de Datos Abiertos', ['Administrador de Datos Abiertos']],
    ['   ', []],
    ['Decreto de Datos Abiertos.', ['Decreto de Datos Abiertos']],
  ])('«%s»', (text, expected) => {
    expect(splitList(text)).toEqual(expected);
  });
});

describe('list items', () => {
  it('takes the text of each <li>, links reduced to their text, connectors dropped', () => {
    const html = `<ul class="highlight-list">
      <li>Designar al <a href="http://x" target="_blank">Enlace</a>; y,</li>
      <li>Sesionar el <strong>Grupo</strong> de Trabajo.</li>
    </ul>`;
    expect(htmlListItems(html)).toEqual(['Designar al Enlace', 'Sesionar el Grupo de Trabajo']);
  });

  it('ignores items inside commented-out HTML', () => {
    const html = '<ul><li>Visible</li></ul><!--<ul><li>Oculto</li></ul>-->';
    expect(htmlListItems(html)).toEqual(['Visible']);
  });

  it('reads Markdown lists, joining continuation lines and stripping links', () => {
    const md =
      '- Publicar en [datos.gob.mx](http://datos.gob.mx){:target="_blank"};\n  con calidad\n* Segundo **punto**\n\nTexto aparte';
    expect(markdownListItems(md)).toEqual(['Publicar en datos.gob.mx; con calidad', 'Segundo punto']);
  });

  it('prefers <li> items and falls back to a Markdown list', () => {
    expect(listItems('<ul><li>Uno</li></ul>')).toEqual(['Uno']);
    expect(listItems('1. Uno\n2. Dos')).toEqual(['Uno', 'Dos']);
  });
});

describe('toPlainText', () => {
  it('strips HTML, Liquid, kramdown attributes, Markdown links, emphasis and headings', () => {
    const text = `#### Título
Ver <a href="{{ "/planea" | prepend: site.baseurl }}">1) Planea</a> y [datos.gob.mx](http://datos.gob.mx){:target="_blank"}.
{% include nota.html %}**Importante** &amp; _claro_.
<!-- oculto -->`;
    expect(toPlainText(text)).toBe('Título Ver 1) Planea y datos.gob.mx. Importante & claro.');
  });
});

describe('toPlainText on a long line of blanks', () => {
  it('drops a table separator and stays quick: 200,000 blanks in a few milliseconds, not seconds', () => {
    expect(toPlainText('| a | b |\n| --- | --- |\n| 1 | 2 |')).not.toContain('---');
    const started = performance.now();
    toPlainText(`texto\n${' '.repeat(200_000)}\nmás texto`);
    expect(performance.now() - started).toBeLessThan(50);
  });
});
