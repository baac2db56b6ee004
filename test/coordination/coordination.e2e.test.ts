/**
 * The coordinator's view end to end: signed slash commands through the real HTTP app on a real SQLite file,
 * against the fake Slack Web API (uploads included), and the weekly job run by two runners on the same file.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { openDb } from '../../src/adapters/sqlite/db.ts';
import { createSqliteStores } from '../../src/adapters/sqlite/index.ts';
import { createWeeklyDeps } from '../../src/app/wire.ts';
import { ACTIONS } from '../../src/render/ids.ts';
import { runWeekly } from '../../src/schedule/weekly.ts';
import { startAvanceTestApp } from '../helpers/avance-app.ts';
import { uploadedFile } from '../helpers/fake-slack.ts';
import { decodePng } from '../helpers/png.ts';
import { postBlockAction, postCommand } from '../helpers/signed-request.ts';
import type { TestApp } from '../helpers/slack-app.ts';

let t: TestApp;
// The app's clock: Tuesday 10 February 2026, 10:00 in Mexico City.
const NOW = new Date('2026-02-10T16:00:00Z');

beforeAll(async () => {
  ({ t } = await startAvanceTestApp({ uploads: true }));
});
afterAll(async () => {
  await t.stop();
});
beforeEach(() => {
  t.fake.reset();
});

/** `/avance <text>` in `channel`, signed as Slack sends it; what the bot answered on the response_url. */
async function avance(channel: string, text: string, userId = 'U0001') {
  const url = t.fake.responseUrl();
  const res = await postCommand(t.target, {
    command: '/avance',
    text,
    response_url: url,
    channel_id: channel,
    user_id: userId,
  });
  expect(res.status).toBe(200);
  const path = new URL(url).pathname;
  const body = (await t.fake.waitFor(() => t.fake.responses.find((r) => r.path === path))).body;
  return { body, json: JSON.stringify(body) };
}

const uploadedText = () => uploadedFile(t.fake.uploads.at(-1)).toString('utf8');

