import {
  type Installation,
  type InstallationKey,
  type InstallationQuery,
  type InstallationStore,
  installationKeyString,
  keyOfInstallation,
} from '../../ports/installations.ts';

/**
 * Installations in process memory (unit tests, a single process). The lock is a promise chain per
 * installation: one holder at a time within this process, which is all a memory store can share.
 */
export function createMemoryInstallationStore(): InstallationStore {
  const rows = new Map<string, Installation<'v1' | 'v2', boolean>>();
  const locks = new Map<string, Promise<unknown>>();
  const copy = <T>(value: T): T => structuredClone(value);
  const find = (query: InstallationQuery<boolean>) => {
    const key: InstallationKey = {
      teamId: query.teamId,
      enterpriseId: query.enterpriseId,
      isEnterpriseInstall: query.isEnterpriseInstall,
    };
    return rows.get(installationKeyString(key));
  };
  return {
    async storeInstallation(installation) {
      rows.set(installationKeyString(keyOfInstallation(installation)), copy(installation));
    },
    async fetchInstallation(query) {
      const found = find(query);
      if (!found) throw new Error(`no installation for ${installationKeyString({ ...query })}`);
      return copy(found);
    },
    async deleteInstallation(query) {
      rows.delete(
        installationKeyString({
          teamId: query.teamId,
          enterpriseId: query.enterpriseId,
          isEnterpriseInstall: query.isEnterpriseInstall,
        }),
      );
    },
    async listInstallations() {
      return [...rows.values()].map(keyOfInstallation);
    },
    async withInstallationLock(key, fn) {
      const id = installationKeyString(key);
      const before = locks.get(id) ?? Promise.resolve();
      const run = before.then(fn, fn);
      const tail = run.catch(() => {});
      locks.set(id, tail);
      try {
        return await run;
      } finally {
        if (locks.get(id) === tail) locks.delete(id);
      }
    },
  };
}
