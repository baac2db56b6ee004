import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { StepState } from '../../src/progress/model.ts';
import type { Actor } from '../../src/progress/store.ts';
import { type Db, openDb } from '../../src/store/db.ts';
import { MAX_DAILY_ATTEMPTS, SqliteProgressStore } from '../../src/store/progress-store.ts';

let dir: string;
let db: Db;
let store: SqliteProgressStore;
const actor = (userId = 'UANA', source = '/avance'): Actor => ({
  userId,
  source,
  at: '2026-02-01T15:00:00.000Z',
});

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'guia-store-'));
  db = openDb(join(dir, 'guia.db'));
  store = new SqliteProgressStore(db);
});
afterEach(() => {
  db.close();
  rmSync(dir, { recursive: true, force: true });
});

const newTracker = () =>
  store.createTracker(
    { teamId: 'T1', channelId: 'C1', guideId: 'guia-2017', startDate: '2026-01-15' },
    actor(),
  );

describe('progress store', () => {
  it('creates one tracker per channel, with defaults and a creation event', () => {
    const t = newTracker();
    expect(t).toMatchObject({
      teamId: 'T1',
      channelId: 'C1',
      guideId: 'guia-2017',
      startDate: '2026-01-15',
      daily: { enabled: false, time: '09:00', days: [1, 2, 3, 4, 5], quiet: 'linea' },
      lastPostEventId: 0,
    });
    expect(newTracker().id).toBe(t.id);
    expect(store.events(t.id).map((e) => e.kind)).toEqual(['tracker.created']);
  });

  it('writes each step change with an event holding before and after', () => {
    const t = newTracker();
    const result = store.changeStep(
      t.id,
      'guia-2017',
      '1.2',
      'step.status',
      actor('UBETO', '/avance iniciar'),
      (b) => ({
        ok: true,
        next: { ...b, status: 'en_curso', startedAt: '2026-02-01T15:00:00.000Z' },
      }),
    );
    expect(result.ok).toBe(true);
    expect(store.stepStates(t.id, 'guia-2017').get('1.2')).toEqual({
      stepId: '1.2',
      status: 'en_curso',
      startedAt: '2026-02-01T15:00:00.000Z',
      checkedActivities: [],
    });
    const [event] = store.events(t.id, { stepId: '1.2' });
    expect(event).toMatchObject({
      userId: 'UBETO',
      source: '/avance iniciar',
      kind: 'step.status',
      stepId: '1.2',
      before: { status: 'pendiente' },
      after: { status: 'en_curso' },
    });
  });

  it('changes nothing and logs nothing when the change is refused', () => {
    const t = newTracker();
    const result = store.changeStep(t.id, 'guia-2017', '1.2', 'step.status', actor(), () => ({
      ok: false,
      message: 'no',
    }));
    expect(result).toEqual({ ok: false, message: 'no' });
    expect(store.stepStates(t.id, 'guia-2017').size).toBe(0);
    expect(store.events(t.id)).toHaveLength(1);
  });

  it('keeps the event log append-only', () => {
    const t = newTracker();
    expect(() => db.prepare('DELETE FROM progress_events').run()).toThrow(/append-only/);
    expect(() => db.prepare("UPDATE progress_events SET user_id = 'X'").run()).toThrow(/append-only/);
    expect(store.events(t.id)).toHaveLength(1);
  });

  it('lists history newest first, and after a watermark oldest first', () => {
    const t = newTracker();
    for (const id of ['1.1', '1.2', '1.3']) {
      store.changeStep(t.id, 'guia-2017', id, 'step.status', actor(), (b) => ({
        ok: true,
        next: { ...b, status: 'completado' },
      }));
    }
    expect(store.events(t.id).map((e) => e.stepId ?? '-')).toEqual(['1.3', '1.2', '1.1', '-']);
    const first = store.events(t.id, { afterId: 0 })[1]?.id ?? 0;
    expect(store.events(t.id, { afterId: first }).map((e) => e.stepId)).toEqual(['1.2', '1.3']);
    expect(store.lastEventId(t.id)).toBeGreaterThan(first);
    const last = store.lastEventId(t.id);
    expect(store.events(t.id, { afterId: 0, upToId: last - 1 }).map((e) => e.stepId ?? '-')).toEqual([
      '-',
      '1.1',
      '1.2',
    ]);
    expect(store.events(t.id, { afterId: 0, kinds: ['tracker.created'] }).map((e) => e.kind)).toEqual([
      'tracker.created',
    ]);
    expect(store.events(t.id, { kinds: [] })).toEqual([]);
  });

  it('updates settings with an event and finds the steps a user owns', () => {
    const t = newTracker();
    expect(store.listTrackers({ dailyEnabled: true })).toEqual([]);
    const after = store.updateTracker(
      t.id,
      { daily: { enabled: true, time: '08:30', days: [1, 3, 5], quiet: 'nada' } },
      'tracker.daily',
      actor(),
    );
    expect(after.daily).toEqual({ enabled: true, time: '08:30', days: [1, 3, 5], quiet: 'nada' });
    expect(store.listTrackers({ dailyEnabled: true })).toEqual([after]);
    expect(store.events(t.id)[0]).toMatchObject({
      kind: 'tracker.daily',
      before: { daily: { enabled: false } },
    });
    store.changeStep(t.id, 'guia-2017', '2.1', 'step.owner', actor(), (b) => ({
      ok: true,
      next: { ...b, ownerUserId: 'UANA' },
    }));
    expect(store.ownedSteps('T1', 'UANA').map((o) => o.state.stepId)).toEqual(['2.1']);
    expect(store.ownedSteps('T2', 'UANA')).toEqual([]);
    store.updateTracker(t.id, { removedAt: '2026-02-02T00:00:00Z' }, 'tracker.removed', actor());
    expect(store.listTrackers()).toEqual([]);
    expect(store.ownedSteps('T1', 'UANA')).toEqual([]);
  });
});

