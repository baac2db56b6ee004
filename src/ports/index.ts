import type { ClaimStore } from './claims.ts';
import type { ContextStore } from './context.ts';
import type { CoordinationStore } from './coordination.ts';
import type { ProcessedEvents } from './dedupe.ts';
import type { FeedbackStore } from './feedback.ts';
import type { InstallationStore } from './installations.ts';
import type { StepStore } from './steps.ts';
import type { TrackerStore } from './trackers.ts';

export type { ClaimStore } from './claims.ts';
export type { ContextStore } from './context.ts';
export type { CoordinationStore } from './coordination.ts';
export type { ProcessedEvents } from './dedupe.ts';
export type { FeedbackStore, QuestionLog } from './feedback.ts';
export type { InstallationStore } from './installations.ts';
export type { StepStore } from './steps.ts';
export type { TrackerStore } from './trackers.ts';

export interface HealthReport {
  ok: boolean;
  /** Why not, for logs and /healthz (no secrets). */
  detail?: string;
}

/** The ports team progress needs (`/avance`, its Home section, the daily posts). */
export interface ProgressPorts {
  trackers: TrackerStore;
  steps: StepStore;
  claims: ClaimStore;
}

/**
 * Every store the app uses, built once by an adapter set (src/adapters/sqlite, src/adapters/memory) and
 * handed out by the wiring (src/app/wire.ts). All methods return Promises.
 */
export interface Stores extends ProgressPorts {
  feedback: FeedbackStore;
  /** Slack event ids already handled (retries and duplicate deliveries). */
  dedupe: ProcessedEvents;
  context: ContextStore;
  /** Institutions, the coordination channel and the weekly reports (issue 12). */
  coordination: CoordinationStore;
  /** Only in distribution mode (many workspaces by OAuth). */
  installations?: InstallationStore;
  /** Whether the database answers (a trivial query), for /healthz. */
  health(): Promise<HealthReport>;
  /** Releases the connection(s); the bundle is unusable afterwards. */
  close(): Promise<void>;
}

/** The three progress ports of a bundle, for AvanceDeps and DailyDeps. */
export const progressPorts = (stores: ProgressPorts): ProgressPorts => ({
  trackers: stores.trackers,
  steps: stores.steps,
  claims: stores.claims,
});
