import type { IsoDate } from './calendar.ts';

/** Pure progress data shared by the rules, the store ports and the renderers. */
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

export type QuietMode = 'linea' | 'nada';

export interface DailySettings {
  enabled: boolean;
  /** "HH:MM" in GUIA_TZ. */
  time: string;
  /** ISO weekdays, 1 = lunes … 7 = domingo, sorted. */
  days: number[];
  /** On a day with no change and nothing due: one short line, or no post. */
  quiet: QuietMode;
}

/** A channel that follows a guide's progress. */
export interface Tracker {
  id: number;
  teamId: string;
  channelId: string;
  guideId: string;
  startDate: IsoDate;
  daily: DailySettings;
  /** Set when Slack said the bot is no longer in the channel; such trackers are skipped. */
  removedAt?: string;
  /** Events up to this id were already told in a daily post. */
  lastPostEventId: number;
  createdAt: string;
}
