import { describe, expect, it } from 'vitest';
import { deadlineWarning, describeDeadline, hasDueDate, parseDeadline } from '../../src/content/deadline.ts';

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

describe('parseDeadline: number words, months and fixed dates (issue 10)', () => {
  it.each([
    ['treinta días naturales', { days: 30, dayKind: 'naturales' }],
    ['Treinta y cinco días hábiles', { days: 35, dayKind: 'hábiles' }],
    ['ciento ochenta días', { days: 180 }],
    ['quince días hábiles y de manera anual', { days: 15, dayKind: 'hábiles', recurrence: 'anual' }],
    ['2 meses', { months: 2 }],
    ['dos meses', { months: 2 }],
    ['Un mes', { months: 1 }],
    ['un año', { months: 12 }],
    ['4 semanas', { days: 28, dayKind: 'naturales' }],
    ['A más tardar el 31 de diciembre', { onDate: { month: 12, day: 31 } }],
    ['a mas tardar el 31 de diciembre de 2017', { onDate: { month: 12, day: 31, year: 2017 } }],
    ['Al primero de julio, y de manera anual', { onDate: { month: 7, day: 1 }, recurrence: 'anual' }],
  ])('«%s»', (text, expected) => {
    expect(parseDeadline(text)).toEqual({ text, ...expected });
  });

  it.each([
    '31 de febrero',
    'Cuando lo pida la Unidad',
    'Según los tiempos específicos marcados por esta Guía',
    'cada día',
  ])('«%s» has no date, and validate warns naming the wording', (text) => {
    const deadline = parseDeadline(text);
    expect(hasDueDate(deadline)).toBe(false);
    expect(deadlineWarning(deadline)).toContain(`«${text}»`);
  });

  it('no warning for a wording with a date', () => {
    expect(deadlineWarning(parseDeadline('treinta días naturales'))).toBeUndefined();
    expect(deadlineWarning(parseDeadline('De manera bimestral.'))).toBeUndefined();
  });

  it.each([
    ['2 meses', '2 meses'],
    ['A más tardar el 31 de diciembre', 'A más tardar el 31 de diciembre'],
    ['treinta días naturales', '30 días naturales'],
  ])('describeDeadline(«%s») → «%s»', (text, expected) => {
    expect(describeDeadline(parseDeadline(text))).toBe(expected);
  });
});
