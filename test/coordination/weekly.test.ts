import { describe, expect, it } from 'vitest';
import { weeklyReport } from '../../src/coordination/weekly.ts';
import type { ProgressEvent } from '../../src/ports/steps.ts';
import type { StepState } from '../../src/progress/model.ts';
import { weeklyBlocks } from '../../src/render/weekly.ts';
import { dueWeeklySlot, postingDate, type WeeklySettings } from '../../src/schedule/weekly-rule.ts';
import { completedOn, state, TODAY, TZ, threeInstitutions, view } from './fixtures.ts';

const at = (local: string): Date => new Date(`${local}:00-06:00`); // Mexico City, no DST since 2022
const monday9: WeeklySettings = { enabled: true, day: 1, time: '09:00' };

describe('the weekly schedule', () => {
  it('is due on its day from its time on, and catches up later the same day', () => {
    expect(dueWeeklySlot(monday9, at('2026-11-30T08:59'), TZ)).toBeUndefined();
    expect(dueWeeklySlot(monday9, at('2026-11-30T09:00'), TZ)).toEqual({
      week: '2026-11-30',
      date: '2026-11-30',
    });
    expect(dueWeeklySlot(monday9, at('2026-11-30T23:30'), TZ)).toEqual({
      week: '2026-11-30',
      date: '2026-11-30',
    });
    // Never the next day: next week's report covers it.
    expect(dueWeeklySlot(monday9, at('2026-12-01T09:30'), TZ)).toBeUndefined();
  });

  it('reads the day and time in GUIA_TZ, not UTC', () => {
    // 14:30 UTC on Monday is 08:30 in Mexico City.
    expect(dueWeeklySlot(monday9, new Date('2026-11-30T14:30:00Z'), TZ)).toBeUndefined();
    expect(dueWeeklySlot(monday9, new Date('2026-11-30T15:00:00Z'), TZ)).toBeDefined();
  });

  it('moves a rest day to the next working day, keeping the week it belongs to', () => {
    // 16 Nov 2026 is the third Monday of November (Revolución): Tuesday the 17th instead.
    expect(postingDate('2026-11-16', 1)).toBe('2026-11-17');
    expect(dueWeeklySlot(monday9, at('2026-11-16T10:00'), TZ)).toBeUndefined();
    expect(dueWeeklySlot(monday9, at('2026-11-17T10:00'), TZ)).toEqual({
      week: '2026-11-16',
      date: '2026-11-17',
    });
    // Friday 25 Dec 2026 → Monday 28 Dec, still the week of the 21st; the week of the 28th posts on Friday 1 Jan…
    const friday: WeeklySettings = { enabled: true, day: 5, time: '09:00' };
    expect(dueWeeklySlot(friday, at('2026-12-28T09:00'), TZ)).toEqual({
      week: '2026-12-21',
      date: '2026-12-28',
    });
    // …which is a rest day too: Monday 4 Jan 2027, under the week of 28 Dec.
    expect(dueWeeklySlot(friday, at('2027-01-04T09:00'), TZ)).toEqual({
      week: '2026-12-28',
      date: '2027-01-04',
    });
    // A weekend day chosen posts on the Monday after.
    expect(postingDate('2026-11-30', 6)).toBe('2026-12-07');
  });

  it('is never due when off', () => {
    expect(dueWeeklySlot({ ...monday9, enabled: false }, at('2026-11-30T10:00'), TZ)).toBeUndefined();
  });
});

let nextId = 1;
const statusEvent = (
  trackerId: number,
  stepId: string,
  from: StepState['status'],
  to: StepState['status'],
): ProgressEvent => ({
  id: nextId++,
  trackerId,
  at: '2026-11-27T17:00:00.000Z',
  userId: 'U9',
  source: '/avance',
  kind: 'step.status',
  guideId: 'guia-prueba',
  stepId,
  before: { stepId, status: from, checkedActivities: [] },
  after: { stepId, status: to, checkedActivities: [] },
});

