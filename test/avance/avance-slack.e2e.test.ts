import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { ACTIONS } from '../../src/render/ids.ts';
import { slashCommand, startAvanceTestApp } from '../helpers/avance-app.ts';
import { dumpTables } from '../helpers/payload-checks.ts';
import { eventEnvelope, postBlockAction, postEvent } from '../helpers/signed-request.ts';
import type { TestApp } from '../helpers/slack-app.ts';

let t: TestApp;

beforeAll(async () => {
  ({ t } = await startAvanceTestApp({ uploads: true }));
});
afterAll(async () => {
  await t.stop();
});
beforeEach(() => {
  t.fake.reset();
});

/** Sends `/avance <text>` signed, as Slack does, and returns what the bot sent to the response_url. */
async function avanceCommand(text: string, userId = 'U0001') {
  const body = await slashCommand(t, '/avance', text, userId);
  return { body, json: JSON.stringify(body) };
}

const tableRows = () => dumpTables(t.db);

describe('/avance through the Slack app', () => {
  it('sets the start date, assigns and completes steps, and shows the overview privately', async () => {
    expect((await avanceCommand('inicio 2026-01-15')).json).toContain('15 de enero de 2026');
    expect((await avanceCommand('asignar 1.2 <@U0002|beto>')).json).toContain('<@U0002> es responsable');
    const done = await avanceCommand('completar 1.1');
    expect(done.body.response_type).toBe('ephemeral');
    expect(done.json).toContain('Paso 1.1 completado');
    const overview = await avanceCommand('');
    expect(overview.json).toContain('1 de 14 pasos completados');
    expect(overview.json).toContain('<@U0002>: `1.2`');
    const state = t.db
      .prepare("SELECT status FROM progress_steps WHERE step_id = '1.1' AND guide_id = 'guia-2017'")
      .get() as { status: string };
    expect(state.status).toBe('completado');
    const history = await avanceCommand('historial');
    // Newest first: the completion is listed before the assignment.
    expect(history.json).toMatch(/Tú completaste.*Tú asignaste/s);
  });

  it('answers wrong input with the syntax and leaves the database as it was', async () => {
    await avanceCommand('');
    const before = tableRows();
    expect((await avanceCommand('inicio 2026-02-30')).json).toContain('no es una fecha válida');
    expect((await avanceCommand('asignar 1.2 beto')).json).toContain('Menciona a la persona');
    expect((await avanceCommand('completar 9.1')).json).toContain('No hay un paso 9.1');
    expect((await avanceCommand('volar')).json).toContain('No conozco');
    expect(tableRows()).toEqual(before);
  });

  it('uploads the CSV with files.uploadV2, and falls back to a code block when Slack refuses', async () => {
    const ok = await avanceCommand('exportar');
    expect(ok.json).toContain('Subí `avance-guia-2017-2026-02-10.csv`');
    expect(t.fake.callsTo('files.getUploadURLExternal')).toHaveLength(1);
    expect(t.fake.callsTo('files.completeUploadExternal')[0]?.params.channel_id).toBe('C0001');
    expect(t.fake.uploads).toHaveLength(1);

    t.fake.fail('files.getUploadURLExternal', { error: 'not_in_channel' });
    const fallback = await avanceCommand('exportar');
    expect(fallback.json).toContain('No pude subir el archivo');
    expect(fallback.json).toContain('paso,titulo,fase,estado');
  });

  it('checks an activity off with the button on the step card, replacing the card', async () => {
    const card = await avanceCommand('2.2');
    const blocks = card.body.blocks as Array<{ accessory?: { action_id: string; value: string } }>;
    const button = blocks.find(
      (b) => b.accessory?.action_id === `${ACTIONS.avanceCheckActivity}_0`,
    )?.accessory;
    expect(button).toBeDefined();
    const url = t.fake.responseUrl();
    await postBlockAction(t.target, {
      action_id: button?.action_id ?? '',
      value: button?.value ?? '',
      response_url: url,
      userId: 'U0003',
    });
    const path = new URL(url).pathname;
    const replaced = await t.fake.waitFor(() => t.fake.responses.find((r) => r.path === path));
    expect(replaced.body.replace_original).toBe(true);
    expect(JSON.stringify(replaced.body.blocks)).toContain('☑️');
    expect((await avanceCommand('historial 2.2')).json).toContain('<@U0003> marcó la actividad 1');
  });

  it('adds the channel due date, status and owner to a deadline answer', async () => {
    await avanceCommand('inicio 2026-01-15');
    await avanceCommand('asignar 1.2 <@U0002|beto>');
    await postEvent(
      t.target,
      eventEnvelope({
        type: 'app_mention',
        user: 'U0001',
        text: '<@UBOT> ¿cuál es el plazo del paso 1.2?',
        ts: '1700000500.000100',
        channel: 'C0001',
        event_ts: '1700000500.000100',
      }),
    );
    const post = await t.fake.waitFor(() => t.fake.callsTo('chat.postMessage')[0]);
    const text = JSON.stringify(post.params);
    // 1.2: 70 días naturales from 15 Jan 2026 → 26 March 2026.
    expect(text).toContain('_En este canal:_ vence el 26 de marzo de 2026 (en 44 días)');
    expect(text).not.toContain('para este canal');
    expect(text).toContain('responsable: <@U0002>');
  });

  it('shows the user their assigned steps and the channels they take part in on the Home tab', async () => {
    await avanceCommand('asignar 1.2 <@U0002|beto>');
    await postEvent(
      t.target,
      eventEnvelope({
        type: 'app_home_opened',
        user: 'U0002',
        channel: 'D0002',
        tab: 'home',
        event_ts: '1.1',
      }),
    );
    const publish = await t.fake.waitFor(() => t.fake.callsTo('views.publish')[0]);
    const view = JSON.stringify(publish.params.view);
    expect(view).toContain('Tus pasos asignados');
    expect(view).toContain('*Paso 1.2*');
    expect(view).toContain(ACTIONS.avanceComplete);
    expect(view).toContain('Avance por canal');
    expect(view).toContain('<#C0001>');
  });
});
