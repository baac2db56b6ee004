import { describe, expect, it } from 'vitest';
import type { StepState } from '../../src/progress/model.ts';
import { transition } from '../../src/progress/status.ts';
import { summarize } from '../../src/progress/summary.ts';
import { makeGuide } from './steps.ts';

describe('status transitions', () => {
  it.each([
    ['pendiente', 'iniciar', 'en_curso'],
    ['bloqueado', 'iniciar', 'en_curso'],
    ['en_curso', 'completar', 'completado'],
    ['pendiente', 'completar', 'completado'],
    ['en_curso', 'bloquear', 'bloqueado'],
    ['completado', 'reabrir', 'en_curso'],
  ] as const)('%s --%s--> %s', (from, action, to) => {
    expect(transition(from, action)).toEqual({ ok: true, to });
  });

  it.each([
    ['completado', 'iniciar'],
    ['completado', 'bloquear'],
    ['completado', 'completar'],
    ['pendiente', 'reabrir'],
    ['en_curso', 'iniciar'],
  ] as const)('refuses %s --%s--> with a Spanish reason', (from, action) => {
    const result = transition(from, action);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.message).toMatch(/está/);
  });
});

describe('summary', () => {
  const state = (stepId: string, patch: Partial<StepState>): [string, StepState] => [
    stepId,
    { stepId, status: 'pendiente', checkedActivities: [], ...patch },
  ];

  it('counts progress, late steps, steps due this week and owners', () => {
    const states = new Map([
      state('1.1', { status: 'completado' }),
      state('1.2', { status: 'en_curso', ownerUserId: 'UANA' }),
      state('4.1', { status: 'bloqueado', ownerUserId: 'UANA', blockedReason: 'sin oficio' }),
    ]);
    // Start Mon 5 Jan 2026; today 12 Feb. 1.2 (10 hábiles) was due 19 Jan → late.
    // 2.2 bimestral first review 5 Mar; 2.1 due 5 Apr; 4.1 due 16 Mar.
    const summary = summarize(makeGuide(), states, '2026-01-05', '2026-02-12');
    expect(summary.total).toBe(6);
    expect(summary.completed).toBe(1);
    expect(summary.percent).toBe(16);
    expect(summary.overdue.map((l) => l.step.id)).toEqual(['1.2']);
    expect(summary.overdue[0]?.daysLeft).toBe(-24);
    expect(summary.dueSoon).toEqual([]);
    expect(summary.phases.map((p) => [p.phase, p.completed, p.total, p.bar])).toEqual([
      ['Planea', 1, 2, '█████░░░░░'],
      ['Publica', 0, 2, '░░░░░░░░░░'],
      ['Perfecciona', 0, 1, '░░░░░░░░░░'],
      ['Promueve', 0, 1, '░░░░░░░░░░'],
    ]);
    expect(summary.owners).toEqual([{ userId: 'UANA', steps: [summary.lines[1], summary.lines[5]] }]);
    expect(summary.blocked.map((l) => l.step.id)).toEqual(['4.1']);
  });

  it('lists steps due in the next seven days, soonest first', () => {
    const summary = summarize(makeGuide(), new Map(), '2026-01-05', '2026-02-28');
    // 2.2: 5 Mar (5 days); nothing else in the window; 1.1 (4 Feb) and 1.2 (19 Jan) are late.
    expect(summary.dueSoon.map((l) => [l.step.id, l.daysLeft])).toEqual([['2.2', 5]]);
    expect(summary.overdue.map((l) => l.step.id)).toEqual(['1.2', '1.1']);
  });
});