describe('daily claims', () => {
  it('gives each channel-day to one runner only', () => {
    const t = newTracker();
    expect(store.claimDaily(t.id, '2026-02-02', 'a', 'x')).toBe(true);
    expect(store.claimDaily(t.id, '2026-02-02', 'b', 'x')).toBe(false);
    expect(store.claimDaily(t.id, '2026-02-03', 'b', 'x')).toBe(true);
  });

  it('lets a failed post be retried a few times, never a posted one', () => {
    const t = newTracker();
    expect(store.claimDaily(t.id, '2026-02-02', 'a', 'x')).toBe(true);
    for (let i = 1; i < MAX_DAILY_ATTEMPTS; i += 1) {
      store.finishDaily(t.id, '2026-02-02', { status: 'failed', error: 'ratelimited' }, 'x');
      expect(store.claimDaily(t.id, '2026-02-02', 'b', 'x')).toBe(true);
    }
    store.finishDaily(t.id, '2026-02-02', { status: 'failed', error: 'ratelimited' }, 'x');
    expect(store.claimDaily(t.id, '2026-02-02', 'c', 'x')).toBe(false);
    expect(store.getClaim(t.id, '2026-02-02')).toMatchObject({
      status: 'failed',
      attempts: MAX_DAILY_ATTEMPTS,
    });

    expect(store.claimDaily(t.id, '2026-02-03', 'a', 'x')).toBe(true);
    store.finishDaily(t.id, '2026-02-03', { status: 'posted', watermark: 7 }, 'x');
    expect(store.claimDaily(t.id, '2026-02-03', 'b', 'x')).toBe(false);
    expect(store.getTrackerById(t.id)?.lastPostEventId).toBe(7);
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

    const reopened = openDb(file);
    try {
      expect(reopened.pragma('integrity_check', { simple: true })).toBe('ok');
      const s = new SqliteProgressStore(reopened);
      const tracker = s.getTracker('T1', 'C1');
      expect(tracker).toBeDefined();
      if (!tracker) return;
      const changes = s
        .events(tracker.id, { afterId: 0 })
        .filter((e) => e.kind === 'step.owner')
        .map((e) => Number((e.after as StepState).ownerUserId?.slice(1)));
      // Every change reported as committed is there, in order, with no gap. The child may have committed a
      // few more between its last report reaching us and the kill: those must be whole too.
      expect(changes.length).toBeGreaterThanOrEqual(reported + 1);
      expect(changes).toEqual(changes.map((_, i) => i));
      // Each step's row matches its latest event: state and log were written together.
      const states = s.stepStates(tracker.id, 'guia-2017');
      for (const [stepId, state] of states) {
        const [latest] = s.events(tracker.id, { stepId, limit: 1 });
        expect(latest?.after).toEqual(state);
      }
    } finally {
      reopened.close();
    }
  });
});
