import type { Status, StepState } from './model.ts';

export type StepAction = 'iniciar' | 'completar' | 'bloquear' | 'reabrir';

export type TransitionResult = { ok: true; to: Status } | { ok: false; message: string };

/**
 * Legal moves. `iniciar` also unblocks; `completar` is allowed from any open status because teams often
 * report a step once it is done; a completed step only moves through `reabrir`, so finished work is never
 * undone by a stray click. `bloquear` on a blocked step gives it a new reason.
 */
const TABLE: Record<StepAction, Partial<Record<Status, Status>>> = {
  iniciar: { pendiente: 'en_curso', bloqueado: 'en_curso' },
  completar: { pendiente: 'completado', en_curso: 'completado', bloqueado: 'completado' },
  // Blocking a blocked step again updates its reason.
  bloquear: { pendiente: 'bloqueado', en_curso: 'bloqueado', bloqueado: 'bloqueado' },
  reabrir: { completado: 'en_curso' },
};

const REFUSAL: Record<StepAction, Partial<Record<Status, string>>> = {
  iniciar: {
    en_curso: 'ya está en curso.',
    completado: 'ya está completado; usa `reabrir` si hay que retomarlo.',
  },
  completar: { completado: 'ya está completado.' },
  bloquear: {
    completado: 'ya está completado; usa `reabrir` primero.',
  },
  reabrir: {
    pendiente: 'no está completado.',
    en_curso: 'no está completado.',
    bloqueado: 'no está completado.',
  },
};

export function transition(from: Status, action: StepAction): TransitionResult {
  const to = TABLE[action][from];
  if (to) return { ok: true, to };
  return { ok: false, message: REFUSAL[action][from] ?? 'no se puede hacer ese cambio.' };
}

/** The new state after a legal move, with its timestamps; `now` is an ISO instant. */
export function applyAction(state: StepState, to: Status, now: string, reason?: string): StepState {
  const next: StepState = { ...state, status: to };
  delete next.blockedReason;
  if (to === 'en_curso' && !state.startedAt) next.startedAt = now;
  if (to === 'completado') {
    next.completedAt = now;
    if (!next.startedAt) next.startedAt = now;
  } else {
    delete next.completedAt;
  }
  if (to === 'bloqueado' && reason) next.blockedReason = reason;
  return next;
}
