import {
  type Installation,
  type InstallationStore,
  installationKey,
  keyOfInstallation,
  queryOfInstallation,
} from '../../ports/installations.ts';

/** Installations in process memory (copies in and out, as from a database); a lock per key in this process. */
export function createMemoryInstallationStore(): InstallationStore {
  const rows = new Map<string, string>();
  const locks = new Map<string, Promise<unknown>>();
  const read = (key: string): Installation | undefined => {
    const json = rows.get(key);
    return json === undefined ? undefined : (JSON.parse(json) as Installation);
  };
  return {
    async storeInstallation(installation) {
      rows.set(keyOfInstallation(installation as Installation), JSON.stringify(installation));
    },
    async fetchInstallation(query) {
      const found = read(installationKey(query));
      if (!found) throw new Error(`no installation for ${installationKey(query)}`);
      return found;
    },
    async deleteInstallation(query) {
      rows.delete(installationKey(query));
    },
    async listInstallations() {
      return [...rows.keys()].flatMap((key) => {
        const found = read(key);
        return found ? [queryOfInstallation(found)] : [];
      });
    },
    async withInstallationLock(query, fn) {
      const key = installationKey(query);
      const previous = locks.get(key) ?? Promise.resolve();
      // Like the SQL adapters' transaction: what `fn` stores counts only if it succeeds.
      const run = previous
        .catch(() => {})
        .then(async () => {
          let pending: string | undefined;
          const result = await fn({
            fetch: async () => (pending === undefined ? read(key) : (JSON.parse(pending) as Installation)),
            store: async (i) => {
              pending = JSON.stringify(i);
            },
          });
          if (pending !== undefined) rows.set(key, pending);
          return result;
        });
      locks.set(key, run);
      try {
        return await run;
      } finally {
        if (locks.get(key) === run) locks.delete(key);
      }
    },
  };
}
