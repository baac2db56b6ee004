import type { Logger } from 'pino';
import type { AvanceDeps } from '../bot/avance-command.ts';
import type { BotDeps, CommandHandler } from '../bot/types.ts';
import type { ProcessedEvents } from '../ports/dedupe.ts';
import type { FeedbackStore } from '../ports/feedback.ts';
import type { HealthReport } from '../ports/index.ts';
import type { InstallationStore } from '../ports/installations.ts';

/** Everything the Slack listeners need, built by the wiring (src/app/wire.ts). */
export interface SlackDeps {
  bot: BotDeps;
  commands: ReadonlyMap<string, CommandHandler>;
  feedback: Pick<FeedbackStore, 'recordFeedback'>;
  events: ProcessedEvents;
  logger: Logger;
  /** Team progress: when set, the Iniciar / Completar / activity buttons are listened to as well. */
  avance?: AvanceDeps;
  /** The database's state for /healthz and /readyz (stores.health()); absent = not checked. */
  health?: () => Promise<HealthReport>;
  /** Set by createSlackApp: the monitored fetch with a timeout, and how response_url replies retry. */
  respond?: { fetch: typeof fetch; baseDelayMs?: number };
  /** Distribution mode: the workspaces installed by OAuth. */
  installations?: InstallationStore;
}
