import { describe, expect, it } from 'vitest';
import { parseDeadline } from '../../src/content/deadline.ts';
import { dueDate, nextReview, shownDate } from '../../src/progress/due.ts';
import { makeStep } from './steps.ts';

describe('due dates', () => {
  it('counts días naturales as calendar days across a month end', () => {
    expect(dueDate(makeStep('1.1', { days: 30, dayKind: 'naturales' }), '2026-01-15')).toBe('2026-02-14');
  });

  it('counts días naturales across a year end and a leap day', () => {
    expect(dueDate(makeStep('1.1', { days: 90, dayKind: 'naturales' }), '2026-11-15')).toBe('2027-02-13');
    expect(dueDate(makeStep('1.1', { days: 1, dayKind: 'naturales' }), '2028-02-28')).toBe('2028-02-29');
  });

  it('reads an unqualified count of days as calendar days', () => {
    expect(dueDate(makeStep('1.1', { days: 180 }), '2026-01-15')).toBe('2026-07-14');
  });

  it('counts días hábiles skipping weekends and official holidays', () => {
    // From Mon 26 Jan 2026: 10 working days, skipping Mon 2 Feb (Día de la Constitución) → Tue 10 Feb.
    expect(dueDate(makeStep('1.2', { days: 10, dayKind: 'hábiles' }), '2026-01-26')).toBe('2026-02-10');
    // Over the year end: Mon 21 Dec 2026 + 10 → skips 25 Dec and 1 Jan and weekends → Wed 6 Jan 2027.
    expect(dueDate(makeStep('1.2', { days: 10, dayKind: 'hábiles' }), '2026-12-21')).toBe('2027-01-06');
  });

  it('gives a step that only repeats its first review one period after the start', () => {
    expect(dueDate(makeStep('2.2', { recurrence: 'bimestral' }), '2026-12-31')).toBe('2027-02-28');
    expect(dueDate(makeStep('2.2', { recurrence: 'continua' }), '2026-01-15')).toBe('2026-02-15');
  });

  it('gives no due date to a step without days or recurrence', () => {
    expect(dueDate(makeStep('3.1', {}), '2026-01-15')).toBeUndefined();
  });
});

describe('recurring steps', () => {
  const step = makeStep('2.1', { days: 90, dayKind: 'naturales', recurrence: 'semestral' });

  it('shows the deadline while open, even after it passed', () => {
    expect(shownDate(step, { status: 'en_curso' }, '2026-01-15', '2026-06-01')).toEqual({
      date: '2026-04-15',
      kind: 'vence',
    });
  });

  it('shows the next review once completed', () => {
    expect(nextReview(step, '2026-01-15', '2026-06-01')).toBe('2026-10-15');
    expect(shownDate(step, { status: 'completado' }, '2026-01-15', '2026-10-16')).toEqual({
      date: '2027-04-15',
      kind: 'revision',
    });
  });

  it('does not drift at month ends', () => {
    const monthly = makeStep('2.1', { recurrence: 'mensual' });
    // First review 31 Jan; then 28 Feb, 31 Mar (not 28 Mar).
    expect(nextReview(monthly, '2025-12-31', '2026-03-01')).toBe('2026-03-31');
  });

  it('shows a step that only repeats as its next review, never as overdue', () => {
    const continuous = makeStep('2.1', { recurrence: 'continua' });
    // Started 15 Jan: reviews on the 15th of each month; on 1 Jun the next one is 15 Jun.
    expect(shownDate(continuous, { status: 'pendiente' }, '2026-01-15', '2026-06-01')).toEqual({
      date: '2026-06-15',
      kind: 'revision',
    });
    // Before the first review, the first review itself.
    expect(nextReview(continuous, '2026-01-15', '2026-01-20')).toBe('2026-02-15');
  });

  it('shows nothing for a completed one-off step', () => {
    expect(
      shownDate(makeStep('1.1', { days: 30 }), { status: 'completado' }, '2026-01-15', '2026-03-01'),
    ).toBe(undefined);
  });
});

describe('due dates of months and fixed days (issue 10)', () => {
  const step = (text: string) => ({ deadline: parseDeadline(text) });
  it.each([
    ['2 meses', '2026-01-31', '2026-03-31'],
    ['un mes', '2026-01-31', '2026-02-28'],
    ['treinta días naturales', '2026-01-15', '2026-02-14'],
    ['A más tardar el 31 de diciembre', '2026-01-15', '2026-12-31'],
    ['A más tardar el 31 de marzo', '2026-05-01', '2027-03-31'],
    ['A más tardar el 31 de diciembre de 2017', '2026-01-15', '2017-12-31'],
    ['el 29 de febrero', '2026-01-01', '2026-02-28'],
  ])('«%s» from %s → %s', (text, start, due) => {
    expect(dueDate(step(text), start)).toBe(due);
  });
});
