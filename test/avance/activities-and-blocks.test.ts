import { describe, expect, it } from 'vitest';
import { handleAvance, handleAvanceAction } from '../../src/bot/avance-command.ts';
import type { Reply } from '../../src/bot/types.ts';
import { ACTIONS } from '../../src/render/ids.ts';
import { dumpTables } from '../helpers/payload-checks.ts';
import { useAvanceService } from './avance-service.ts';

const service = useAvanceService();

const ask = (text: string, userId = 'UANA'): Promise<Reply> =>
  handleAvance({ text, userId, teamId: 'T1', channelId: 'C1', source: 'command' }, service.deps);
const all = (reply: Reply): string => `${reply.text}\n${JSON.stringify(reply.blocks)}`;
const events = (kind: string) =>
  (service.db.prepare('SELECT COUNT(*) AS n FROM progress_events WHERE kind = ?').get(kind) as { n: number })
    .n;

function buttons(reply: Reply): Array<{ action_id: string; value: string; text: string }> {
  return reply.blocks.flatMap((b) =>
    b.type === 'section' && b.accessory?.type === 'button'
      ? [
          {
            action_id: b.accessory.action_id ?? '',
            value: b.accessory.value ?? '',
            text: b.accessory.text.text,
          },
        ]
      : [],
  );
}

describe('/avance hecho and desmarcar', () => {
  it('marks and unmarks activities by the number the card shows, once each', async () => {
    const marked = await ask('hecho 1.2 2');
    expect(marked.text).toContain('Marqué la actividad 2 del paso 1.2');
    expect(all(marked)).toContain('☑️ Segunda actividad');
    const again = await ask('hecho 1.2 2');
    expect(again.text).toContain('La actividad 2 del paso 1.2 ya estaba marcada');
    expect(events('step.activity')).toBe(1);
    expect((await ask('desmarcar 1.2 2')).text).toContain('Desmarqué la actividad 2 del paso 1.2');
    expect((await ask('desmarcar 1.2 2')).text).toContain('ya estaba sin marcar');
    expect(events('step.activity')).toBe(2);
    expect((await ask('hecho 1.2 1,2')).text).toContain('Marqué las actividades 1 y 2 del paso 1.2');
    expect(all(await ask('historial 1.2'))).toContain('Tú marcaste las actividades 1 y 2 del paso `1.2`');
  });

  it.each([
    ['hecho 1.2', 'número de la actividad'],
    ['hecho 1.2 x', 'número de la actividad'],
    ['hecho 1,2 1', 'Los pasos se escriben con punto'],
    ['hecho 1.2 9', 'tiene 2 actividades; usa un número del 1 al 2'],
    ['desmarcar 1.2 0', 'usa un número del 1 al 2'],
    ['hecho 9.9 1', 'No hay un paso 9.9'],
  ])('«%s» explains what to write and changes nothing', async (text, message) => {
    await ask('');
    const before = dumpTables(service.db);
    expect(all(await ask(text))).toContain(message);
    expect(dumpTables(service.db)).toEqual(before);
  });

  it('refuses to mark activities of a completed step', async () => {
    await ask('completar 1.2');
    expect(all(await ask('hecho 1.2 1'))).toContain('reábrelo');
  });
});

describe('«Hecho» and «Desmarcar» buttons', () => {
  it('say what they do: a second click on the same card changes nothing and logs nothing', async () => {
    const card = await ask('1.2');
    const hecho = buttons(card)[0];
    expect(hecho?.text).toBe('Hecho');
    const click = {
      actionId: hecho?.action_id ?? '',
      value: hecho?.value ?? '',
      userId: 'UBETO',
      teamId: 'T1',
    };
    const first = await handleAvanceAction(service.deps, click);
    expect(all(first)).toContain('☑️ Primera actividad');
    expect(buttons(first)[0]?.text).toBe('Desmarcar');
    const second = await handleAvanceAction(service.deps, click);
    expect(second.text).toContain('ya estaba marcada');
    expect(all(second)).toContain('☑️ Primera actividad');
    expect(events('step.activity')).toBe(1);

    const desmarcar = buttons(first)[0];
    const undo = { ...click, actionId: desmarcar?.action_id ?? '', value: desmarcar?.value ?? '' };
    expect(all(await handleAvanceAction(service.deps, undo))).toContain('⬜ Primera actividad');
    expect((await handleAvanceAction(service.deps, undo)).text).toContain('ya estaba sin marcar');
    expect(events('step.activity')).toBe(2);
  });

  it('«Completar» twice completes once and shows the card, not a warning', async () => {
    const card = await ask('1.2');
    const row = card.blocks.find((b) => b.type === 'actions');
    const complete =
      row?.type === 'actions'
        ? row.elements.find((e) => 'action_id' in e && e.action_id === ACTIONS.avanceComplete)
        : undefined;
    const value = complete && 'value' in complete ? (complete.value ?? '') : '';
    const click = { actionId: ACTIONS.avanceComplete, value, userId: 'UBETO', teamId: 'T1' };
    expect((await handleAvanceAction(service.deps, click)).text).toContain('Paso 1.2 completado');
    const again = await handleAvanceAction(service.deps, click);
    expect(again.text).toContain('El paso 1.2 ya está completado');
    expect(all(again)).toContain('Paso 1.2 · ');
    expect(events('step.status')).toBe(1);
  });

  it('a card from before (a toggle button) is answered with the current card and changes nothing', async () => {
    await ask('hecho 1.2 1');
    const value = buttons(await ask('1.2'))[0]?.value ?? '';
    const before = dumpTables(service.db);
    const reply = await handleAvanceAction(service.deps, {
      actionId: `${ACTIONS.avanceToggleActivity}_0`,
      value,
      userId: 'UANA',
      teamId: 'T1',
    });
    expect(reply.text).toContain('versión anterior');
    expect(all(reply)).toContain('☑️ Primera actividad');
    expect(dumpTables(service.db)).toEqual(before);
  });
});

describe('/avance bloquear on a blocked step', () => {
  it('updates the reason, logged as one event, and keeps a mentioned person as a mention', async () => {
    await ask('bloquear 1.2 falta el oficio');
    const updated = await ask('bloquear 1.2 esperando el oficio de <@U3|carla> &amp; la firma');
    expect(updated.text).toContain('Motivo del bloqueo del paso 1.2 actualizado');
    const card = all(updated);
    expect(card).toContain('esperando el oficio de <@U3> &amp; la firma');
    expect(card).not.toContain('&amp;amp;');
    expect(card).not.toContain('&lt;@U3');
    expect(events('step.status')).toBe(2);
    const history = all(await ask('historial 1.2'));
    expect(history).toContain(
      'Tú actualizaste el motivo del bloqueo del paso `1.2`: _esperando el oficio de <@U3>',
    );
    expect(all(await ask(''))).toContain('• `1.2` esperando el oficio de <@U3>');
  });

  it('the same reason again changes nothing', async () => {
    await ask('bloquear 1.2 falta el oficio');
    const before = dumpTables(service.db);
    expect(all(await ask('bloquear 1.2 falta el oficio'))).toContain(
      'ya está bloqueado con ese mismo motivo',
    );
    expect(dumpTables(service.db)).toEqual(before);
  });

  it('a broadcast in a reason never pings', async () => {
    const reply = await ask('bloquear 1.2 avisen a <!channel> y <!here|here>');
    expect(all(reply)).not.toMatch(/<!channel>|<!here/);
  });
});
