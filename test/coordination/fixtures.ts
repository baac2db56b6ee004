import type { TrackerView } from '../../src/coordination/overview.ts';
import type { StepState } from '../../src/progress/model.ts';
import { makeGuide } from '../progress/steps.ts';

export const TODAY = '2026-12-01';
export const TZ = 'America/Mexico_City';

export const state = (stepId: string, patch: Partial<StepState> = {}): [string, StepState] => [
  stepId,
  { stepId, status: 'pendiente', checkedActivities: [], ...patch },
];

export const completedOn = (stepId: string, day: string): [string, StepState] =>
  state(stepId, {
    status: 'completado',
    startedAt: `${day}T16:00:00.000Z`,
    completedAt: `${day}T16:00:00.000Z`,
  });

export function view(
  trackerId: number,
  institution: string | undefined,
  startDate: string,
  states: Array<[string, StepState]> = [],
): TrackerView {
  return {
    trackerId,
    channelId: `C${trackerId}00`,
    ...(institution ? { institution } : {}),
    guide: makeGuide(),
    startDate,
    states: new Map(states),
    lastActivityAt: '2026-11-28T17:00:00.000Z',
  };
}

/**
 * Four channels of three institutions: one late since September (🔴), one with a step due today (🟡),
 * one with a blocked step (🟡) and one that just started (🟢).
 */
export function threeInstitutions(): TrackerView[] {
  return [
    view(1, 'Secretaría de Turismo', TODAY),
    view(2, 'Secretaría de Economía', '2026-11-01', [completedOn('1.2', '2026-11-10')]),
    view(3, 'Comisión Nacional del Agua', '2026-09-01', [
      completedOn('1.2', '2026-09-20'),
      state('1.1', { ownerUserId: 'U1' }),
    ]),
    view(4, 'Secretaría de Turismo', TODAY, [
      state('1.1', { status: 'bloqueado', blockedReason: 'Falta el oficio' }),
    ]),
  ];
}
