import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type Db, openDb } from '../../src/adapters/sqlite/db.ts';
import { createSqliteStores } from '../../src/adapters/sqlite/index.ts';
import type { Stores } from '../../src/ports/index.ts';
import type { Actor } from '../../src/ports/steps.ts';
import type { StepState } from '../../src/progress/model.ts';

let dir: string;
let db: Db;
let stores: Stores;
const actor = (userId = 'UANA', source = '/avance'): Actor => ({
  userId,
  source,
  at: '2026-02-01T15:00:00.000Z',
});

beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), 'guia-store-'));
  db = await openDb(join(dir, 'guia.db'));
  stores = createSqliteStores(db);
});
afterEach(() => {
  db.close();
  rmSync(dir, { recursive: true, force: true });
});

const newTracker = () =>
  stores.trackers.createTracker(
    { teamId: 'T1', channelId: 'C1', guideId: 'guia-2017', startDate: '2026-01-15' },
    actor(),
  );

// What every adapter must do is in test/contract/; this file keeps what is SQLite's own.
describe('SQLite progress tables', () => {
  it('keeps the event log append-only', async () => {
    const t = await newTracker();
    expect(() => db.prepare('DELETE FROM progress_events').run()).toThrow(/append-only/);
    expect(() => db.prepare("UPDATE progress_events SET user_id = 'X'").run()).toThrow(/append-only/);
    expect(await stores.steps.events(t.id)).toHaveLength(1);
  });
});

describe('crash safety', () => {
  it('loses nothing committed and shows nothing half-written after kill -9 mid-stream', async () => {
    const file = join(dir, 'crash.db');
    const child = spawn(
      process.execPath,
      ['--import', 'tsx', fileURLToPath(new URL('./write-stream.child.ts', import.meta.url)), file],
      { stdio: ['ignore', 'pipe', 'pipe'] },
    );
    let reported = -1;
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => {
      stderr += d.toString();
    });
    const exited = new Promise<NodeJS.Signals | null>((resolve) =>
      child.on('exit', (_code, signal) => resolve(signal)),
    );
    await new Promise<void>((resolve, reject) => {
      let buffer = '';
      child.stdout.on('data', (d: Buffer) => {
        buffer += d.toString();
        const lines = buffer.split('\n');
        buffer = lines.pop() ?? '';
        for (const line of lines) reported = Number(line);
        if (reported >= 300 && !child.killed) {
          child.kill('SIGKILL');
          resolve();
        }
      });
      child.on('exit', () => reject(new Error(`child exited early: ${stderr}`)));
    });
    expect(await exited).toBe('SIGKILL');

    const reopened = await openDb(file);
    try {
      expect(reopened.pragma('integrity_check', { simple: true })).toBe('ok');
      const s = createSqliteStores(reopened);
      const tracker = await s.trackers.getTracker('T1', 'C1');
      expect(tracker).toBeDefined();
      if (!tracker) return;
      const changes = (await s.steps.events(tracker.id, { afterId: 0 }))
        .filter((e) => e.kind === 'step.owner')
        .map((e) => Number((e.after as StepState).ownerUserId?.slice(1)));
      // Every change reported as committed is there, in order, with no gap. The child may have committed a
      // few more between its last report reaching us and the kill: those must be whole too.
      expect(changes.length).toBeGreaterThanOrEqual(reported + 1);
      expect(changes).toEqual(changes.map((_, i) => i));
      // Each step's row matches its latest event: state and log were written together.
      const states = await s.steps.stepStates(tracker.id, 'guia-2017');
      for (const [stepId, state] of states) {
        const [latest] = await s.steps.events(tracker.id, { stepId, limit: 1 });
        expect(latest?.after).toEqual(state);
      }
    } finally {
      reopened.close();
    }
  });
});
