import type { ContextStore } from '../ports/context.ts';

/**
 * ContextStore in a Map: for the terminal chat (one process, one person) and tests. A Slack deployment
 * with several processes wants the SQLite/PostgreSQL adapters, which share the context and survive restarts.
 * Bounded, so a flood of threads cannot grow memory without end.
 */
export function createMemoryContextStore(maxEntries = 10_000): ContextStore {
  const values = new Map<string, { value: string; expiresAt: number }>();
  const key = (teamId: string, threadKey: string) => JSON.stringify([teamId, threadKey]);
  return {
    async load(teamId, threadKey, now) {
      const entry = values.get(key(teamId, threadKey));
      if (!entry || entry.expiresAt <= now.getTime()) return undefined;
      // Stored as JSON text, as the database adapters do: callers get a copy, never a shared object.
      return JSON.parse(entry.value) as unknown;
    },
    async save(teamId, threadKey, value, expiresAt) {
      const k = key(teamId, threadKey);
      values.delete(k);
      if (values.size >= maxEntries) {
        const oldest = values.keys().next().value;
        if (oldest !== undefined) values.delete(oldest);
      }
      values.set(k, { value: JSON.stringify(value), expiresAt: expiresAt.getTime() });
    },
    async prune(now) {
      let removed = 0;
      for (const [k, entry] of values) {
        if (entry.expiresAt <= now.getTime()) {
          values.delete(k);
          removed++;
        }
      }
      return removed;
    },
  };
}
