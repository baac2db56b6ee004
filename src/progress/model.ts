/** Pure progress data shared by the rules, the store and the renderers. */
export const STATUSES = ['pendiente', 'en_curso', 'bloqueado', 'completado'] as const;
export type Status = (typeof STATUSES)[number];

export const STATUS_LABEL: Record<Status, string> = {
  pendiente: 'pendiente',
  en_curso: 'en curso',
  bloqueado: 'bloqueado',
  completado: 'completado',
};

export interface StepState {
  stepId: string;
  status: Status;
  /** Slack user id ("U123"). */
  ownerUserId?: string;
  /** ISO instants. */
  startedAt?: string;
  completedAt?: string;
  blockedReason?: string;
  /** Indexes into the step's `activities`, sorted. */
  checkedActivities: number[];
}

export const initialState = (stepId: string): StepState => ({
  stepId,
  status: 'pendiente',
  checkedActivities: [],
});
