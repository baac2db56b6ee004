import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Step } from '../../src/content/model.ts';
import { parseStepFile } from '../../src/content/parse-step.ts';

const fixture = (path: string) =>
  readFileSync(new URL(`../fixtures/content/${path}`, import.meta.url), 'utf8');

function parseStep(path: string): Step {
  const [guide = ''] = path.split('/');
  const result = parseStepFile(fixture(`good/${path}`), { guide, sourcePath: path });
  if (result.kind !== 'step') throw new Error(`expected a step, got ${JSON.stringify(result)}`);
  return result.step;
}

describe('the seed document (headed sections)', () => {
  const step = parseStep('guia-2015/promueve/paso-4-1.md');

  it('gives exactly its four involved parties', () => {
    expect(step.involved).toEqual([
      'Enlace de Datos Abiertos',
      'Unidades Administrativas o áreas generadoras y/o administradoras de datos',
      'Unidad de Enlace de transparencia',
      'Coordinación de Comunicación Social o de comunicación digital, homólogas o equivalentes',
    ]);
  });

  it('gives a deadline of 180 days with no kind and no recurrence', () => {
    expect(step.deadline).toEqual({ text: '180 días', days: 180 });
  });

  it('gives exactly one regulation; the paragraphs after it are summary', () => {
    expect(step.regulations).toEqual(['Decreto de Datos Abiertos']);
    expect(step.summary).toContain('Los Datos Abiertos son una herramienta');
    expect(step.summary).toContain('‘Historias’, dará a conocer');
  });

  it('gives its three activities with links reduced to their text', () => {
    expect(step.activities).toHaveLength(3);
    expect(step.activities[1]).toBe('Documentar y publicar al menos una ‘historia’ de éxito en datos.gob.mx');
  });

  it('keeps identity, phase and links from the front matter', () => {
    expect(step).toMatchObject({
      guide: 'guia-2015',
      id: '4.1',
      phase: 'Promueve',
      title: 'Promover el uso, reuso y redistribución de los Datos Abiertos',
      permalink: '/guia/promueve/paso-4-1.html',
      prev: '/guia/perfecciona/paso-3-1.html',
      next: '/guia/manuales-plantillas',
      sourcePath: 'guia-2015/promueve/paso-4-1.md',
    });
  });

  it('has a plain-text summary without HTML or Markdown', () => {
    expect(step.summary).not.toMatch(/[<>]|\]\(|\{:|\n/);
    expect(step.summary).not.toContain('Actividades a realizar');
  });
});

describe('the 2017 HTML table format', () => {
  const step = parseStep('guia-2017/planea/paso-1-1.md');

  it('splits "A; B; y, C." into three roles', () => {
    expect(step.involved).toEqual([
      'Oficina del Titular, homólogas o equivalentes',
      'Área de Tecnologías',
      'Órgano de Control',
    ]);
  });

  it('reads the deadline row and the <li> activities, ignoring commented-out HTML', () => {
    expect(step.deadline).toEqual({ text: '30 días naturales', days: 30, dayKind: 'naturales' });
    expect(step.activities).toEqual(['Nombrar a las personas responsables', 'Reunir al grupo de trabajo']);
    expect(step.summary).not.toContain('actividad vieja');
  });

  it('finds the regulations named in the body', () => {
    expect(step.regulations).toEqual([
      'Decreto por el que se establece la regulación en materia de Datos Abiertos',
    ]);
  });

  it('has the body outside the table as summary, with kramdown attributes stripped', () => {
    expect(step.summary).toBe(
      'Por qué un equipo El equipo cumple el Decreto por el que se establece la regulación en materia de Datos Abiertos y ve el sitio.',
    );
  });
});

describe('the 2017 Markdown pipe table format', () => {
  const step = parseStep('guia-2017/planea/paso-1-3.md');

  it('reads the three rows, including the upstream "naturales naturales" slip', () => {
    expect(step.deadline).toMatchObject({ days: 90, dayKind: 'naturales', recurrence: 'continua' });
    expect(step.involved).toEqual(['Enlace Institucional', 'Grupo de Trabajo']);
    expect(step.activities).toEqual(['Generar y publicar el plan']);
  });

  it('leaves other pipe tables in the body alone and finds regulations in the text', () => {
    expect(step.regulations).toEqual(['Ley General de Transparencia y Acceso a la Información Pública']);
    expect(step.summary).toContain('El plan se construye poco a poco');
  });
});

describe('headed sections written as Markdown lists', () => {
  const step = parseStep('guia-2017/promueve/paso-4-1.md');

  it('reads list items for roles, regulations and activities, and accent-less working days', () => {
    expect(step.involved).toEqual(['Enlace Institucional', 'Área de Comunicación Digital']);
    expect(step.deadline).toEqual({ text: '10 dias habiles', days: 10, dayKind: 'hábiles' });
    expect(step.regulations).toEqual(['Decreto de Datos Abiertos', 'Norma Técnica de prueba']);
    expect(step.activities).toEqual(['Publicar una historia', 'Difundir los datos en redes sociales']);
    expect(step.summary).toBe('Texto que explica la normatividad y no es una norma.');
  });
});

describe('files that are not steps', () => {
  it.each([
    ['an introduction without step_order', 'good/guia-2017/introduccion/introduccion.md'],
    ['a template without front matter', 'good/guia-2017/plantilla.md'],
  ])('%s is skipped, not an error', (_, path) => {
    expect(parseStepFile(fixture(path), { guide: 'guia-2017', sourcePath: path })).toEqual({
      kind: 'skipped',
    });
  });
});

describe('step numbers', () => {
  const file = (order: string) =>
    `---\ntitle: T\nstep_order: ${order}\nsection_title: Planea\npermalink: /p\n---\n#### Involucrados\nA\n#### Tiempo máximo para el cumplimiento\n5 días\n`;

  it('keeps "1.10" as written instead of the YAML number 1.1', () => {
    const result = parseStepFile(file('1.10'), { guide: 'g', sourcePath: 'g/planea/x.md' });
    expect(result.kind === 'step' && result.step.id).toBe('1.10');
  });

  it('accepts a quoted step number', () => {
    const result = parseStepFile(file('"2.3"'), { guide: 'g', sourcePath: 'g/planea/x.md' });
    expect(result.kind === 'step' && result.step.id).toBe('2.3');
  });

  it('takes the phase from the folder when section_title is missing', () => {
    const raw = file('3.1').replace('section_title: Planea\n', '');
    const result = parseStepFile(raw, { guide: 'g', sourcePath: 'g/perfecciona/x.md' });
    expect(result.kind === 'step' && result.step.phase).toBe('Perfecciona');
  });

  it('reports an unknown phase naming section_title', () => {
    const raw = file('3.1').replace('section_title: Planea', 'section_title: Otra');
    const result = parseStepFile(raw, { guide: 'g', sourcePath: 'g/x.md' });
    expect(result).toEqual({
      kind: 'invalid',
      problems: [{ file: 'g/x.md', field: 'section_title', message: expect.stringContaining('«Otra»') }],
    });
  });
});

describe('headed sections with loose lists and trailing text', () => {
  const raw = `---
title: T
step_order: 2.1
section_title: Publica
permalink: /p
---
#### Involucrados

Enlace Institucional; Administrador de Datos.

El Enlace coordina.

#### Tiempo máximo para el cumplimiento

30 días naturales

##### Actividades a realizar por la institución

- Exportar los datos.

- Validar los archivos.

Después se publican.
`;
  const result = parseStepFile(raw, { guide: 'g', sourcePath: 'g/publica/x.md' });
  const step = result.kind === 'step' ? result.step : undefined;

  it('takes the roles from the first paragraph and the rest as summary', () => {
    expect(step?.involved).toEqual(['Enlace Institucional', 'Administrador de Datos']);
    expect(step?.summary).toBe('El Enlace coordina. Después se publican.');
  });

  it('reads a list with blank lines between items as one list', () => {
    expect(step?.activities).toEqual(['Exportar los datos', 'Validar los archivos']);
  });
});

describe('a front matter YAML cannot read', () => {
  const problemFor = (frontMatter: string) => {
    const result = parseStepFile(`---\n${frontMatter}\n---\n#### Involucrados\nA\n`, {
      guide: 'g',
      sourcePath: 'g/paso-1-1.md',
    });
    if (result.kind !== 'invalid') throw new Error(`expected problems, got ${JSON.stringify(result)}`);
    return result.problems;
  };
  // Words of js-yaml's English reasons; none of them is Spanish.
  const ENGLISH =
    /\b(the|of|is|missed|comma|between|flow|entry|entries|expected|stream|mapping|bad|indentation|duplicated|key|can|read|block|unexpected|end|within|scalar|document|separator|quoted)\b/i;

  it.each([
    ['a missed comma', 'title: [sin cerrar\nstep_order: 1.1', 3, 'falta una coma entre los elementos'],
    ['bad indentation', 'title: a\n  step_order: 1.1', 3, 'la sangría de un campo no coincide'],
    ['a duplicated key', 'title: a\nstep_order: 1.1\ntitle: b', 4, 'un campo aparece dos veces'],
    // An unclosed bracket or quote is found where the header ends, at the closing `---`.
    ['an unclosed bracket', 'step_order: 1.1\ntitle: [a, b', 4, 'falta cerrar un corchete ] o una llave }'],
    ['an unclosed quote', 'step_order: 1.1\ntitle: "abc', 4, 'falta cerrar una comilla doble'],
    ['a line that is not «field: value»', 'title: a\nfoo\nstep_order: 1.1', 4, 'no se entiende un campo'],
    ['a list item after a field', 'title: a\n- b', 3, 'sobra texto'],
    ['an unknown tag', 'title: !raro x', 2, 'una etiqueta YAML'],
  ])("%s gives a Spanish reason and the line, never js-yaml's English", (_, frontMatter, line, reason) => {
    const problems = problemFor(frontMatter);
    expect(problems).toHaveLength(1);
    const [problem] = problems;
    expect(problem?.field).toBe('front matter');
    expect(problem?.message.startsWith(`el encabezado YAML no se puede leer: ${reason}`)).toBe(true);
    expect(problem?.message).toMatch(new RegExp(`\\(detectado en la línea ${line} del archivo\\)$`));
    expect(problem?.message).not.toMatch(ENGLISH);
  });

  it('falls back to a Spanish sentence for reasons it has no translation for', () => {
    // js-yaml: "name of an anchor node must contain at least one character".
    expect(problemFor('title: &\nstep_order: 1.1')).toEqual([
      {
        file: 'g/paso-1-1.md',
        field: 'front matter',
        message:
          'el encabezado YAML no se puede leer: el texto no es YAML válido (detectado en la línea 2 del archivo)',
      },
    ]);
  });
});
