/**
 * What real users (and Slack) send that nobody planned for, through the real HTTP app: every reply is
 * Spanish, within Block Kit limits, pings nobody, and the app keeps answering the next request.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { AvanceDeps } from '../../src/bot/avance-command.ts';
import { ACTIONS } from '../../src/render/ids.ts';
import { slashCommand, startAvanceTestApp } from '../helpers/avance-app.ts';
import { dumpTables, payloadProblems } from '../helpers/payload-checks.ts';
import { eventEnvelope, postBlockAction, postEvent, postForm } from '../helpers/signed-request.ts';
import type { TestApp } from '../helpers/slack-app.ts';

let t: TestApp;
let avance: AvanceDeps;

beforeAll(async () => {
  ({ t, avance } = await startAvanceTestApp());
});
afterAll(async () => {
  await t.stop();
});
beforeEach(() => {
  t.fake.reset();
});

const LONG_10K = 'datos abiertos '.repeat(667).slice(0, 10_000);
const LONG_40K = '¿quién participa? '.repeat(2223).slice(0, 40_000);

/** Texts as Slack delivers them (entities encoded, mentions and links in angle brackets). */
const HOSTILE: Array<[string, string]> = [
  ['empty', ''],
  ['whitespace', '   \t  '],
  ['only emoji', '🙂🔥👍🏽'],
  ['10,000 characters', LONG_10K],
  ['40,000 characters', LONG_40K],
  ['<!channel>', '<!channel> ¿quién participa en el paso 2.1?'],
  ['<!here>', '<!here|here> plazo del paso 1.2'],
  ['<!everyone>', '<!everyone> <!subteam^S123|@equipo>'],
  ['a typed (escaped) <!channel>', '&lt;!channel&gt; &lt;!here&gt; &lt;!everyone&gt;'],
  ['a user mention', '<@U123> ¿quién participa en el paso 2.1?'],
  ['a channel mention', '<#C1|canal> plazo del paso 1.2'],
  ['a link', '<https://x.example|y> paso 1.1'],
  ['entities', 'datos &amp; más &lt;b&gt; &gt;'],
  ['newlines', 'primera línea\nsegunda línea\n\n\ntercera 2.1'],
  [
    'RTL and zero-width characters',
    '\u202Eplazo\u200B del\u200D paso\uFEFF 1.2 \u0645\u0631\u062D\u0628\u0627',
  ],
  ['SQL-looking text', "'; DROP TABLE progress_steps; -- 1.2"],
  ['mrkdwn injection', '*bold* ~x~ _i_ `code` ```block``` > cita'],
  ['quotes and backslashes', `${'"\\'.repeat(900)}`],
  ['control characters', `plazo\u0001\u0002\u0007 del paso 1.2${'\u0003'.repeat(1200)}`],
  ['emoji at the cut', `buscar ${'x'.repeat(94)}${'😀'.repeat(200)}`],
  ['emoji at the cut, odd', `${'x'.repeat(99)}${'😀'.repeat(2000)}`],
];

const command = (name: string, text: string) => slashCommand(t, name, text);

let ts = 1_700_100_000;
/** Posts `event` signed, as the Events API does, and returns the bot's chat.postMessage call. */
async function replyTo(event: Record<string, unknown>) {
  t.fake.reset();
  const res = await postEvent(t.target, eventEnvelope({ ...event, user: 'U0001', ts: `${++ts}.1` }));
  expect(res.status).toBe(200);
  const post = await t.fake.waitFor(() => t.fake.callsTo('chat.postMessage')[0], 10_000);
  return post.params;
}

const dmReply = (text: string) => replyTo({ type: 'message', channel_type: 'im', channel: 'D0001', text });
const mentionReply = (text: string) =>
  replyTo({ type: 'app_mention', channel: 'C0001', text: `<@UBOT> ${text}` });

/** The app still answers a normal request afterwards. */
async function stillAnswers() {
  const body = await command('/guia', '1.2');
  expect(String(body.text)).toContain('Paso 1.2');
}

const SPANISH = /[áéíóúñ¿]|\b(el|la|los|de|que|en|para|paso|guía)\b/i;

