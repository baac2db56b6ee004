import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { COMMANDS } from '../../src/render/ids.ts';
import { eventEnvelope, postCommand, postEvent } from '../helpers/signed-request.ts';
import { startTestApp, type TestApp } from '../helpers/slack-app.ts';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp({
    extraDeps: () => ({
      extraCommands: {
        [COMMANDS.avance]: () => {
          throw new Error('progress store exploded');
        },
      },
      homeSections: [
        () => {
          throw new Error('progress section exploded');
        },
      ],
    }),
  });
});
afterAll(async () => {
  await t.stop();
});

describe('an exception inside one handler', () => {
  it('becomes a Spanish apology for that user, and the app keeps answering', async () => {
    const res = await postCommand(t.target, {
      command: '/avance',
      text: '',
      response_url: t.fake.responseUrl('a'),
    });
    expect(res.status).toBe(200);
    const apology = await t.fake.waitFor(() => t.fake.responses.find((r) => r.path === '/response/a'));
    expect(String(apology.body.text)).toContain('algo falló');
    expect(t.logs.some((l) => l.msg === 'command failed')).toBe(true);

    await postCommand(t.target, { command: '/guia', text: '1.1', response_url: t.fake.responseUrl('b') });
    const next = await t.fake.waitFor(() => t.fake.responses.find((r) => r.path === '/response/b'));
    expect(JSON.stringify(next.body.blocks)).toContain('Paso 1.1');
  });

  it('a failing Home section leaves the rest of the Home tab', async () => {
    await postEvent(
      t.target,
      eventEnvelope({ type: 'app_home_opened', user: 'U0001', tab: 'home', channel: 'D1' }),
    );
    const publish = await t.fake.waitFor(() => t.fake.callsTo('views.publish')[0]);
    expect(JSON.stringify(publish.params.view)).toContain('Pasos y plazos');
    expect(JSON.stringify(publish.params.view)).not.toContain('progress section exploded');
    expect(t.logs.some((l) => l.msg === 'a Home section failed')).toBe(true);
  });
});
