import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type Db, openDb } from '../../src/adapters/sqlite/db.ts';
import { createSqliteStores } from '../../src/adapters/sqlite/index.ts';
import { dailyClaim } from '../../src/ports/claims.ts';
import { progressPorts, type Stores } from '../../src/ports/index.ts';
import type { Actor } from '../../src/ports/steps.ts';
import type { StepState } from '../../src/progress/model.ts';
import { type DailyDeps, type PostResult, runDaily } from '../../src/schedule/daily.ts';
import { trackerWithDaily } from '../helpers/trackers.ts';
import { makeGuide } from '../progress/steps.ts';

let dir: string;
let file: string;
const dbs: Db[] = [];
let posts: Array<{ channel: string; text: string; blocks: string }>;

const open = async () => {
  const db = await openDb(file);
  dbs.push(db);
  return createSqliteStores(db);
};

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'guia-daily-'));
  file = join(dir, 'guia.db');
  posts = [];
});
afterEach(() => {
  for (const db of dbs.splice(0)) db.close();
  rmSync(dir, { recursive: true, force: true });
});

/** Mexico City is UTC-6 all year (no DST since 2022): 09:00 local = 15:00Z. */
const at = (local: string) => new Date(`${local}-06:00`);
const actor = (iso: string, userId = 'UANA'): Actor => ({ userId, source: '/avance', at: iso });

function deps(store: Stores, runner = 'r1', post?: DailyDeps['post']): DailyDeps {
  return {
    ...progressPorts(store),
    guides: [makeGuide()],
    tz: 'America/Mexico_City',
    runner,
    post:
      post ??
      (async (channel, message) => {
        // A real post takes a while: give a concurrent runner the chance to interleave.
        await new Promise((r) => setTimeout(r, 20));
        posts.push({ channel, text: message.text, blocks: JSON.stringify(message.blocks) });
        return { ok: true, ts: String(posts.length) };
      }),
  };
}

/** A channel with the post at 09:00 Monday to Friday, started on Mon 5 Jan 2026. */
const setup = (store: Stores, quiet: 'linea' | 'nada' = 'linea', channelId = 'C1') =>
  trackerWithDaily(store.trackers, {
    channelId,
    guideId: 'guia-prueba',
    startDate: '2026-01-05',
    daily: { quiet },
    actor: actor('2026-01-05T15:00:00Z'),
  });