describe('hostile text in /guia, DMs and mentions', () => {
  for (const [name, text] of HOSTILE) {
    it(`/guia with ${name}: a Spanish reply within Slack limits that pings nobody`, async () => {
      const body = await command('/guia', text);
      expect(payloadProblems(body)).toEqual([]);
      expect(String(body.text)).toMatch(SPANISH);
    }, 20_000);

    it(`a DM with ${name}: a Spanish reply within Slack limits that pings nobody`, async () => {
      const params = await dmReply(text);
      expect(payloadProblems(params)).toEqual([]);
      expect(String(params.text)).toMatch(SPANISH);
    }, 20_000);

    it(`a mention with ${name}: a threaded Spanish reply within Slack limits that pings nobody`, async () => {
      const params = await mentionReply(text);
      expect(params.thread_ts).toBeDefined();
      expect(payloadProblems(params)).toEqual([]);
    }, 20_000);
  }

  it('/guia buscar with a typed <!channel> echoes the words without a live ping, also when shared', async () => {
    const body = await command('/guia', 'buscar &lt;!channel&gt; inventario');
    expect(payloadProblems(body)).toEqual([]);
    const share = (
      body.blocks as Array<{ type: string; elements?: Array<{ action_id: string; value: string }> }>
    )
      .flatMap((b) => b.elements ?? [])
      .find((e) => e.action_id === ACTIONS.share);
    expect(share).toBeDefined();
    const url = t.fake.responseUrl();
    await postBlockAction(t.target, {
      action_id: ACTIONS.share,
      value: share?.value ?? '',
      response_url: url,
    });
    const shared = await t.fake.waitFor(() =>
      t.fake.responses.find((r) => r.body.response_type === 'in_channel'),
    );
    expect(payloadProblems(shared.body)).toEqual([]);
    await stillAnswers();
  });

  it('keeps answering after all of the above', async () => {
    await stillAnswers();
  });
});

describe('hostile text in /avance leaves the database unchanged', () => {
  beforeAll(async () => {
    // A tracker with some state, so "unchanged" means something.
    await command('/avance', 'inicio 2026-01-15');
    await command('/avance', 'iniciar 1.1');
  });

  const BAD: Array<[string, RegExp]> = [
    ['🙂🔥', /No conozco/],
    [LONG_10K, /No conozco/],
    [LONG_40K, /No conozco/],
    ['<!channel>', /No conozco/],
    ['<!here|here> completar 1.2', /No conozco/],
    ['<@U123|ana>', /No conozco/],
    ['<#C1|canal>', /No conozco/],
    ['<https://x|y>', /No conozco/],
    ['&amp;&lt;&gt;', /No conozco/],
    ["'; DROP TABLE progress_steps; --", /No conozco/],
    ['\u202E\u200B', /No conozco|ayuda/],
    ['borrar 1.2', /No conozco/],
    ['inicio 2026-02-30', /no es una fecha válida.*inicio AAAA-MM-DD/],
    ['inicio 2014-12-31', /anterior a 2015/],
    ['inicio 2026-13-01', /no es una fecha válida/],
    ['inicio mañana', /no es una fecha válida/],
    ['inicio 2099-01-01', /posterior/],
    ['inicio <!channel>', /no es una fecha válida/],
    ['inicio 15/01/2026', /no es una fecha válida/],
    ['asignar 1.2', /Menciona a la persona/],
    ['asignar 1.2 ana', /Menciona a la persona/],
    ['asignar 1.2 @ana', /Menciona a la persona/],
    ['asignar 1.2 <#C1|canal>', /Menciona a la persona/],
    ['asignar 1.2 <@U1|ana> <@U2|beto>', /una sola persona/],
    ['asignar 1.2 <!channel>', /Menciona a la persona/],
    ['asignar 9.9 <@U1|ana>', /No hay un paso 9\.9/],
    ['asignar <@U1|ana> 1.2', /Indica el paso/],
    ['diario 25:00', /HH:MM/],
    ['diario 9', /HH:MM/],
    ['diario 09:00 lunes-domingo-x', /No entendí los días/],
    ['diario 09:00 cada martes', /No entendí los días/],
    ['diario 09:00 <!channel>', /No entendí los días/],
    ['diario 09:60', /HH:MM/],
    ['completar 9.9', /No hay un paso 9\.9/],
    ['completar 1.2.3', /Indica el número de paso/],
    ['completar 01.9', /No hay un paso 1\.9/],
    ['completar 1,2', /Indica el número de paso/],
    ['completar', /Indica el número de paso/],
    ['9.9', /No hay un paso 9\.9/],
    ['1.2.3', /No conozco|paso/],
    ['1,2', /No conozco|paso/],
    ['bloquear 1.2', /motivo/],
    ['bloquear 1.2    ', /motivo/],
    ['bloquear 9.9 falta presupuesto', /No hay un paso 9\.9/],
    ['reabrir 1.2', /no está completado|no se puede|ya/i],
    ['historial 9.9', /No hay un paso 9\.9/],
    ['historial 1.2 extra', /Uso:/],
    ['guia <!channel>', /No conozco la guía/],
    ['guia guia-3000', /No conozco la guía/],
    ['diario sin-cambios <!here>', /Uso:/],
  ];

  for (const [text, expected] of BAD) {
    const label = text.length > 60 ? `${text.length} characters` : JSON.stringify(text);
    it(`/avance ${label}: a Spanish message saying what to write, nothing changed`, async () => {
      const before = dumpTables(t.db);
      const body = await command('/avance', text);
      expect(payloadProblems(body)).toEqual([]);
      const all = `${String(body.text)} ${JSON.stringify(body.blocks)}`;
      expect(all).toMatch(expected);
      expect(dumpTables(t.db)).toBe(before);
    }, 20_000);
  }

  it('the app still answers /avance and /guia afterwards', async () => {
    const body = await command('/avance', '');
    expect(String(body.text)).toContain('Avance del canal');
    await stillAnswers();
  });
});

