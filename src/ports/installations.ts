import type {
  InstallationStore as BoltInstallationStore,
  Installation,
  InstallationQuery,
} from '@slack/bolt';

export type { Installation, InstallationQuery };

/** What a token-rotation step sees while it holds an installation's lock. */
export interface LockedInstallation {
  /** The installation as stored now (re-read after the lock was taken), or undefined. */
  fetch(): Promise<Installation | undefined>;
  /** Replaces it, inside the same lock. */
  store(installation: Installation): Promise<void>;
}

/**
 * Workspace (team) and Enterprise Grid (org-wide) installations for distribution mode: Bolt's
 * InstallationStore shape (store, fetch, delete by team or enterprise), with delete required because
 * `app_uninstalled` and `tokens_revoked` must remove a workspace's tokens. `fetchInstallation` throws when
 * there is none, as Bolt expects. Type-only import: no Slack code is loaded by it.
 *
 * `withInstallationLock` runs `fn` while holding a lock on one installation, across processes and
 * replicas: a token refresh re-reads inside it and refreshes only if still needed, so two replicas never
 * spend the same single-use refresh token. Keep `fn` short (one Slack call with a timeout).
 */
export interface InstallationStore extends BoltInstallationStore {
  deleteInstallation: NonNullable<BoltInstallationStore['deleteInstallation']>;
  withInstallationLock<T>(
    query: InstallationQuery<boolean>,
    fn: (locked: LockedInstallation) => Promise<T>,
  ): Promise<T>;
  /** Every current installation (workspace and org-wide) without tokens: what the schedulers walk. */
  listInstallations(): Promise<InstallationKey[]>;
}

/** Which installation, as the schedulers walk them: a workspace one, or an org-wide one. */
export interface InstallationKey {
  teamId?: string | undefined;
  enterpriseId?: string | undefined;
  isEnterpriseInstall: boolean;
}

/** The one key of an installation: the enterprise for an org-wide install, else the workspace. */
export function installationKey(q: {
  isEnterpriseInstall?: boolean | undefined;
  enterpriseId?: string | undefined;
  teamId?: string | undefined;
}): string {
  if (q.isEnterpriseInstall && q.enterpriseId) return `E:${q.enterpriseId}`;
  if (q.teamId) return `T:${q.teamId}`;
  throw new Error('an installation needs a team id, or an enterprise id for an org-wide install');
}

export const keyOfInstallation = (i: Installation): string =>
  installationKey({
    isEnterpriseInstall: i.isEnterpriseInstall === true,
    enterpriseId: i.enterprise?.id,
    teamId: i.team?.id,
  });

/** The key fields of a stored installation, as a query (`listInstallations`, fetch, delete, lock). */
export const queryOfInstallation = (i: Installation): InstallationKey => ({
  teamId: i.isEnterpriseInstall ? undefined : i.team?.id,
  enterpriseId: i.enterprise?.id,
  isEnterpriseInstall: i.isEnterpriseInstall === true,
});
