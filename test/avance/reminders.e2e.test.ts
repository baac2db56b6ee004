/**
 * Reminders by DM end to end: the real HTTP app (signed slash commands and button clicks) on a real SQLite
 * file, the fake Slack Web API, and the daily job's reminder run as the scheduler and `guia post-daily`
 * run it (createDailyDeps), twice at once from two connections.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { openDb } from '../../src/adapters/sqlite/db.ts';
import { createSqliteStores } from '../../src/adapters/sqlite/index.ts';
import type { Stores } from '../../src/ports/index.ts';
import { ACTIONS } from '../../src/render/ids.ts';
import { runDaily } from '../../src/schedule/daily.ts';
import { dailyDepsFor, slashCommand, startAvanceTestApp } from '../helpers/avance-app.ts';
import { postBlockAction } from '../helpers/signed-request.ts';
import type { TestApp } from '../helpers/slack-app.ts';

let t: TestApp;
let second: Stores;

beforeAll(async () => {
  ({ t } = await startAvanceTestApp());
  // A second runner on its own connection to the same file, as a second replica or `guia post-daily`.
  second = createSqliteStores(await openDb(t.dbFile));
});
afterAll(async () => {
  await second.close();
  await t.stop();
});
beforeEach(() => t.fake.reset());

/** Mexico City is UTC-6 all year. */
const at = (local: string) => new Date(`${local}-06:00`);
const avance = (text: string, userId = 'U0001') => slashCommand(t, '/avance', text, userId);
const deps = (stores: Stores, runner: string) => dailyDepsFor(t, stores, runner);

/** Both runners at the same instant; returns the DMs the fake Slack received. */
async function bothRunners(now: Date) {
  const [a, b] = await Promise.all([deps(t.stores, 'replica-1'), deps(second, 'replica-2')]);
  await Promise.all([runDaily(a, now), runDaily(b, now)]);
  return t.fake.callsTo('chat.postMessage').filter((c) => String(c.params.channel).startsWith('D'));
}

