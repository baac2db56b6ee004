import { describe, expect, it } from 'vitest';
import { describeDeadline, parseDeadline } from '../../src/content/deadline.ts';

describe('parseDeadline reads every deadline wording of the guide', () => {
  it.each([
    ['180 días', { days: 180 }],
    ['30 días naturales', { days: 30, dayKind: 'naturales' }],
    ['10 días hábiles', { days: 10, dayKind: 'hábiles' }],
    ['10 dias habiles', { days: 10, dayKind: 'hábiles' }],
    ['70 días naturales y de manera anual', { days: 70, dayKind: 'naturales', recurrence: 'anual' }],
    [
      '90 días naturales para la primera iteración, y de manera continua.',
      { days: 90, dayKind: 'naturales', recurrence: 'continua' },
    ],
    [
      '90 días naturales naturales para la primera iteración, y de manera continua según lo marque el Plan de Apertura para cada conjunto y recurso de dato',
      { days: 90, dayKind: 'naturales', recurrence: 'continua' },
    ],
    [
      '90 días naturales para la primera iteración, y posteriormente de manera continua y cuando sea recomendado por la Unidad en conjunto con la Coordinación.',
      { days: 90, dayKind: 'naturales', recurrence: 'continua' },
    ],
    [
      'De manera continua según lo marque el Plan de Apertura para cada conjunto y recurso de datos.',
      { recurrence: 'continua' },
    ],
    ['De manera continua.', { recurrence: 'continua' }],
    ['De manera bimestral.', { recurrence: 'bimestral' }],
    [
      'Según los tiempos específicos marcados por esta Guía y posteriormente de manera semestral.',
      { recurrence: 'semestral' },
    ],
    [
      'Segun los tiempos especificos marcados por esta Guia y posteriormente de manera semestral',
      { recurrence: 'semestral' },
    ],
    ['Cada año, anualmente', { recurrence: 'anual' }],
    ['Cuando lo pida la Unidad', {}],
  ])('«%s»', (text, expected) => {
    const deadline = parseDeadline(text);
    expect(deadline).toEqual({ text: text.trim(), ...expected });
  });

  it('keeps the wording, with its whitespace collapsed, as the text', () => {
    expect(parseDeadline('  90 días\n  naturales ').text).toBe('90 días naturales');
  });
});

describe('describeDeadline says a deadline briefly in Spanish', () => {
  it.each([
    ['180 días', '180 días'],
    ['10 días hábiles', '10 días hábiles'],
    ['70 días naturales y de manera anual', '70 días naturales; después, cada año'],
    ['De manera bimestral.', 'Cada dos meses'],
    ['Cuando lo pida la Unidad', 'Cuando lo pida la Unidad'],
  ])('«%s» → «%s»', (text, expected) => {
    expect(describeDeadline(parseDeadline(text))).toBe(expected);
  });
});
