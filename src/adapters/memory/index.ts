import type { Stores } from '../../ports/index.ts';
import { createMemoryContextStore } from './context.ts';
import { createMemoryCoordinationStore } from './coordination.ts';
import { createMemoryProcessedEvents } from './dedupe.ts';
import { createMemoryFeedbackStore } from './feedback.ts';
import { createMemoryInstallationStore } from './installations.ts';
import { MemoryProgressStore } from './progress.ts';

/** Every port in process memory: for fast unit tests (no file, no server). */
export function createMemoryStores(): Stores {
  const progress = new MemoryProgressStore();
  return {
    trackers: progress,
    steps: progress,
    claims: progress,
    feedback: createMemoryFeedbackStore(),
    dedupe: createMemoryProcessedEvents(),
    context: createMemoryContextStore(),
    coordination: createMemoryCoordinationStore(),
    installations: createMemoryInstallationStore(),
    health: async () => ({ ok: true }),
    close: async () => {},
  };
}
