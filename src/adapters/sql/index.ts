import type { Stores } from '../../ports/index.ts';
import type { SqlHandle } from './connect.ts';
import { createSqlContextStore } from './context.ts';
import { createSqlCoordinationStore } from './coordination.ts';
import { createSqlProcessedEvents } from './dedupe.ts';
import { createSqlFeedbackStore } from './feedback.ts';
import { createSqlInstallationStore } from './installations.ts';
import { SqlProgressStore } from './progress.ts';

export type { PostgresOptions, SqlHandle } from './connect.ts';

/** Every port on one (already migrated) database, SQLite or PostgreSQL. `close()` closes it. */
export function createSqlStores(handle: SqlHandle): Stores {
  const progress = new SqlProgressStore(handle.db, handle.engine);
  return {
    trackers: progress,
    steps: progress,
    claims: progress,
    feedback: createSqlFeedbackStore(handle.db),
    dedupe: createSqlProcessedEvents(handle.db),
    context: createSqlContextStore(handle.db),
    coordination: createSqlCoordinationStore(handle.db),
    installations: createSqlInstallationStore(handle.db, handle.engine),
    health: () => handle.health(),
    close: () => handle.close(),
  };
}
