import { describe, expect, it } from 'vitest';
import { SearchIndex } from '../../src/search/search-index.ts';
import { step } from './guides.ts';

const best = (index: SearchIndex, question: string): string | undefined =>
  index.score(index.analyze(question).keys)[0]?.step.id;

describe('ranking steps for a question', () => {
  it('finds a step that says «promoción» when the user writes «promover» (word families on both sides)', () => {
    const index = new SearchIndex([
      step('g', '4.3', {
        title: 'Estrategias de comunicación',
        summary: 'Esta promoción se hace cada dos meses.',
      }),
      step('g', '1.1', { title: 'Formar un equipo', summary: 'El equipo sesiona cada semestre.' }),
    ]);
    expect(best(index, '¿cada cuánto hay que promover los datos?')).toBe('4.3');
  });

  it('prefers the step that contains every topic word over one with a single word in its title', () => {
    const index = new SearchIndex([
      step('g', '2.3', { title: 'Términos del esquema de interoperabilidad' }),
      step('g', '2.4', { summary: 'Los datos quedan bajo los Términos de Libre Uso MX.' }),
      step('g', '4.2', { summary: 'Impulsar el uso de los datos.' }),
    ]);
    expect(best(index, 'términos de libre uso')).toBe('2.4');
  });

  it("reads «utf8» as the guide's «UTF-8»", () => {
    const index = new SearchIndex([
      step('g', '2.2', { summary: 'Codificar los textos en UTF-8.' }),
      step('g', '2.1', { summary: 'Exportar a CSV, JSON o XML.' }),
    ]);
    expect(index.analyze('utf8').keys.size).toBeGreaterThan(0);
    expect(best(index, '¿tengo que usar utf8?')).toBe('2.2');
  });

  it("maps what people say to the guide's words («licencia» → Términos de Libre Uso, «login» → contraseñas)", () => {
    const index = new SearchIndex([
      step('g', '2.1', { summary: 'Un formato abierto no exige licencias ni software especializado.' }),
      step('g', '2.3', { summary: 'Descarga sin barreras de acceso como contraseñas.' }),
      step('g', '2.4', { summary: 'Los datos quedan bajo los Términos de Libre Uso MX.' }),
    ]);
    expect(best(index, '¿qué licencia tienen los datos?')).toBe('2.4');
    expect(best(index, 'los datos están detrás de un login')).toBe('2.3');
  });

  it('ignores Slack fillers and demonstratives («¿se vale?», «esta») that would match guide words', () => {
    const index = new SearchIndex([step('g', '2.1', { summary: 'Asegurar que el archivo sea válido.' })]);
    expect(index.analyze('¿esta bien, se vale?').keys.size).toBe(0);
  });

  const one = step('g', '1.3', {
    title: 'Generar el plan',
    summary: 'El plan dice cuándo se abren los datos.',
  });
  const other = step('g', '2.1', { title: 'Convertir formatos', summary: 'Pasar los archivos a CSV.' });

  it('an editors’ word the guide lacks leads to its step even outside the exact phrase', () => {
    const index = new SearchIndex([one, other], new Map([[one, 'calendario de apertura']]));
    expect(best(index, '¿quién arma el calendario?')).toBe('1.3');
  });

  it('an editors’ phrase does not move a word the guide already uses to another step', () => {
    const plain = new SearchIndex([one, other]);
    const withWords = new SearchIndex([one, other], new Map([[one, 'formatos formatos formatos del plan']]));
    expect(best(plain, '¿qué formatos?')).toBe('2.1');
    expect(best(withWords, '¿qué formatos?')).toBe('2.1');
    expect(withWords.score(withWords.analyze('¿qué formatos?').keys).length).toBe(1);
  });
});
