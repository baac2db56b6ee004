import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import Database from 'better-sqlite3';
import { migrations } from './migrations/index.ts';

export type Db = Database.Database;

export interface Migration {
  version: number;
  description: string;
  up(db: Db): void;
}

/**
 * Opens (creating it and its folder if needed) the SQLite file, sets the pragmas we rely on, and applies
 * pending migrations, each in its own transaction together with the bump of `user_version`.
 */
export function openDb(file: string, list: readonly Migration[] = migrations): Db {
  if (file !== ':memory:') mkdirSync(dirname(file), { recursive: true });
  const db = new Database(file);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = NORMAL');
  db.pragma('foreign_keys = ON');
  db.pragma('busy_timeout = 5000');
  migrate(db, list);
  return db;
}

export function migrate(db: Db, list: readonly Migration[]): void {
  const sorted = [...list].sort((a, b) => a.version - b.version);
  for (const m of sorted) {
    const current = db.pragma('user_version', { simple: true }) as number;
    if (m.version <= current) continue;
    db.transaction(() => {
      m.up(db);
      db.pragma(`user_version = ${m.version}`);
    }).immediate();
  }
}