describe('daily post', () => {
  it('posts at the channel time with changes, late steps with owners, and progress', async () => {
    const store = await open();
    const t = await setup(store);
    await store.steps.changeStep(
      t.id,
      'guia-prueba',
      '1.2',
      'step.owner',
      actor('2026-01-20T16:00:00Z'),
      (b) => ({
        ok: true,
        next: { ...b, ownerUserId: 'UBETO' },
      }),
    );
    await store.steps.changeStep(
      t.id,
      'guia-prueba',
      '1.1',
      'step.status',
      actor('2026-01-20T16:00:00Z', 'UCARLA'),
      (b) => ({
        ok: true,
        next: { ...b, status: 'completado' },
      }),
    );
    expect(await runDaily(deps(store), at('2026-01-21T08:59:00'))).toMatchObject({ posted: [] });
    expect(posts).toHaveLength(0);
    const looked: string[][] = [];
    const names = async (ids: readonly string[]) => {
      looked.push([...ids]);
      return new Map([['UBETO', 'Beto Ruiz']]);
    };
    await runDaily({ ...deps(store), names }, at('2026-01-21T09:00:00'));
    expect(posts).toHaveLength(1);
    const blocks = posts[0]?.blocks ?? '';
    expect(blocks).toContain('Avance diario · 21 de enero de 2026');
    // One line per changed step, in its final state, naming its owner without pinging anyone.
    expect(blocks).toContain('• `1.1` Paso 1.1 — ✅ completado');
    expect(blocks).toContain(
      '• `1.2` Paso 1.2 — ⚪ pendiente · responsable: *Beto Ruiz* · actividades: 0 de 2',
    );
    expect(looked).toEqual([['UBETO']]);
    expect(blocks).not.toContain('<@UCARLA>');
    expect(blocks).not.toContain('<@UANA>');
    // 1.2 (10 días hábiles from 5 Jan) was due 19 Jan: late, owner mentioned.
    expect(blocks).toContain('venció el 19 de enero de 2026 (hace 2 días) · <@UBETO>');
    expect(posts[0]?.text).toContain('1 de 6 pasos');
    // Settings changes are not news (the event text is "Resumen diario cambiado: …").
    expect(blocks).not.toMatch(/resumen diario/i);
    expect(blocks).not.toContain('Se empezó a llevar el avance');

    // The next day only new changes are told.
    await runDaily(deps(store), at('2026-01-22T09:00:00'));
    expect(posts).toHaveLength(2);
    expect(posts[1]?.blocks).toContain('Avance diario · 22 de enero de 2026');
    expect(posts[1]?.blocks).not.toContain('`1.1` Paso 1.1 — ✅ completado');
  });

  it('mentions the owners of late steps only, not the owners of steps due soon', async () => {
    const store = await open();
    const who = actor('2026-01-20T16:00:00Z');
    const t = await trackerWithDaily(store.trackers, {
      channelId: 'C1',
      guideId: 'guia-prueba',
      startDate: '2025-12-26',
      actor: who,
    });
    const assign = (stepId: string, owner: string) =>
      store.steps.changeStep(t.id, 'guia-prueba', stepId, 'step.owner', who, (b) => ({
        ok: true,
        next: { ...b, ownerUserId: owner },
      }));
    await assign('1.1', 'UBETO'); // 30 días naturales: due 25 Jan, in 4 days
    await assign('1.2', 'UCARLA'); // 10 días hábiles: already late
    await runDaily(deps(store), at('2026-01-21T09:00:00'));
    const blocks = posts[0]?.blocks ?? '';
    expect(blocks).toContain('vence el 25 de enero de 2026 (en 4 días)');
    expect(blocks).not.toContain('<@UBETO>');
    expect(blocks).toContain('<@UCARLA>');
    expect(blocks).toContain('historial');
    // The notification text counts the next 7 days, which may reach into next week.
    expect(posts[0]?.text).toContain('1 en los próximos 7 días');
    expect(posts[0]?.text).not.toContain('esta semana');
  });

  it('posts once per channel per day with two concurrent runners', async () => {
    const a = await open();
    const b = await open();
    await setup(a);
    const now = at('2026-01-21T09:00:00');
    const [ra, rb] = await Promise.all([runDaily(deps(a, 'a'), now), runDaily(deps(b, 'b'), now)]);
    expect(posts).toHaveLength(1);
    expect([...ra.posted, ...rb.posted]).toHaveLength(1);
  });

  it('does not post again after a restart the same day, nor when a runner died mid-post', async () => {
    const store = await open();
    const t = await setup(store);
    await runDaily(deps(store), at('2026-01-21T09:00:00'));
    const restarted = await open();
    await runDaily(deps(restarted, 'r2'), at('2026-01-21T09:01:00'));
    await runDaily(deps(restarted, 'r2'), at('2026-01-21T17:00:00'));
    expect(posts).toHaveLength(1);
    // A claim left by a crashed runner (claimed, never finished) is not taken over.
    await restarted.claims.claim(dailyClaim(t.id, '2026-01-22'), 'crashed', '2026-01-22T15:00:00Z');
    await runDaily(deps(restarted, 'r2'), at('2026-01-22T09:05:00'));
    expect(posts).toHaveLength(1);
  });

  it('retries a post Slack refused, and posts it once', async () => {
    const store = await open();
    await setup(store);
    let calls = 0;
    const flaky: DailyDeps['post'] = async (channel, message): Promise<PostResult> => {
      calls += 1;
      if (calls === 1) return { ok: false, reason: 'ratelimited', removed: false };
      posts.push({ channel, text: message.text, blocks: '' });
      return { ok: true };
    };
    expect((await runDaily(deps(store, 'r', flaky), at('2026-01-21T09:00:00'))).failed).toHaveLength(1);
    expect((await runDaily(deps(store, 'r', flaky), at('2026-01-21T09:01:00'))).posted).toHaveLength(1);
    await runDaily(deps(store, 'r', flaky), at('2026-01-21T09:02:00'));
    expect(posts).toHaveLength(1);
    expect(calls).toBe(2);
  });

  it('catches up a post missed while down on the same day only', async () => {
    const store = await open();
    await setup(store);
    // Down from Tuesday 08:00 to Wednesday 07:00: Tuesday's post is not sent on Wednesday morning.
    await runDaily(deps(store), at('2026-01-22T07:00:00'));
    expect(posts).toHaveLength(0);
    // Back at 14:30 on Wednesday: Wednesday's post goes out at once.
    await runDaily(deps(store), at('2026-01-22T14:30:00'));
    expect(posts).toHaveLength(1);
    expect(posts[0]?.blocks).toContain('22 de enero de 2026');
  });

  it('skips weekends when the days are lun-vie', async () => {
    const store = await open();
    await setup(store);
    await runDaily(deps(store), at('2026-01-24T10:00:00')); // Saturday
    await runDaily(deps(store), at('2026-01-25T10:00:00')); // Sunday
    expect(posts).toHaveLength(0);
    await runDaily(deps(store), at('2026-01-26T10:00:00')); // Monday
    expect(posts).toHaveLength(1);
  });

  it('does not post on official rest days such as Christmas or Revolution Day', async () => {
    const store = await open();
    await setup(store);
    await runDaily(deps(store), at('2026-12-25T10:00:00')); // Friday, LFT art. 74
    await runDaily(deps(store), at('2026-11-16T10:00:00')); // third Monday of November
    expect(posts).toHaveLength(0);
    await runDaily(deps(store), at('2026-12-28T10:00:00')); // the next Monday
    expect(posts).toHaveLength(1);
  });

  it('on a quiet day posts one short line, or nothing when the channel asked for that', async () => {
    const store = await open();
    const t = await setup(store, 'linea');
    // Everything done but 3.1 (no due date) and 2.2/2.1/4.1 completed: nothing late, nothing due.
    for (const id of ['1.1', '1.2', '2.1', '2.2', '4.1']) {
      await store.steps.changeStep(
        t.id,
        'guia-prueba',
        id,
        'step.status',
        actor('2026-01-06T15:00:00Z'),
        (b) => ({
          ok: true,
          next: { ...b, status: 'completado' },
        }),
      );
    }
    await runDaily(deps(store), at('2026-01-07T09:00:00')); // tells the changes
    await runDaily(deps(store), at('2026-01-08T09:00:00')); // quiet
    expect(posts).toHaveLength(2);
    expect(posts[1]?.text).toBe('Sin novedades hoy · 83 % · 5 de 6 pasos completados');

    const other = await setup(store, 'nada', 'C2');
    const run = await runDaily(deps(store), at('2026-01-09T09:00:00'));
    expect(run.quiet).toContain(other.id);
    expect(posts.filter((p) => p.channel === 'C2')).toHaveLength(0);
  });

  it('marks a channel the bot was removed from and skips it afterwards', async () => {
    const store = await open();
    const t = await setup(store);
    let calls = 0;
    const gone: DailyDeps['post'] = async () => {
      calls += 1;
      return { ok: false, reason: 'not_in_channel', removed: true };
    };
    expect((await runDaily(deps(store, 'r', gone), at('2026-01-21T09:00:00'))).removed).toEqual([t.id]);
    expect((await store.trackers.getTrackerById(t.id))?.removedAt).toBeDefined();
    await runDaily(deps(store, 'r', gone), at('2026-01-22T09:00:00'));
    expect(calls).toBe(1);
  });
});

