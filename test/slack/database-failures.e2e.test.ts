/**
 * Issue 9, item 4: a failing database must not silence the bot, and a replica whose database is gone must
 * say so on /healthz and /readyz and stop confirming changes it cannot keep.
 */
import { rmSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { eventEnvelope, postCommand, postEvent } from '../helpers/signed-request.ts';
import { startTestApp, type TestApp } from '../helpers/slack-app.ts';

let t: TestApp | undefined;
afterEach(async () => {
  await t?.stop();
  t = undefined;
});

const mention = (text: string) => ({
  type: 'app_mention',
  user: 'U0001',
  text: `<@UBOT> ${text}`,
  ts: '1700000100.000100',
  channel: 'C0001',
  event_ts: '1700000100.000100',
});

describe('when the database fails', () => {
  it('still answers a mention whose event id cannot be recorded, and logs it', async () => {
    t = await startTestApp();
    const app = t;
    app.stores.dedupe.claim = async () => {
      throw Object.assign(new Error('database or disk is full'), { code: 'SQLITE_FULL' });
    };
    const res = await postEvent(app.target, eventEnvelope(mention('¿quién participa en el paso 1.1?')));
    expect(res.status).toBe(200);
    const reply = await app.fake.waitFor(() => app.fake.callsTo('chat.postMessage')[0]);
    expect(JSON.stringify(reply.params)).toContain('1.1');
    expect(app.logs.some((l) => l.msg === 'could not record the event id; answering anyway')).toBe(true);
  });

  it('/healthz and /readyz say the database is gone once its file is deleted, and changes are not confirmed', async () => {
    t = await startTestApp({ avance: { now: () => new Date('2026-02-10T16:00:00Z') } });
    const app = t;
    for (const path of ['/healthz', '/readyz']) {
      const ok = await fetch(`${app.baseUrl}${path}`);
      expect([path, ok.status, await ok.text()]).toEqual([path, 200, 'ok']);
    }
    await postCommand(app.target, {
      command: '/avance',
      text: 'iniciar 1.1',
      response_url: app.fake.responseUrl('a'),
    });
    const first = await app.fake.waitFor(() => app.fake.responses.find((r) => r.path === '/response/a'));
    expect(JSON.stringify(first.body)).toContain('iniciado');

    rmSync(app.dbFile);
    for (const path of ['/healthz', '/readyz']) {
      const gone = await fetch(`${app.baseUrl}${path}`);
      expect(gone.status).toBe(503);
      expect(await gone.text()).toMatch(/^base de datos: el archivo .* fue borrado o reemplazado/);
    }
    await postCommand(app.target, {
      command: '/avance',
      text: 'iniciar 1.2',
      response_url: app.fake.responseUrl('b'),
    });
    const second = await app.fake.waitFor(() => app.fake.responses.find((r) => r.path === '/response/b'));
    expect(JSON.stringify(second.body)).not.toContain('iniciado');
    expect(JSON.stringify(second.body)).toContain('algo falló');
  });
});