describe('reminders by DM', () => {
  it('across a holiday and under two concurrent runners: each reminder once, never on a rest day', async () => {
    // Step 1.1 (30 días naturales) from 17 Oct 2026 is due Mon 16 Nov 2026, a rest day (Revolución).
    await avance('inicio 2026-10-17');
    await avance('asignar 1.1 <@U0002|beto>');

    const before = await bothRunners(at('2026-11-11T08:59:00'));
    expect(before).toHaveLength(0);
    const antes = await bothRunners(at('2026-11-11T09:00:00'));
    expect(antes).toHaveLength(1);
    expect(t.fake.callsTo('conversations.open')[0]?.params.users).toBe('U0002');
    const text = JSON.stringify(antes[0]?.params);
    expect(text).toContain('Paso 1.1');
    expect(text).toContain('vence en 3 días hábiles, el 16 de noviembre de 2026');
    expect(text).toContain('<#C0001>');
    for (const label of ['Marcar como iniciado', 'Completar', 'No recordarme este paso'])
      expect(text).toContain(label);

    t.fake.reset();
    expect(await bothRunners(at('2026-11-11T15:00:00'))).toHaveLength(0); // later the same day: already sent
    t.fake.reset();
    const hoy = await bothRunners(at('2026-11-13T09:05:00'));
    expect(hoy).toHaveLength(1);
    expect(JSON.stringify(hoy[0]?.params)).toContain('día inhábil: hoy es el último día hábil');
    t.fake.reset();
    expect(await bothRunners(at('2026-11-16T09:00:00'))).toHaveLength(0); // the holiday itself
    t.fake.reset();
    const late = await bothRunners(at('2026-11-17T09:00:00'));
    expect(late).toHaveLength(1);
    expect(JSON.stringify(late[0]?.params)).toContain('venció el 16 de noviembre de 2026');
    const claims = t.db
      .prepare('SELECT reminder_key, status FROM progress_reminder_claims ORDER BY reminder_key')
      .all();
    expect(claims).toEqual([
      { reminder_key: 'guia-2017/1.1/antes/2026-11-16', status: 'posted' },
      { reminder_key: 'guia-2017/1.1/hoy/2026-11-16', status: 'posted' },
      { reminder_key: 'guia-2017/1.1/vencido/2026-11-16', status: 'posted' },
    ]);
  });

  it('«Completar» and «No recordarme este paso» in the DM act on the step, and muted steps stay quiet', async () => {
    // 1.2 (70 días naturales) from 2 Jan 2026 is due Fri 13 Mar 2026; 3 working days before: Tue 10 Mar.
    await avance('guia 2017');
    await avance('inicio 2026-01-02');
    await avance('asignar 1.2 <@U0003|carla>');
    await avance('asignar 1.3 <@U0003|carla>'); // 90 días: due 2 Apr 2026
    const dms = await bothRunners(at('2026-03-10T09:00:00'));
    const dm = dms.find((c) => JSON.stringify(c.params).includes('Paso 1.2'));
    expect(dm).toBeDefined();
    const blocks = dm?.params.blocks as Array<{
      type: string;
      elements?: Array<{ action_id: string; value: string }>;
    }>;
    const buttons = blocks.find((b) => b.type === 'actions')?.elements ?? [];
    const click = async (actionId: string) => {
      const button = buttons.find((b) => b.action_id === actionId);
      const url = t.fake.responseUrl();
      const res = await postBlockAction(t.target, {
        action_id: actionId,
        value: button?.value ?? '',
        response_url: url,
        userId: 'U0003',
        channelId: 'DU0003',
      });
      expect(res.status).toBe(200);
      const path = new URL(url).pathname;
      return (await t.fake.waitFor(() => t.fake.responses.find((r) => r.path === path))).body;
    };
    const muted = await click(ACTIONS.avanceMuteReminders);
    expect(JSON.stringify(muted)).toContain('no te recordaré el paso 1.2');
    t.fake.reset();
    expect(await bothRunners(at('2026-03-13T09:00:00'))).toHaveLength(0); // muted: no «hoy»

    const done = await click(ACTIONS.avanceComplete);
    expect(JSON.stringify(done)).toContain('Paso 1.2 completado');
    const again = await click(ACTIONS.avanceComplete);
    expect(JSON.stringify(again)).toContain('ya está completado');
    const events = t.db
      .prepare("SELECT COUNT(*) AS n FROM progress_events WHERE step_id = '1.2' AND kind = 'step.status'")
      .get() as { n: number };
    expect(events.n).toBe(1);

    // Back on for 1.2, but it is completed now: no reminder for it.
    expect(JSON.stringify(await avance('recordatorios 1.2', 'U0003'))).toContain('volverás a recibir');
  });

  it('/avance recordatorios off turns them off for the channel, and a number sets the days ahead', async () => {
    // 2.3 (90 días naturales) from 2 Jan 2026 is due Thu 2 Apr 2026; 1 working day before: Wed 1 Apr.
    await avance('guia 2017');
    await avance('inicio 2026-01-02');
    await avance('asignar 2.3 <@U0004|dora>');
    expect(JSON.stringify(await avance('recordatorios off'))).toContain('apagados');
    expect(await bothRunners(at('2026-04-01T09:00:00'))).toHaveLength(0);
    const on = JSON.stringify(await avance('recordatorios 1'));
    expect(on).toContain('1 día hábil antes del plazo');
    t.fake.reset();
    const dms = (await bothRunners(at('2026-04-01T09:00:00'))).filter((c) => c.params.channel === 'DU0004');
    expect(dms).toHaveLength(1);
    expect(JSON.stringify(dms[0]?.params)).toContain('vence en 1 día hábil');
    expect(JSON.stringify(await avance('recordatorios 99'))).toContain('de 0 a 30');
  });
});