describe('the weekly report', () => {
  const inputs = () => {
    const views = threeInstitutions();
    views[1] = view(2, 'Secretaría de Economía', '2026-11-01', [
      completedOn('1.2', '2026-11-27'),
      completedOn('1.1', '2026-11-27'),
      state('2.1', { status: 'en_curso' }),
    ]);
    return views.map((v) => ({
      view: v,
      events:
        v.trackerId === 2
          ? [
              statusEvent(2, '1.2', 'pendiente', 'en_curso'),
              statusEvent(2, '1.2', 'en_curso', 'completado'),
              statusEvent(2, '1.1', 'pendiente', 'completado'),
              statusEvent(2, '2.1', 'pendiente', 'en_curso'),
            ]
          : v.trackerId === 4
            ? [statusEvent(4, '1.1', 'pendiente', 'bloqueado')]
            : [],
    }));
  };

  it('tells what moved per institution, who is late and the trend', () => {
    const r = weeklyReport('coordination', inputs(), '2026-11-24', TODAY);
    const economia = r.institutions.find((i) => i.institution === 'Secretaría de Economía');
    // Started and completed the same week counts once, as completed.
    expect(economia?.moves.map((m) => [m.stepId, m.kind])).toEqual([
      ['1.1', 'completed'],
      ['1.2', 'completed'],
      ['2.1', 'started'],
    ]);
    expect(economia?.percentWeekAgo).toBe(0);
    expect(economia?.percentNow).toBe(33);
    // Two channels of Turismo are one institution.
    expect(r.institutions.find((i) => i.institution === 'Secretaría de Turismo')?.channelIds).toEqual([
      'C100',
      'C400',
    ]);
    expect(r.institutions[0]?.institution).toBe('Comisión Nacional del Agua');
    expect(r.late.map((l) => [l.channelId, l.stepId, l.daysLate])).toEqual([
      ['C300', '1.1', 61],
      ['C300', '4.1', 21],
      ['C300', '2.1', 1],
    ]);
    expect(r.trend).toMatchObject({
      completedNow: 3,
      completedThisWeek: 2,
      total: 24,
      percentNow: 12,
      percentWeekAgo: 4,
    });
    expect(r.trend.weeksToFinish).toBe(11);
  });

  it('counts a step reopened this week as going back', () => {
    const v = view(5, 'X', '2026-11-01', [state('1.1', { status: 'en_curso' })]);
    const r = weeklyReport(
      'team',
      [{ view: v, events: [statusEvent(5, '1.1', 'completado', 'en_curso')] }],
      '2026-11-24',
      TODAY,
    );
    expect(r.institutions[0]?.moves).toEqual([{ stepId: '1.1', title: 'Paso 1.1', kind: 'reopened' }]);
    expect(r.trend.completedThisWeek).toBe(-1);
    expect(r.trend.weeksToFinish).toBeUndefined();
  });

  it('in the coordination channel names institutions and pings nobody', () => {
    const { text, blocks } = weeklyBlocks(weeklyReport('coordination', inputs(), '2026-11-24', TODAY));
    const body = JSON.stringify(blocks);
    expect(body).toContain('Informe semanal de coordinación');
    expect(body).toContain('*Secretaría de Economía*: 2 completados, 1 iniciado · 33 % (+33 puntos)');
    expect(body).toContain('*Secretaría de Turismo*: 1 bloqueado');
    expect(body).toContain(
      '*Comisión Nacional del Agua* <#C300>: 3 pasos vencidos (el más atrasado: 61 días)',
    );
    expect(body).toContain('12 %* (3 de 24 pasos) · +8 puntos en la semana');
    expect(body).toContain('faltan unas 11 semanas');
    expect(body).not.toMatch(/<@U/);
    expect(text).toContain('2 pasos completados esta semana');
  });

  it('in a team channel mentions only the owners of its overdue steps', () => {
    const [, , late] = threeInstitutions();
    const v = late ?? view(3, 'X', TODAY);
    v.states = new Map([
      ...v.states,
      state('2.2', { ownerUserId: 'U2', status: 'en_curso' }),
      state('4.1', { ownerUserId: 'U3' }),
    ]);
    const { blocks } = weeklyBlocks(weeklyReport('team', [{ view: v, events: [] }], '2026-11-24', TODAY));
    const body = JSON.stringify(blocks);
    expect(body).toContain('Sin movimientos esta semana.');
    expect(body).toContain('`1.1` Paso 1.1 — hace 61 días · <@U1>');
    expect(body).toContain('<@U3>');
    expect(body).not.toContain('<@U2>'); // owns a step that is not late
  });

  it('stays within Block Kit limits with hundreds of institutions, saying how many it left out', () => {
    const many = Array.from({ length: 300 }, (_, i) => ({
      view: view(i + 1, `Institución con un nombre bastante largo número ${i + 1}`, '2026-09-01'),
      events: [statusEvent(i + 1, '1.1', 'pendiente', 'en_curso')],
    }));
    const { blocks } = weeklyBlocks(weeklyReport('coordination', many, '2026-11-24', TODAY));
    expect(blocks.length).toBeLessThanOrEqual(50);
    for (const b of blocks)
      if (b.type === 'section') expect(b.text?.text.length ?? 0).toBeLessThanOrEqual(3000);
    expect(JSON.stringify(blocks)).toMatch(/… y \d+ instituciones más/);
  });
});
