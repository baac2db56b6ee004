import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createMemoryCoordinationStore } from '../../src/adapters/memory/coordination.ts';
import { createSqliteCoordinationStore } from '../../src/adapters/sqlite/coordination.ts';
import { openDb } from '../../src/adapters/sqlite/db.ts';
import { coordinationContract } from './coordination-contract.ts';

coordinationContract('memory', () => ({ store: createMemoryCoordinationStore(), done: () => {} }));

coordinationContract('SQLite file, two connections', () => {
  const dir = mkdtempSync(join(tmpdir(), 'guia-coord-'));
  const file = join(dir, 'guia.db');
  const db = openDb(file);
  const other = openDb(file);
  const insert = db.prepare(
    `INSERT INTO progress_trackers (id, team_id, channel_id, guide_id, start_date, created_at)
     VALUES (?, ?, ?, 'guia-2017', '2026-01-01', '2026-01-01T00:00:00Z')`,
  );
  for (const [id, team] of [
    [1, 'T1'],
    [2, 'T2'],
    [3, 'T1'],
  ] as const)
    insert.run(id, team, `C${id}`);
  return {
    store: createSqliteCoordinationStore(db),
    second: createSqliteCoordinationStore(other),
    done: () => {
      db.close();
      other.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
});
