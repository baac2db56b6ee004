import { type Kysely, sql, type Transaction } from 'kysely';
import {
  type Installation,
  type InstallationStore,
  installationKey,
  keyOfInstallation,
  queryOfInstallation,
} from '../../ports/installations.ts';
import type { Engine } from './migrations/types.ts';
import type { Database } from './schema.ts';

type Db = Kysely<Database> | Transaction<Database>;

async function read(db: Db, key: string): Promise<Installation | undefined> {
  const row = await db
    .selectFrom('slack_installations')
    .select('installation_json')
    .where('install_key', '=', key)
    .executeTakeFirst();
  return row ? (JSON.parse(row.installation_json) as Installation) : undefined;
}

async function write(db: Db, key: string, installation: Installation): Promise<void> {
  const values = {
    team_id: installation.team?.id ?? null,
    enterprise_id: installation.enterprise?.id ?? null,
    is_enterprise_install: installation.isEnterpriseInstall ? 1 : 0,
    installation_json: JSON.stringify(installation),
    updated_at: new Date().toISOString(),
  };
  await db
    .insertInto('slack_installations')
    .values({ install_key: key, ...values })
    .onConflict((oc) => oc.column('install_key').doUpdateSet(values))
    .execute();
}

/**
 * Installations, one row per workspace or org-wide install (Bolt's Installation as JSON). The lock is a
 * transaction-scoped advisory lock on PostgreSQL (`pg_advisory_xact_lock(hashtext(key))`, released at
 * commit or rollback, also if the process dies) and an IMMEDIATE transaction on SQLite (the file's write
 * lock: other writers wait meanwhile, so keep `fn` short).
 */
export function createSqlInstallationStore(db: Kysely<Database>, engine: Engine): InstallationStore {
  return {
    async storeInstallation(installation) {
      const i = installation as Installation;
      await write(db, keyOfInstallation(i), i);
    },
    async fetchInstallation(query) {
      const key = installationKey(query);
      const found = await read(db, key);
      if (!found) throw new Error(`no installation for ${key}`);
      return found;
    },
    async deleteInstallation(query) {
      await db.deleteFrom('slack_installations').where('install_key', '=', installationKey(query)).execute();
    },
    async listInstallations() {
      const rows = await db.selectFrom('slack_installations').select('installation_json').execute();
      return rows.map((r) => queryOfInstallation(JSON.parse(r.installation_json) as Installation));
    },
    async withInstallationLock(query, fn) {
      const key = installationKey(query);
      return db.transaction().execute(async (trx) => {
        if (engine === 'postgres')
          await sql`SELECT pg_advisory_xact_lock(hashtext(${`guia:install:${key}`}))`.execute(trx);
        return fn({ fetch: () => read(trx, key), store: (i) => write(trx, key, i) });
      });
    },
  };
}