describe('hostile but valid /avance input', () => {
  it('a 5,000-character block reason full of mrkdwn and pings is stored cut, shown inert', async () => {
    const reason = `*bold* ~x~ _i_ \`code\` \`\`\`bloque <!channel> &lt;!here&gt; <@U9|eve> ${'motivo '.repeat(720)}`;
    const body = await command('/avance', `bloquear 1.3 ${reason}`);
    expect(payloadProblems(body)).toEqual([]);
    expect(String(body.text)).toContain('Paso 1.3 bloqueado');
    const overview = await command('/avance', '');
    expect(payloadProblems(overview)).toEqual([]);
    const history = await command('/avance', 'historial');
    expect(payloadProblems(history)).toEqual([]);
    // The reason's backticks must not open a code block that swallows the rest of the section.
    const blocked = JSON.stringify(overview.blocks);
    expect(blocked).not.toContain('```');
    const card = await command('/avance', '1.3');
    expect(payloadProblems(card)).toEqual([]);
    expect(JSON.stringify(card.blocks)).not.toContain('```');
  });

  it('assigns with a plain <@U123> mention and with <@U123|name>', async () => {
    let body = await command('/avance', 'asignar 2.1 <@U123>');
    expect(String(body.text)).toContain('responsable del paso 2.1');
    body = await command('/avance', 'asignar 2.1 <@W456|beto>');
    expect(String(body.text)).toContain('responsable del paso 2.1');
    expect(payloadProblems(body)).toEqual([]);
  });

  it('accepts diario 09:00 lun-dom as every day', async () => {
    const body = await command('/avance', 'diario 09:00 lun-dom');
    expect(String(body.text)).toContain('09:00 (todos los días)');
  });
});

