import type { ContextStore } from '../../ports/context.ts';

/**
 * Conversation context in process memory, stored as JSON text so a value read back is a copy, as from a
 * database. Lost on restart and not shared between replicas.
 */
export function createMemoryContextStore(): ContextStore {
  const values = new Map<string, { json: string; expiresAt: number }>();
  const key = (teamId: string, threadKey: string) => JSON.stringify([teamId, threadKey]);
  return {
    async load(teamId, threadKey, now) {
      const entry = values.get(key(teamId, threadKey));
      if (!entry || entry.expiresAt <= now.getTime()) return undefined;
      return JSON.parse(entry.json) as unknown;
    },
    async save(teamId, threadKey, value, expiresAt) {
      const json = JSON.stringify(value);
      if (json === undefined) throw new Error('context value is not JSON-serialisable');
      values.set(key(teamId, threadKey), { json, expiresAt: expiresAt.getTime() });
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
