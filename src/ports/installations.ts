import type {
  InstallationStore as BoltInstallationStore,
  Installation,
  InstallationQuery,
} from '@slack/bolt';

export type { Installation, InstallationQuery } from '@slack/bolt';

/** Which installation: a workspace (team) one, or an Enterprise Grid org-wide one (`isEnterpriseInstall`). */
export interface InstallationKey {
  teamId?: string | undefined;
  enterpriseId?: string | undefined;
  isEnterpriseInstall: boolean;
}

/**
 * Workspace (team) and Enterprise Grid (org-wide) installations for distribution mode: Bolt's
 * InstallationStore shape (store, fetch, delete by team or enterprise), with delete required because
 * `app_uninstalled` and `tokens_revoked` must remove a workspace's tokens. Type-only import: no Slack code
 * is loaded by it.
 */
export interface InstallationStore extends BoltInstallationStore {
  storeInstallation(installation: Installation<'v1' | 'v2', boolean>): Promise<void>;
  fetchInstallation(query: InstallationQuery<boolean>): Promise<Installation<'v1' | 'v2', boolean>>;
  deleteInstallation: NonNullable<BoltInstallationStore['deleteInstallation']>;
  /** Every current installation, for the schedulers' walk over workspaces. */
  listInstallations(): Promise<InstallationKey[]>;
  /**
   * Runs `fn` while holding this installation's lock, one holder at a time across every replica sharing the
   * database (token rotation: a refresh token works once, so only one replica may spend it).
   */
  withInstallationLock<T>(key: InstallationKey, fn: () => Promise<T>): Promise<T>;
}

/** One string per installation: `E:<enterprise>` for org-wide installs, `T:<enterprise or ->:<team>` otherwise. */
export function installationKeyString(key: InstallationKey): string {
  if (key.isEnterpriseInstall) return `E:${key.enterpriseId ?? ''}`;
  return `T:${key.enterpriseId ?? '-'}:${key.teamId ?? ''}`;
}

/** The key of a stored installation (Bolt's record). */
export function keyOfInstallation(installation: Installation<'v1' | 'v2', boolean>): InstallationKey {
  return {
    teamId: installation.team?.id,
    enterpriseId: installation.enterprise?.id,
    isEnterpriseInstall: installation.isEnterpriseInstall === true,
  };
}