describe('malformed or forged buttons', () => {
  const send = async (action_id: string, value: string, extra: { channelId?: string } = {}) => {
    const url = t.fake.responseUrl();
    const res = await postBlockAction(t.target, { action_id, value, response_url: url, ...extra });
    return { res, path: new URL(url).pathname };
  };
  const replyAt = (path: string) => t.fake.waitFor(() => t.fake.responses.find((r) => r.path === path));

  it('an unknown action id is acknowledged at once with a Spanish note (no 404 after 3 s, no 500)', async () => {
    const started = Date.now();
    const { res, path } = await send('guia_no_existe', '{}');
    expect(res.status).toBe(200);
    expect(Date.now() - started).toBeLessThan(2500);
    expect(String((await replyAt(path)).body.text)).toContain('Ese botón ya no es válido');
    await stillAnswers();
  });

  const FORGED: Array<[string, string, string]> = [
    ['no value', ACTIONS.avanceComplete, ''],
    ['not JSON', ACTIONS.avanceComplete, '{{{'],
    ['missing fields', ACTIONS.avanceStart, '{"t":1}'],
    ['a step that does not exist', ACTIONS.avanceComplete, '{"t":1,"g":"guia-2017","s":"9.9"}'],
    ['a tracker that does not exist', ACTIONS.avanceStart, '{"t":99999,"g":"guia-2017","s":"1.2"}'],
    ['an unknown guide', ACTIONS.avanceStart, '{"t":1,"g":"guia-3000","s":"1.2"}'],
    [
      'an activity out of range',
      `${ACTIONS.avanceToggleActivity}_0`,
      '{"t":1,"g":"guia-2017","s":"1.2","a":999}',
    ],
    ['a negative activity', `${ACTIONS.avanceToggleActivity}_0`, '{"t":1,"g":"guia-2017","s":"1.2","a":-1}'],
    ['a string tracker id', ACTIONS.avanceStart, '{"t":"1","g":"guia-2017","s":"1.2"}'],
    ['a JSON array', ACTIONS.avanceStart, '[1,2,3]'],
    ['JSON null', ACTIONS.avanceStart, 'null'],
  ];
  for (const [name, actionId, value] of FORGED) {
    it(`a step button with ${name}: a Spanish "no longer valid" note, nothing changed`, async () => {
      const before = dumpTables(t.db);
      const { res, path } = await send(actionId, value);
      expect(res.status).toBe(200);
      const reply = await replyAt(path);
      expect(payloadProblems(reply.body)).toEqual([]);
      expect(String(reply.body.text)).toContain('Ese botón ya no es válido');
      expect(dumpTables(t.db)).toBe(before);
    });
  }

  it('a step button of another workspace tracker does nothing', async () => {
    const tracker = await avance.trackers.createTracker(
      { teamId: 'TOTHER', channelId: 'COTHER', guideId: 'guia-2017', startDate: '2026-01-01' },
      { userId: 'U9', source: 'test', at: new Date().toISOString() },
    );
    const before = dumpTables(t.db);
    const { path } = await send(
      ACTIONS.avanceComplete,
      JSON.stringify({ t: tracker.id, g: 'guia-2017', s: '1.2' }),
    );
    const reply = await replyAt(path);
    expect(String(reply.body.text)).toContain('Ese botón ya no es válido');
    expect(dumpTables(t.db)).toBe(before);
  });

  it('a step button from a channel without a tracker answers in Spanish', async () => {
    const { path } = await send(ACTIONS.avanceStart, '{"t":424242,"g":"guia-2017","s":"1.2"}', {
      channelId: 'CNOTRACKER',
    });
    const reply = await replyAt(path);
    expect(String(reply.body.text)).toContain('Ese botón ya no es válido');
  });

  it('share and feedback buttons with unreadable values: a Spanish note or silence, never a crash', async () => {
    for (const value of ['', 'x', '{"c":1}', '{"c":"/nada","t":"x"}', '[]', 'null']) {
      const { res, path } = await send(ACTIONS.share, value);
      expect(res.status).toBe(200);
      const reply = await replyAt(path);
      expect(String(reply.body.text)).toContain('Este botón ya no es válido');
    }
    for (const value of ['', 'x', '{"q":5}', 'null']) {
      const before = dumpTables(t.db);
      const unreadable = () => t.logs.filter((l) => l.msg === 'feedback button with an unreadable value');
      const seen = unreadable().length;
      const { res } = await send(ACTIONS.feedbackUp, value);
      expect(res.status).toBe(200);
      // The 200 is the ack: wait until the listener has actually judged the value before looking at the db.
      await t.fake.waitFor(() => unreadable().length > seen);
      expect(dumpTables(t.db)).toBe(before);
    }
    await stillAnswers();
  });

  it('an interactivity payload that is not JSON, or has no actions, gets no 500', async () => {
    for (const payload of ['{not json', JSON.stringify({ type: 'block_actions', user: { id: 'U1' } })]) {
      const res = await postForm(t.target, { payload });
      expect(res.status).toBeLessThan(500);
    }
    await stillAnswers();
  });
});
