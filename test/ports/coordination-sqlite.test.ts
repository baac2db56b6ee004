/** What only a file-backed coordination store can show: two connections (two runners) on one SQLite file. */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type Db, openDb } from '../../src/adapters/sqlite/db.ts';
import { createSqliteStores } from '../../src/adapters/sqlite/index.ts';

let dir = '';
let a: Db;
let b: Db;
beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), 'guia-coord-'));
  a = await openDb(join(dir, 'guia.db'));
  b = await openDb(join(dir, 'guia.db'));
});
afterEach(() => {
  a.close();
  b.close();
  rmSync(dir, { recursive: true, force: true });
});

const week = { teamId: 'T1', channelId: 'CCOORD', week: '2026-11-30' };

describe('SQLite coordination store on one file from two connections', () => {
  it('gives a channel’s week to exactly one of two runners, and shows each the other’s post', async () => {
    const one = createSqliteStores(a).coordination;
    const two = createSqliteStores(b).coordination;
    const wins = await Promise.all(
      Array.from({ length: 10 }, (_, i) => (i % 2 ? one : two).claimWeekly(week, `r${i}`, 'x')),
    );
    expect(wins.filter(Boolean)).toHaveLength(1);
    await one.finishWeekly(week, { status: 'posted', messageTs: '9.9' }, 'y');
    expect((await two.getWeeklyClaim(week))?.status).toBe('posted');
    expect((await two.getWeeklyClaim(week))?.messageTs).toBe('9.9');
  });

  it('keeps the change log append-only', async () => {
    const store = createSqliteStores(a).coordination;
    await store.setCoordinationChannel('T1', 'CA', { userId: 'U1', source: '/avance coordinacion', at: 'x' });
    expect(() => a.prepare('DELETE FROM coordination_events').run()).toThrow(/append-only/);
    expect(() => a.prepare("UPDATE coordination_events SET user_id = 'U2'").run()).toThrow(/append-only/);
    expect((await store.coordinationChannel('T1'))?.channelId).toBe('CA');
  });
});
