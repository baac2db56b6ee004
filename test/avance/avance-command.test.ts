import { beforeEach, describe, expect, it } from 'vitest';
import { handleAvance, handleAvanceAction } from '../../src/bot/avance-command.ts';
import type { Reply, Request } from '../../src/bot/types.ts';
import type { Guide } from '../../src/content/model.ts';
import { ACTIONS } from '../../src/render/ids.ts';
import { runDaily } from '../../src/schedule/daily.ts';
import { dumpTables } from '../helpers/payload-checks.ts';
import { makeGuide, makeStep } from '../progress/steps.ts';
import { useAvanceService } from './avance-service.ts';

const guide2015: Guide = {
  id: 'guia-2015',
  title: 'Guía 2015',
  isDefault: false,
  steps: [{ ...makeStep('4.1', { days: 30 }, 'Promueve'), guide: 'guia-2015' }],
};

let now = new Date('2026-02-12T16:00:00Z'); // 10:00 in Mexico City
const service = useAvanceService({
  guides: () => [makeGuide(), guide2015],
  now: () => now,
});
beforeEach(() => {
  now = new Date('2026-02-12T16:00:00Z');
});

const ask = (text: string, userId = 'UANA'): Promise<Reply> =>
  handleAvance(
    { text, userId, teamId: 'T1', channelId: 'C1', source: 'command' } satisfies Request,
    service.deps,
  );

const all = (reply: Reply): string => `${reply.text}\n${JSON.stringify(reply.blocks)}`;

/** Every row of every table: equal before and after means nothing changed. */
const snapshot = () => dumpTables(service.db);

