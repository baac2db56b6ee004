import { describe, expect, it } from 'vitest';
import { SearchIndex } from '../../src/search/search-index.ts';
import { step } from './guides.ts';

const index = new SearchIndex([
  step('g', '2.2', {
    title: 'Incrementar la interoperabilidad y usabilidad de los Datos Abiertos',
    summary: 'Metadatos, diccionarios de datos y estándares de interoperabilidad.',
  }),
  step('g', '1.3', { title: 'Generar y publicar el Plan de Apertura' }),
]);

const corrected = (question: string) => index.analyze(question).correctedText;

describe('spelling correction of question words', () => {
  it('fixes one or two typos anywhere in a word, the first letter included', () => {
    expect(corrected('apertrua')).toBe('apertura');
    expect(corrected('interoperavilidat')).toBe('interoperabilidad');
  });

  it('fixes a long word three letters off (the fuse.js stage)', () => {
    expect(corrected('inferoperavilidat')).toBe('interoperabilidad');
  });

  it('leaves words that are not in the guide alone', () => {
    expect(corrected('futbolistas')).toBe('futbolistas');
    expect(index.analyze('futbolistas').unknown).toEqual(['futbolistas']);
  });

  it('does not turn a word into another one two letters off that starts differently («vacaciones»)', () => {
    const actions = new SearchIndex([step('g', '1.1', { activities: ['Acciones de cumplimiento'] })]);
    expect(actions.analyze('vacaciones').correctedText).toBe('vacaciones');
    expect(actions.analyze('vacaciones').unknown).toEqual(['vacaciones']);
    expect(actions.analyze('acciomes').correctedText).toBe('acciones');
  });

  it('keeps a word as written when its correction shares no step with the rest of the question («correr»)', () => {
    const guide = new SearchIndex([
      step('g', '1.1', { title: 'Formar un Equipo de Trabajo' }),
      step('g', '2.4', { summary: 'Avisa por correo electrónico.' }),
    ]);
    const maraton = guide.analyze('el mejor equipo para correr un maratón');
    expect(maraton.correctedText).not.toContain('correo');
    expect(maraton.unknown).toContain('correr');
    // With nothing else to weigh it against, or next to a word of the same step, the typo is still fixed.
    expect(guide.analyze('corre electronico').correctedText).toBe('correo electronico');
    expect(guide.analyze('corrro').correctedText).toBe('correo');
  });
});
