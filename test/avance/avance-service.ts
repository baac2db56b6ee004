/**
 * `/avance` at the service level: a real SQLite file in a fresh temporary folder and the command's deps over
 * it, made before each test and removed after it. Register it at the top of a test file.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach } from 'vitest';
import { type Db, openDb } from '../../src/adapters/sqlite/db.ts';
import { createSqliteStores } from '../../src/adapters/sqlite/index.ts';
import type { AvanceDeps } from '../../src/bot/avance-command.ts';
import type { Guide } from '../../src/content/model.ts';
import { progressPorts } from '../../src/ports/index.ts';
import { makeGuide } from '../progress/steps.ts';

export interface AvanceService {
  readonly db: Db;
  readonly deps: AvanceDeps;
}

export function useAvanceService(opts: { guides?: () => Guide[]; now?: () => Date } = {}): AvanceService {
  let dir = '';
  let current: AvanceService | undefined;
  beforeEach(async () => {
    dir = mkdtempSync(join(tmpdir(), 'guia-avance-'));
    const db = await openDb(join(dir, 'guia.db'));
    current = {
      db,
      deps: {
        guides: opts.guides?.() ?? [makeGuide()],
        ...progressPorts(createSqliteStores(db)),
        tz: 'America/Mexico_City',
        // Thursday 12 Feb 2026, 10:00 in Mexico City.
        now: opts.now ?? (() => new Date('2026-02-12T16:00:00Z')),
      },
    };
  });
  afterEach(() => {
    current?.db.close();
    current = undefined;
    rmSync(dir, { recursive: true, force: true });
  });
  const get = (): AvanceService => {
    if (!current) throw new Error('useAvanceService: only inside a test');
    return current;
  };
  return {
    get db() {
      return get().db;
    },
    get deps() {
      return get().deps;
    },
  };
}
