import { describe, expect, it } from 'vitest';
import type { Installation } from '../../src/ports/installations.ts';
import { type StoresFactory, useStores } from './factory.ts';

const teamInstall = (teamId: string, token: string, enterpriseId?: string): Installation => ({
  team: { id: teamId, name: `Equipo ${teamId}` },
  enterprise: enterpriseId ? { id: enterpriseId, name: 'Org' } : undefined,
  user: { id: 'UINSTALLER', token: undefined, scopes: undefined },
  bot: {
    token,
    refreshToken: `xoxe-1-${token}`,
    expiresAt: 1_800_000_000,
    scopes: ['chat:write', 'commands'],
    id: 'B1',
    userId: 'UBOT',
  },
  appId: 'A1',
  tokenType: 'bot',
  isEnterpriseInstall: false,
  authVersion: 'v2',
});

const orgInstall = (enterpriseId: string, token: string): Installation => ({
  team: undefined,
  enterprise: { id: enterpriseId, name: 'Org' },
  user: { id: 'UADMIN', token: undefined, scopes: undefined },
  bot: { token, scopes: ['chat:write'], id: 'B2', userId: 'UBOT2' },
  isEnterpriseInstall: true,
  authVersion: 'v2',
});

const teamQuery = (teamId: string, enterpriseId?: string) => ({
  teamId,
  enterpriseId,
  isEnterpriseInstall: false as const,
});
const orgQuery = (enterpriseId: string) => ({
  teamId: undefined,
  enterpriseId,
  isEnterpriseInstall: true as const,
});

export function installationsContract(factory: StoresFactory): void {
  describe('installations port (distribution mode)', () => {
    const stores = useStores(factory);
    const store = () => {
      const s = stores().installations;
      if (!s) throw new Error('this adapter set has no installations store');
      return s;
    };

    it('stores, fetches and replaces a workspace install; an unknown one throws', async () => {
      const s = store();
      await s.storeInstallation(teamInstall('T1', 'xoxb-1'));
      await s.storeInstallation(teamInstall('T2', 'xoxb-2'));
      expect(await s.fetchInstallation(teamQuery('T1'))).toEqual(teamInstall('T1', 'xoxb-1'));
      await s.storeInstallation(teamInstall('T1', 'xoxb-1b'));
      expect((await s.fetchInstallation(teamQuery('T1'))).bot?.token).toBe('xoxb-1b');
      expect((await s.fetchInstallation(teamQuery('T2'))).bot?.token).toBe('xoxb-2');
      await expect(s.fetchInstallation(teamQuery('T9'))).rejects.toThrow();
      await expect(s.fetchInstallation(teamQuery('constructor'))).rejects.toThrow();
    });

    it('keeps org-wide (Enterprise Grid) installs by enterprise, apart from workspaces in it', async () => {
      const s = store();
      await s.storeInstallation(orgInstall('E1', 'xoxb-org'));
      await s.storeInstallation(teamInstall('T1', 'xoxb-team', 'E1'));
      expect((await s.fetchInstallation(orgQuery('E1'))).bot?.token).toBe('xoxb-org');
      expect((await s.fetchInstallation(teamQuery('T1', 'E1'))).bot?.token).toBe('xoxb-team');
      await s.deleteInstallation(orgQuery('E1'));
      await expect(s.fetchInstallation(orgQuery('E1'))).rejects.toThrow();
      expect((await s.fetchInstallation(teamQuery('T1', 'E1'))).bot?.token).toBe('xoxb-team');
    });

    it('lists every installation for the schedulers, without tokens, and drops deleted ones', async () => {
      const s = store();
      expect(await s.listInstallations()).toEqual([]);
      await s.storeInstallation(teamInstall('T1', 'xoxb-1'));
      await s.storeInstallation(teamInstall('T2', 'xoxb-2', 'E1'));
      await s.storeInstallation(orgInstall('E9', 'xoxb-org'));
      await s.storeInstallation(teamInstall('T1', 'xoxb-1b'));
      const byKey = (a: { teamId?: string }, b: { teamId?: string }) =>
        (a.teamId ?? '').localeCompare(b.teamId ?? '');
      expect((await s.listInstallations()).sort(byKey)).toEqual([
        { teamId: undefined, enterpriseId: 'E9', isEnterpriseInstall: true },
        { teamId: 'T1', enterpriseId: undefined, isEnterpriseInstall: false },
        { teamId: 'T2', enterpriseId: 'E1', isEnterpriseInstall: false },
      ]);
      await s.deleteInstallation(teamQuery('T1'));
      expect((await s.listInstallations()).map((k) => k.teamId ?? k.enterpriseId).sort()).toEqual([
        'E9',
        'T2',
      ]);
    });

    it('deletes one workspace only (app_uninstalled), and it can install again', async () => {
      const s = store();
      await s.storeInstallation(teamInstall('T1', 'xoxb-1'));
      await s.storeInstallation(teamInstall('T2', 'xoxb-2'));
      await s.deleteInstallation(teamQuery('T1'));
      await s.deleteInstallation(teamQuery('T1'));
      await expect(s.fetchInstallation(teamQuery('T1'))).rejects.toThrow();
      expect((await s.fetchInstallation(teamQuery('T2'))).bot?.token).toBe('xoxb-2');
      await s.storeInstallation(teamInstall('T1', 'xoxb-again'));
      expect((await s.fetchInstallation(teamQuery('T1'))).bot?.token).toBe('xoxb-again');
    });

    it('lets one refresh at a time hold an installation: the others re-read and spend nothing', async () => {
      const s = store();
      await s.storeInstallation(teamInstall('T1', 'xoxb-old'));
      let refreshes = 0;
      const refresh = () =>
        s.withInstallationLock(teamQuery('T1'), async (locked) => {
          const current = await locked.fetch();
          if (current?.bot?.token !== 'xoxb-old') return current?.bot?.token;
          refreshes += 1;
          await new Promise((r) => setTimeout(r, 30)); // the oauth.v2.access call
          await locked.store(teamInstall('T1', 'xoxb-new'));
          return 'xoxb-new';
        });
      const tokens = await Promise.all([refresh(), refresh(), refresh(), refresh()]);
      expect(refreshes).toBe(1);
      expect(tokens).toEqual(['xoxb-new', 'xoxb-new', 'xoxb-new', 'xoxb-new']);
      expect((await s.fetchInstallation(teamQuery('T1'))).bot?.token).toBe('xoxb-new');
      // A failure inside the lock releases it and stores nothing.
      await expect(
        s.withInstallationLock(teamQuery('T1'), async (locked) => {
          await locked.store(teamInstall('T1', 'xoxb-half'));
          throw new Error('invalid_refresh_token');
        }),
      ).rejects.toThrow('invalid_refresh_token');
      expect(await refresh()).toBe('xoxb-new');
    });
  });
}
