import { createSqlStores } from '../../src/adapters/sql/index.ts';
import { migrateToLatest } from '../../src/adapters/sql/migrate.ts';
import { describePostgres, freshPostgres } from '../helpers/postgres.ts';
import { runStoreContracts } from './index.ts';

describePostgres('store contracts (a schema per test, a pool of connections)', (url) => {
  runStoreContracts(async () => {
    const pg = await freshPostgres(url);
    const migrated = await migrateToLatest(pg.handle.db, 'postgres');
    if (!migrated.ok) throw new Error(migrated.message);
    return { stores: createSqlStores(pg.handle), teardown: pg.drop };
  });
});
