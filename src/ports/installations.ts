import type { InstallationStore as BoltInstallationStore } from '@slack/bolt';

/**
 * Workspace (team) and Enterprise Grid (org-wide) installations for distribution mode: Bolt's
 * InstallationStore shape (store, fetch, delete by team or enterprise), with delete required because
 * `app_uninstalled` and `tokens_revoked` must remove a workspace's tokens. Type-only import: no Slack code
 * is loaded by it.
 */
export interface InstallationStore extends BoltInstallationStore {
  deleteInstallation: NonNullable<BoltInstallationStore['deleteInstallation']>;
}
