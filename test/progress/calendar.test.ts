import { describe, expect, it } from 'vitest';
import {
  addWorkingDays,
  formatDateEs,
  isoOf,
  localDate,
  mexicanHolidays,
  parseIsoDate,
  toDate,
} from '../../src/progress/calendar.ts';

describe('Mexico official rest days (LFT art. 74)', () => {
  it('lists exactly the 2026 rest days, with the Mondays that move', () => {
    expect(mexicanHolidays(2026)).toEqual([
      '2026-01-01',
      '2026-02-02',
      '2026-03-16',
      '2026-05-01',
      '2026-09-16',
      '2026-11-16',
      '2026-12-25',
    ]);
  });

  it('lists exactly the 2027 rest days', () => {
    expect(mexicanHolidays(2027)).toEqual([
      '2027-01-01',
      '2027-02-01',
      '2027-03-15',
      '2027-05-01',
      '2027-09-16',
      '2027-11-15',
      '2027-12-25',
    ]);
  });

  it('adds 1 October only in the years the federal executive changes hands', () => {
    expect(mexicanHolidays(2024)).toContain('2024-10-01');
    expect(mexicanHolidays(2030)).toContain('2030-10-01');
    expect(mexicanHolidays(2025)).not.toContain('2025-10-01');
    expect(mexicanHolidays(2018)).toContain('2018-12-01');
  });
});

describe('working days', () => {
  const add = (start: string, n: number) => isoOf(addWorkingDays(toDate(start), n));

  it('skips weekends', () => {
    // Friday 2026-01-09 + 1 working day = Monday 12.
    expect(add('2026-01-09', 1)).toBe('2026-01-12');
    expect(add('2026-01-05', 5)).toBe('2026-01-12');
  });

  it('skips a Monday holiday: Friday 30 Jan 2026 + 1 is Tuesday 3 Feb', () => {
    expect(add('2026-01-30', 1)).toBe('2026-02-03');
  });

  it('crosses the year end skipping Christmas, New Year and weekends', () => {
    // Thu 24 Dec 2026; 25 holiday, 26-27 weekend, 28-31 = 4 days, 1 Jan holiday, 2-3 weekend, Mon 4 Jan.
    expect(add('2026-12-24', 4)).toBe('2026-12-31');
    expect(add('2026-12-24', 5)).toBe('2027-01-04');
  });

  it('crosses 16 September and the Revolution Monday', () => {
    // Tue 15 Sep 2026 + 1 → Thu 17 (16 is a holiday).
    expect(add('2026-09-15', 1)).toBe('2026-09-17');
    // Fri 13 Nov 2026 + 1 → Tue 17 (Mon 16 is a holiday).
    expect(add('2026-11-13', 1)).toBe('2026-11-17');
  });
});

describe('dates', () => {
  it('rejects impossible dates', () => {
    expect(parseIsoDate('2026-02-30')).toBeUndefined();
    expect(parseIsoDate('2026-13-01')).toBeUndefined();
    expect(parseIsoDate('15/01/2026')).toBeUndefined();
    expect(parseIsoDate('2028-02-29')).toBeDefined();
  });

  it('writes dates in Spanish', () => {
    expect(formatDateEs('2027-02-13')).toBe('13 de febrero de 2027');
    expect(formatDateEs('2026-09-01')).toBe('1 de septiembre de 2026');
  });

  it('takes today in Mexico City, not UTC', () => {
    // 03:00 UTC on 2 Jan is still 1 Jan (21:00) in Mexico City.
    expect(localDate(new Date('2026-01-02T03:00:00Z'), 'America/Mexico_City')).toBe('2026-01-01');
    expect(localDate(new Date('2026-01-02T03:00:00Z'), 'UTC')).toBe('2026-01-02');
  });
});
