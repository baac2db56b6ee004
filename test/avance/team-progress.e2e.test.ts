/**
 * Issue 10's points through the real HTTP app (signed requests) and the fake Slack: buttons that say what
 * they do, text subcommands, block reasons, editions, wording and the daily post's names.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { ACTIONS } from '../../src/render/ids.ts';
import { runDaily } from '../../src/schedule/daily.ts';
import { dailyDepsFor, slashCommand, startAvanceTestApp } from '../helpers/avance-app.ts';
import { eventEnvelope, postBlockAction, postEvent } from '../helpers/signed-request.ts';
import type { TestApp } from '../helpers/slack-app.ts';

let t: TestApp;
beforeAll(async () => {
  ({ t } = await startAvanceTestApp());
});
afterAll(async () => {
  await t.stop();
});
beforeEach(() => t.fake.reset());

const avance = async (text: string, userId = 'U0001') => {
  const body = await slashCommand(t, '/avance', text, userId);
  return { body, json: JSON.stringify(body) };
};
const count = (sql: string) => (t.db.prepare(sql).get() as { n: number }).n;

async function click(button: { action_id: string; value: string }, userId = 'U0002') {
  const url = t.fake.responseUrl();
  const res = await postBlockAction(t.target, { ...button, response_url: url, userId });
  expect(res.status).toBe(200);
  const path = new URL(url).pathname;
  return (await t.fake.waitFor(() => t.fake.responses.find((r) => r.path === path))).body;
}

const accessories = (body: Record<string, unknown>) =>
  (
    body.blocks as Array<{ accessory?: { action_id: string; value: string; text: { text: string } } }>
  ).flatMap((b) => (b.accessory ? [b.accessory] : []));

describe('issue 10 through the Slack app', () => {
  it('1. «Hecho» clicked twice marks once, logs one event, and the card shows the state', async () => {
    const card = (await avance('2.2')).body;
    const hecho = accessories(card)[0];
    expect(hecho?.text.text).toBe('Hecho');
    const button = { action_id: hecho?.action_id ?? '', value: hecho?.value ?? '' };
    const first = await click(button);
    const second = await click(button);
    expect(JSON.stringify(first)).toContain('☑️');
    expect(JSON.stringify(second)).toContain('ya estaba marcada');
    expect(accessories(second)[0]?.text.text).toBe('Desmarcar');
    expect(
      count("SELECT COUNT(*) AS n FROM progress_events WHERE kind = 'step.activity' AND step_id = '2.2'"),
    ).toBe(1);
    const undo = accessories(first)[0];
    await click({ action_id: undo?.action_id ?? '', value: undo?.value ?? '' });
    await click({ action_id: undo?.action_id ?? '', value: undo?.value ?? '' });
    expect(
      count("SELECT COUNT(*) AS n FROM progress_events WHERE kind = 'step.activity' AND step_id = '2.2'"),
    ).toBe(2);
  });

  it('1. «Completar» clicked twice completes once', async () => {
    const card = (await avance('2.4')).body;
    const row = (
      card.blocks as Array<{ type: string; elements?: Array<{ action_id: string; value: string }> }>
    ).find((b) => b.type === 'actions');
    const complete = row?.elements?.find((e) => e.action_id === ACTIONS.avanceComplete);
    const button = { action_id: ACTIONS.avanceComplete, value: complete?.value ?? '' };
    expect(JSON.stringify(await click(button))).toContain('Paso 2.4 completado');
    expect(JSON.stringify(await click(button, 'U0003'))).toContain('El paso 2.4 ya está completado');
    expect(
      count("SELECT COUNT(*) AS n FROM progress_events WHERE kind = 'step.status' AND step_id = '2.4'"),
    ).toBe(1);
  });

  it('3. /avance hecho and desmarcar work for Slack users who prefer typing', async () => {
    expect((await avance('hecho 1.1 1')).json).toContain('Marqué la actividad 1 del paso 1.1');
    expect((await avance('hecho 1.1 1')).json).toContain('ya estaba marcada');
    expect((await avance('desmarcar 1.1 1')).json).toContain('Desmarqué la actividad 1 del paso 1.1');
  });

  it('4. bloquear on a blocked step updates the reason, keeping a mention as a mention', async () => {
    await avance('bloquear 3.1 falta el oficio');
    const updated = await avance('bloquear 3.1 esperando el oficio de <@U0003|carla>');
    expect(updated.json).toContain('Motivo del bloqueo del paso 3.1 actualizado');
    expect(updated.json).toContain('esperando el oficio de <@U0003>');
    expect(updated.json).not.toMatch(/&amp;lt;|&lt;@U0003/);
    expect(
      count("SELECT COUNT(*) AS n FROM progress_events WHERE kind = 'step.status' AND step_id = '3.1'"),
    ).toBe(2);
  });

  it('8. the daily post is one line per step in its final state, naming people without pinging them', async () => {
    t.fake.respondWith('users.info', { user: { id: 'U0002', profile: { display_name: 'Beto' } } });
    await avance('diario 09:00');
    for (const owner of ['U0005', 'U0006', 'U0002']) await avance(`asignar 4.2 <@${owner}|x>`);
    t.fake.reset();
    t.fake.respondWith('users.info', { user: { id: 'U0002', profile: { display_name: 'Beto' } } });
    const deps = await dailyDepsFor(t);
    await runDaily(deps, new Date('2026-02-11T15:00:00Z'));
    const post = t.fake.callsTo('chat.postMessage').find((c) => c.params.channel === 'C0001');
    const blocks = JSON.stringify(post?.params.blocks);
    expect(blocks.match(/`4\.2`/g)).toHaveLength(1);
    expect(blocks).toContain('responsable: *Beto*');
    expect(blocks).not.toMatch(/<@U000[2-6]>/);
    expect(t.fake.callsTo('users.info').map((c) => c.params.user)).toContain('U0002');
  });

  it('5 and 7. /avance guia 2015 names the edition as /guia lista 2015 does, and says what it has', async () => {
    const switched = await avance('guia 2015');
    expect(switched.json).toContain('`guia-2015`');
    expect(switched.json).toContain('solo está publicado el paso 4.1');
    const overview = await avance('');
    expect(overview.json).toContain('0 de 1 paso completado');
    expect(overview.json).toContain('usa `/avance guia 2017`');
    expect((await avance('guia 2017')).json).toContain('`guia-2017`');
  });

  it('9. «Tus pasos asignados» on the Home tab is sorted by urgency, not by channel or step', async () => {
    await avance('guia 2017');
    for (const step of ['1.3', '1.1', '4.3']) await avance(`asignar ${step} <@U0008|eva>`);
    await postEvent(
      t.target,
      eventEnvelope({
        type: 'app_home_opened',
        user: 'U0008',
        channel: 'D0008',
        tab: 'home',
        event_ts: '1.1',
      }),
    );
    const publish = await t.fake.waitFor(() => t.fake.callsTo('views.publish')[0]);
    const view = JSON.stringify(publish.params.view);
    // From 10 Feb 2026: 1.1 due in 30 days, 4.3 reviewed in 2 months, 1.3 due in 90 days.
    const order = ['*Paso 1.1*', '*Paso 4.3*', '*Paso 1.3*'].map((s) => view.indexOf(s));
    expect(order.every((i) => i >= 0)).toBe(true);
    expect(order).toEqual([...order].sort((a, b) => a - b));
  });
});
