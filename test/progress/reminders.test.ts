import { describe, expect, it } from 'vitest';
import type { StepState } from '../../src/progress/model.ts';
import { dueReminders, type ReminderInput, reminderDays } from '../../src/progress/reminders.ts';
import { makeGuide, makeStep } from './steps.ts';

/** Mexico City is UTC-6 all year: local "2026-02-13T09:00" is 15:00Z. */
const at = (local: string) => new Date(`${local}-06:00`);

describe('the day of each reminder', () => {
  it.each([
    // due, lead, antes, hoy, vencido
    ['2026-02-18', 3, '2026-02-13', '2026-02-18', '2026-02-19'], // Wed: 3 working days back is Fri
    ['2026-02-03', 3, '2026-01-28', '2026-02-03', '2026-02-04'], // Mon 2 Feb (Constitución) is skipped
    ['2026-11-16', 3, '2026-11-11', '2026-11-13', '2026-11-17'], // due on a holiday (Revolución): hoy on Fri
    ['2026-02-14', 3, '2026-02-11', '2026-02-13', '2026-02-16'], // due on a Saturday
    ['2026-12-24', 1, '2026-12-23', '2026-12-24', '2026-12-28'], // 25 Dec and the weekend before «vencido»
  ])('due %s, %d days ahead: antes %s, hoy %s, vencido %s', (due, lead, antes, hoy, vencido) => {
    expect(reminderDays(due, lead)).toEqual({ antes, hoy, vencido });
  });

  it('no «antes» with 0 days ahead, and one reminder when «antes» would fall on the «hoy» day', () => {
    expect(reminderDays('2026-02-18', 0)).toEqual({ hoy: '2026-02-18', vencido: '2026-02-19' });
    // Due Sunday 15 Feb with 1 day ahead: the working day before is Fri 13, which is «hoy» already.
    expect(reminderDays('2026-02-15', 1)).toEqual({ hoy: '2026-02-13', vencido: '2026-02-16' });
  });
});

describe('dueReminders', () => {
  // Step 1.1: 30 días naturales from Wed 14 Jan 2026 → Fri 13 Feb 2026.
  const guide = { ...makeGuide(), steps: [makeStep('1.1', { days: 30, dayKind: 'naturales' })] };
  const owned = (over: Partial<StepState> = {}): Map<string, StepState> =>
    new Map([
      ['1.1', { stepId: '1.1', status: 'en_curso', ownerUserId: 'UANA', checkedActivities: [], ...over }],
    ]);
  const input = (over: Partial<ReminderInput>): ReminderInput => ({
    guide,
    states: owned(),
    startDate: '2026-01-14',
    settings: { enabled: true, leadDays: 3 },
    time: '09:00',
    now: at('2026-02-10T09:00:00'),
    tz: 'America/Mexico_City',
    ...over,
  });

  it('gives the owner «antes», «hoy» and «vencido» on their days, from the channel time on', () => {
    expect(dueReminders(input({ now: at('2026-02-10T08:59:00') }))).toEqual([]);
    expect(dueReminders(input({ now: at('2026-02-10T09:00:00') }))).toEqual([
      { stepId: '1.1', ownerUserId: 'UANA', kind: 'antes', dueDate: '2026-02-13', day: '2026-02-10' },
    ]);
    // Still due later that day (a runner that was down catches up), never the next day.
    expect(dueReminders(input({ now: at('2026-02-10T23:30:00') }))).toHaveLength(1);
    expect(dueReminders(input({ now: at('2026-02-11T09:00:00') }))).toEqual([]);
    expect(dueReminders(input({ now: at('2026-02-13T09:00:00') }))[0]?.kind).toBe('hoy');
    // Sat 14 and Sun 15 are rest days; Mon 16 is the first working day overdue.
    expect(dueReminders(input({ now: at('2026-02-14T09:00:00') }))).toEqual([]);
    expect(dueReminders(input({ now: at('2026-02-16T09:00:00') }))[0]?.kind).toBe('vencido');
    expect(dueReminders(input({ now: at('2026-02-17T09:00:00') }))).toEqual([]);
  });

  it('waits for the channel’s daily time', () => {
    expect(dueReminders(input({ time: '10:30', now: at('2026-02-10T10:29:00') }))).toEqual([]);
    expect(dueReminders(input({ time: '10:30', now: at('2026-02-10T10:30:00') }))).toHaveLength(1);
  });

  it('never on a rest day, even when a reminder would fall there', () => {
    // Due Mon 16 Nov 2026 (Revolución): «hoy» moves to Fri 13, and nothing is sent on the 16th.
    const onHoliday = { ...guide, steps: [makeStep('1.1', { days: 306, dayKind: 'naturales' })] };
    const base = { guide: onHoliday, startDate: '2026-01-14' };
    expect(dueReminders(input({ ...base, now: at('2026-11-13T09:00:00') }))[0]?.kind).toBe('hoy');
    expect(dueReminders(input({ ...base, now: at('2026-11-16T09:00:00') }))).toEqual([]);
    expect(dueReminders(input({ ...base, now: at('2026-11-17T09:00:00') }))[0]?.kind).toBe('vencido');
  });

  it.each<[string, Partial<ReminderInput>]>([
    ['reminders are off in the channel', { settings: { enabled: false, leadDays: 3 } }],
    ['the step is completed', { states: owned({ status: 'completado' }) }],
    ['nobody owns the step', { states: new Map() }],
    ['the owner muted the step', { isMuted: (step, user) => step === '1.1' && user === 'UANA' }],
    [
      'the step only repeats (no deadline)',
      { guide: { ...guide, steps: [makeStep('1.1', { recurrence: 'bimestral' })] } },
    ],
  ])('nothing when %s', (_why, over) => {
    expect(dueReminders(input({ ...over, now: at('2026-02-13T09:00:00') }))).toEqual([]);
  });
});