describe('daily post: a step changed many times', () => {
  it('is one line with its final state, and an owner whose name is unknown is not pinged', async () => {
    const store = await open();
    const t = await setup(store);
    for (const owner of ['U1', 'U2', 'U3', 'U4', 'U5', 'U6', 'U7', 'U8', 'U9', 'U10', 'U11', 'UZ']) {
      await store.steps.changeStep(
        t.id,
        'guia-prueba',
        '2.1',
        'step.owner',
        actor('2026-01-20T16:00:00Z'),
        (b: StepState) => ({
          ok: true,
          next: { ...b, ownerUserId: owner },
        }),
      );
    }
    await runDaily({ ...deps(store), names: async () => new Map() }, at('2026-01-21T09:00:00'));
    const blocks = posts[0]?.blocks ?? '';
    expect(blocks.match(/`2\.1`/g)).toHaveLength(1);
    expect(blocks).toContain('responsable: asignado');
    expect(blocks).not.toMatch(/<@U(?:\d+|Z)>/);
  });

  it('a failing name look-up never holds up the post', async () => {
    const store = await open();
    const t = await setup(store);
    await store.steps.changeStep(
      t.id,
      'guia-prueba',
      '2.1',
      'step.owner',
      actor('2026-01-20T16:00:00Z'),
      (b: StepState) => ({
        ok: true,
        next: { ...b, ownerUserId: 'UBETO' },
      }),
    );
    const names = async () => {
      throw new Error('users.info: missing_scope');
    };
    const run = await runDaily({ ...deps(store), names }, at('2026-01-21T09:00:00'));
    expect(run.posted).toEqual([t.id]);
    expect(posts[0]?.blocks).toContain('responsable: asignado');
  });
});