describe('the coordinator’s view through the Slack app', () => {
  it('shows three institutions’ channels sorted by risk, only in the coordination channel', async () => {
    // Late since September (🔴), one step due tomorrow (🟡), just started (🟢).
    await avance('CECON', 'institucion Secretaría de Economía');
    await avance('CECON', 'inicio 2025-09-01');
    await avance('CECON', 'asignar 1.1 <@U0009|eva>');
    await avance('CAGUA', 'institucion Comisión Nacional del Agua');
    await avance('CAGUA', 'inicio 2026-01-12');
    await avance('CTUR', 'institucion Secretaría de Turismo');
    await avance('CTUR', 'completar 1.1');

    const set = await avance('CCOORD', 'coordinacion', 'U0100');
    expect(set.json).toContain('Este es ahora el canal de coordinación');
    expect(set.body.response_type).toBe('ephemeral');
    const order = ['Secretaría de Economía', 'Comisión Nacional del Agua', 'Secretaría de Turismo'].map((n) =>
      set.json.indexOf(n),
    );
    expect(order.every((i) => i > 0)).toBe(true);
    expect([...order].sort((a, b) => a - b)).toEqual(order);
    expect(set.json).toMatch(/🔴 \*Secretaría de Economía\* · <#CECON>/);
    expect(set.json).toMatch(/🟡 \*Comisión Nacional del Agua\* · <#CAGUA>/);
    expect(set.json).toMatch(/🟢 \*Secretaría de Turismo\* · <#CTUR>/);
    expect(set.json).toContain('3 canales');
    // The overview names no one: owners are other channels' people.
    expect(set.json).not.toContain('<@U0009>');

    const again = await avance('CCOORD', 'coordinacion');
    expect(again.json).toContain('Coordinación · avance de todas las instituciones');

    const refused = await avance('CECON', 'coordinacion');
    expect(refused.json).toContain('Solo el canal de coordinación (<#CCOORD>)');
    expect(refused.json).not.toContain('Comisión Nacional del Agua');
    expect((await avance('CAGUA', 'coordinacion exportar')).json).toContain('Solo el canal de coordinación');
    expect(t.fake.uploads).toHaveLength(0);
  });

  it('exports one CSV with every tracker × step', async () => {
    const res = await avance('CCOORD', 'coordinacion exportar', 'U0100');
    expect(res.json).toContain('3 canales, 42 pasos');
    expect(t.fake.callsTo('files.completeUploadExternal')).toHaveLength(1);
    const lines = uploadedText().trimEnd().split('\r\n');
    expect(lines).toHaveLength(1 + 3 * 14);
    expect(lines[0]).toContain('institucion,canal,guia,paso');
    expect(lines[1]).toMatch(/^Secretaría de Economía,CECON,guia-2017,1\.1,.*,U0009,/);
    expect(lines.filter((l) => l.startsWith('Secretaría de Turismo,CTUR,')).length).toBe(14);
  });

  it('pages with «Ver más» only in the coordination channel', async () => {
    const url = t.fake.responseUrl();
    await postBlockAction(t.target, {
      action_id: ACTIONS.coordinationMore,
      value: '{"p":1}',
      response_url: url,
      channelId: 'CECON',
    });
    const path = new URL(url).pathname;
    const refused = await t.fake.waitFor(() => t.fake.responses.find((r) => r.path === path));
    expect(JSON.stringify(refused.body)).toContain('Solo el canal de coordinación');
    expect(JSON.stringify(refused.body)).not.toContain('Comisión Nacional del Agua');
    const url2 = t.fake.responseUrl();
    await postBlockAction(t.target, {
      action_id: ACTIONS.coordinationMore,
      value: '{"p":1}',
      response_url: url2,
      channelId: 'CCOORD',
    });
    const page = await t.fake.waitFor(() => t.fake.responses.find((r) => r.path === new URL(url2).pathname));
    expect(page.body.replace_original).toBe(true);
    expect(JSON.stringify(page.body)).toContain('Comisión Nacional del Agua');
  });

  it('posts the weekly report with its chart exactly once under two runners', async () => {
    expect((await avance('CCOORD', 'semanal mar 09:00', 'U0100')).json).toContain('los martes a las 09:00');
    const config = {
      guides: t.app.guides,
      tz: 'America/Mexico_City',
      token: 'xoxb-test-token',
      apiUrl: t.fake.apiUrl,
    };
    // A second process on the same file: its own connection and stores.
    const otherDb = await openDb(t.dbFile);
    try {
      const [a, b] = await Promise.all([
        createWeeklyDeps({ ...config, stores: t.stores, runner: 'runner-a' }),
        createWeeklyDeps({ ...config, stores: createSqliteStores(otherDb), runner: 'runner-b' }),
      ]);
      const runs = await Promise.all([runWeekly(a, NOW), runWeekly(b, NOW), runWeekly(b, NOW)]);
      expect(runs.flatMap((r) => r.posted)).toEqual(['CCOORD']);
      expect(runs.flatMap((r) => r.failures)).toEqual([]);
      // A restart later the same day: already posted.
      expect((await runWeekly(b, new Date('2026-02-10T23:00:00Z'))).posted).toEqual([]);
    } finally {
      otherDb.close();
    }
    const posts = t.fake.callsTo('chat.postMessage').filter((c) => c.params.channel === 'CCOORD');
    expect(posts).toHaveLength(1);
    const post = JSON.stringify(posts[0]?.params);
    expect(post).toContain('Informe semanal de coordinación');
    expect(post).toContain('Quién va tarde');
    expect(post).not.toMatch(/<@U/);
    // One PNG uploaded into the same channel, with its alt text.
    const completes = t.fake.callsTo('files.completeUploadExternal');
    expect(completes).toHaveLength(1);
    expect(JSON.stringify(completes[0]?.params)).toContain('CCOORD');
    const urls = t.fake.callsTo('files.getUploadURLExternal');
    expect(String(urls[0]?.params.filename)).toMatch(/^avance-coordinacion-2026-02-10\.png$/);
    expect(String(urls[0]?.params.alt_text)).toContain('Mapa de calor del avance por institución y fase');
    const png = decodePng(uploadedFile(t.fake.uploads[0]));
    expect(png.width).toBeGreaterThan(600);
    expect(png.height).toBeGreaterThan(200);
    const claims = t.db.prepare('SELECT status, claimed_by, week FROM coordination_weekly_claims').all();
    expect(claims).toEqual([
      { status: 'posted', claimed_by: expect.stringMatching(/^runner-[ab]$/), week: '2026-02-09' },
    ]);
  });

  it('moves the coordination channel, saying where it was and logging who moved it', async () => {
    const moved = await avance('CNUEVO', 'coordinacion mover', 'U0200');
    expect(moved.json).toContain('La coordinación pasó de <#CCOORD> a este canal');
    expect(moved.json).toContain('informe semanal (los martes a las 09:00) se publica ahora aquí');
    expect((await avance('CCOORD', 'coordinacion')).json).toContain(
      'Solo el canal de coordinación (<#CNUEVO>)',
    );
    const events = t.db
      .prepare(
        "SELECT user_id, before_json, after_json FROM coordination_events WHERE kind = 'coordination.channel' ORDER BY id",
      )
      .all();
    expect(events).toEqual([
      { user_id: 'U0100', before_json: 'null', after_json: '"CCOORD"' },
      { user_id: 'U0200', before_json: '"CCOORD"', after_json: '"CNUEVO"' },
    ]);
    // A team channel cannot become the coordination channel.
    expect((await avance('CECON', 'coordinacion mover')).json).toContain('un equipo no ve el de los demás');
  });
});