describe('/avance', () => {
  it('starts tracking on first use and shows progress, phases and the start date', async () => {
    const reply = await ask('');
    const text = all(reply);
    expect(text).toContain('0 % · 0 de 6 pasos completados');
    expect(text).toContain('Planea (0/2)');
    expect(text).toContain('Empecé a llevar el avance');
    expect(text).toContain('12 de febrero de 2026');
    expect(reply.share).toEqual({ command: '/avance', text: '' });
  });

  it('computes due dates from the start date and lists late steps with owners', async () => {
    await ask('inicio 2026-01-05');
    await ask('asignar 1.2 <@UBETO|beto>');
    await ask('completar 1.1');
    const text = all(await ask(''));
    expect(text).toContain('1 de 6 pasos');
    expect(text).toContain('*Vencidos*');
    expect(text).toContain('venció el 19 de enero de 2026 (hace 24 días) · <@UBETO>');
    expect(text).toContain('<@UBETO>: `1.2`');
  });

  it('moves a step through start, block, complete and reopen, logging who did it', async () => {
    expect(all(await ask('iniciar 1.2'))).toContain('en curso');
    expect(all(await ask('bloquear 1.2 falta el oficio <!channel>', 'UBETO'))).toContain('falta el oficio');
    expect(all(await ask('completar 1.2'))).toContain('completado');
    expect(all(await ask('reabrir 1.2'))).toContain('reabierto');
    const history = all(await ask('historial 1.2'));
    // The reader's own changes read «Tú …»; a teammate's name their author.
    const order = ['reabriste', 'completaste', 'bloqueó', 'iniciaste'].map((w) => history.indexOf(w));
    expect(order.every((i, k) => i >= 0 && (k === 0 || i > (order[k - 1] ?? 0)))).toBe(true);
    expect(history).toContain('<@UBETO> bloqueó');
    // The echoed reason cannot ping the channel.
    expect(history).not.toContain('<!channel>');
  });

  it('counts the history in the notification text, singular and plural', async () => {
    await ask('');
    expect((await ask('historial')).text).toBe('Historial: 1 cambio');
    await ask('iniciar 1.1');
    expect((await ask('historial')).text).toBe('Historial: 2 cambios');
  });

  it('refuses an illegal move and changes nothing', async () => {
    await ask('');
    const before = snapshot();
    expect(all(await ask('reabrir 1.2'))).toContain('no está completado');
    expect(snapshot()).toEqual(before);
  });

  it.each([
    ['iniciar 9.9', 'No hay un paso 9.9'],
    ['inicio 2026-02-30', 'no es una fecha válida'],
    ['inicio 15/01/2026', 'no es una fecha válida'],
    ['inicio 2014-12-31', 'anterior a 2015'],
    ['asignar 1.2 ana', 'Menciona a la persona'],
    ['asignar 1.2', 'Menciona a la persona'],
    ['bloquear 1.2', 'el motivo'],
    ['bailar 1.2', 'No conozco `bailar`'],
    ['guia guia-1999', 'No conozco la guía'],
    ['diario 25:00', 'HH:MM'],
    ['diario 09:00 lunes-xyz', 'No entendí los días'],
    ['historial 7.7', 'No hay un paso 7.7'],
  ])('«%s» explains the right syntax and changes nothing', async (input, message) => {
    await ask('');
    const before = snapshot();
    const reply = await ask(input);
    expect(all(reply)).toContain(message);
    expect(reply.visibility).toBe('ephemeral');
    expect(snapshot()).toEqual(before);
  });

  it('does not even create the tracker on wrong input in a new channel', async () => {
    await ask('completar 8.8');
    await ask('<script>');
    expect(service.db.prepare('SELECT * FROM progress_trackers').all()).toEqual([]);
    expect(all(await ask('<@U1|x> &lt;b&gt;'))).toContain('&lt;@u1|x&gt;');
  });

  it('switches the guide and keeps each guide apart', async () => {
    await ask('completar 1.1');
    expect(all(await ask('guia guia-2015'))).toContain('*Guía 2015* — `guia-2015`');
    expect(all(await ask(''))).toContain('0 de 1 paso completado');
    expect(all(await ask('iniciar 1.1'))).toContain('No hay un paso 1.1 en Guía 2015');
    await ask('guia guia-prueba');
    expect(all(await ask(''))).toContain('1 de 6 pasos');
  });

  it.each(['2015', 'edición 2015', 'Guía 2015', 'guia-2015', 'GUIA-2015'])(
    '/avance guia %s names the edition as /guia lista does',
    async (name) => {
      expect(all(await ask(`guia ${name}`))).toContain('*Guía 2015* — `guia-2015`');
    },
  );

  it('says plainly that the 2015 edition has only step 4.1 published and suggests the complete one', async () => {
    const switched = all(await ask('guia 2015'));
    expect(switched).toContain('solo está publicado el paso 4.1');
    const overview = all(await ask(''));
    expect(overview).toContain('0 de 1 paso completado');
    expect(overview).toContain('De *Guía 2015* solo está publicado el paso 4.1');
    expect(overview).toContain('usa `/avance guia guia-prueba`');
    await ask('guia guia-prueba');
    expect(all(await ask(''))).not.toContain('solo está publicado');
  });

  it('sets and turns off the daily post', async () => {
    expect(all(await ask('diario 8:30 lun,mié,vie'))).toContain('08:30 (lun, mié, vie)');
    expect(all(await ask('diario sin-cambios nada'))).toContain('no publica');
    expect(all(await ask('diario off'))).toContain('apagado');
    const tracker = await service.deps.trackers.getTracker('T1', 'C1');
    expect(tracker?.daily).toEqual({ enabled: false, time: '08:30', days: [1, 3, 5], quiet: 'nada' });
  });

  it('logs no event and writes nothing when the same daily setting is sent again', async () => {
    await ask('diario 09:00 lun-vie');
    const before = snapshot();
    const again = await ask('diario 09:00 lunes a viernes');
    expect(all(again)).toContain('09:00 (lun-vie)');
    expect(all(again)).toContain('sin cambios');
    expect(snapshot()).toBe(before);
    const tracker = await service.deps.trackers.getTracker('T1', 'C1');
    const events = await service.deps.steps.events(tracker?.id ?? 0, {});
    expect(events.filter((e) => e.kind === 'tracker.daily')).toHaveLength(1);
  });

  it('exports a CSV file, or a code block when the upload fails', async () => {
    await ask('inicio 2026-01-05');
    await ask('bloquear 1.1 =HYPERLINK("x")');
    const uploads: Array<{ filename: string; content: string }> = [];
    service.deps.uploadFile = async (f) => {
      uploads.push(f);
    };
    expect(all(await ask('exportar'))).toContain('Subí `avance-guia-prueba-2026-02-12.csv`');
    const csv = uploads[0]?.content ?? '';
    expect(csv.split('\r\n')[0]).toBe(
      'paso,titulo,fase,estado,responsable,iniciado,vence,completado,motivo_bloqueo',
    );
    expect(csv).toContain(`1.1,Paso 1.1,Planea,bloqueado,,,2026-02-04,,"'=HYPERLINK(""x"")"`);
    service.deps.uploadFile = async () => {
      throw new Error('not_allowed');
    };
    const fallback = all(await ask('exportar'));
    expect(fallback).toContain('No pude subir el archivo');
    expect(fallback).toContain('1.2,Paso 1.2,Planea,pendiente');
    service.deps.uploadFile = undefined;
    const inline = all(await ask('exportar'));
    expect(inline).toContain('Aquí está el CSV');
    expect(inline).not.toContain('No pude');
  });

  it('checks activities off one by one with the buttons on the step card', async () => {
    const card = await ask('1.2');
    const json = JSON.stringify(card.blocks);
    expect(json).toContain(`${ACTIONS.avanceCheckActivity}_1`);
    const button = card.blocks.flatMap((b) =>
      b.type === 'section' && b.accessory?.type === 'button' ? [b.accessory] : [],
    )[1];
    const click = {
      actionId: button?.action_id ?? '',
      value: button?.value ?? '',
      userId: 'UBETO',
      teamId: 'T1',
    };
    const after = await handleAvanceAction(service.deps, click);
    expect(JSON.stringify(after.blocks)).toContain('☑️ Segunda actividad');
    expect(all(await ask('historial'))).toContain('<@UBETO> marcó la actividad 2');
    // Another workspace cannot use the button.
    expect(all(await handleAvanceAction(service.deps, { ...click, teamId: 'T2' }))).toContain(
      'ya no es válido',
    );
    const start = await handleAvanceAction(service.deps, { ...click, actionId: ACTIONS.avanceStart });
    expect(all(start)).toContain('Paso 1.2 iniciado');
  });
});

describe('a completed step card', () => {
  it('lists the activities without Hecho buttons and says the status once in the notification text', async () => {
    const open = await ask('1.1');
    expect(JSON.stringify(open.blocks)).toContain('"text":"Hecho"');
    const done = await ask('completar 1.1');
    const json = JSON.stringify(done.blocks);
    expect(json).toContain('Primera actividad');
    expect(json).toContain('Segunda actividad');
    expect(json).not.toContain('"text":"Hecho"');
    expect(json).not.toContain('⬜');
    expect(json).not.toContain(ACTIONS.avanceCheckActivity);
    expect(json).toContain('/avance reabrir 1.1');
    expect(done.text).toBe('Paso 1.1 completado. Plazo: cumplido.');
    // Reopened, the buttons come back.
    expect(JSON.stringify((await ask('reabrir 1.1')).blocks)).toContain('"text":"Hecho"');
  });
});

describe('/avance diario set after today’s time', () => {
  const dailyDeps = (posts: string[]) => ({
    trackers: service.deps.trackers,
    steps: service.deps.steps,
    claims: service.deps.claims,
    reminders: service.deps.reminders,
    guides: service.deps.guides,
    tz: service.deps.tz,
    runner: 'test',
    post: async (channel: string) => {
      posts.push(channel);
      return { ok: true as const };
    },
  });

  it('waits for the next scheduled day instead of posting at once', async () => {
    const posts: string[] = [];
    await ask('diario 09:00'); // Thursday 12 Feb 2026, 10:00 local
    now = new Date('2026-02-12T16:01:00Z');
    await runDaily(dailyDeps(posts), now);
    expect(posts).toEqual([]);
    now = new Date('2026-02-13T15:00:00Z'); // Friday 09:00 local
    await runDaily(dailyDeps(posts), now);
    expect(posts).toEqual(['C1']);
  });

  it('still posts later the same day when the chosen time is still ahead', async () => {
    const posts: string[] = [];
    await ask('diario 17:00'); // set at 10:00 local
    await runDaily(dailyDeps(posts), new Date('2026-02-12T16:30:00Z'));
    expect(posts).toEqual([]);
    await runDaily(dailyDeps(posts), new Date('2026-02-12T23:00:00Z')); // 17:00 local
    expect(posts).toEqual(['C1']);
  });

  it('posts the same day when the time is moved later, after an earlier time was skipped', async () => {
    const posts: string[] = [];
    await ask('diario 09:00'); // 10:00 local: today's 09:00 is skipped
    now = new Date('2026-02-12T16:30:00Z'); // 10:30
    await ask('diario 11:00');
    await runDaily(dailyDeps(posts), new Date('2026-02-12T17:05:00Z')); // 11:05
    expect(posts).toEqual(['C1']);
    // Moving it again after the post does not post twice.
    now = new Date('2026-02-12T17:10:00Z');
    await ask('diario 12:00');
    await runDaily(dailyDeps(posts), new Date('2026-02-12T18:05:00Z'));
    expect(posts).toEqual(['C1']);
  });
});
