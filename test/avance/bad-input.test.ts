/**
 * `/avance` with wrong or hostile input, at the service level on a real SQLite file: a clear Spanish message
 * with the right syntax, and every table exactly as before.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import { handleAvance } from '../../src/bot/avance-command.ts';
import { AVANCE_VERBS, parseAvance } from '../../src/bot/avance-verbs.ts';
import { parseGuia } from '../../src/bot/guia-command.ts';
import type { Reply } from '../../src/bot/types.ts';
import { dumpTables, payloadProblems } from '../helpers/payload-checks.ts';
import { useAvanceService } from './avance-service.ts';

const service = useAvanceService();

beforeEach(async () => {
  await ask('inicio 2026-01-15');
  await ask('iniciar 1.1');
});

const ask = (text: string): Promise<Reply> =>
  handleAvance({ text, userId: 'UANA', teamId: 'T1', channelId: 'C1', source: 'command' }, service.deps);
const all = (r: Reply) => `${r.text}\n${JSON.stringify(r.blocks)}`;

describe('/avance with a wrong start date', () => {
  it.each([
    ['2026-02-30', /«2026-02-30» no es una fecha válida\. Usa `\/avance inicio AAAA-MM-DD`/],
    ['2026-13-01', /no es una fecha válida/],
    ['mañana', /«mañana» no es una fecha válida/],
    ['15/01/2026', /no es una fecha válida/],
    ['2014-12-31', /no puede ser anterior a 2015/],
    ['2099-01-01', /no puede ser posterior al 12 de febrero de 2027/],
    ['2027-02-13', /no puede ser posterior al 12 de febrero de 2027/],
  ])('inicio %s: says why and how, changes nothing', async (date, expected) => {
    const before = dumpTables(service.db);
    const reply = await ask(`inicio ${date}`);
    expect(all(reply)).toMatch(expected);
    expect(all(reply)).toContain('/avance inicio AAAA-MM-DD');
    expect(dumpTables(service.db)).toBe(before);
  });

  it('accepts a start up to one year ahead', async () => {
    expect((await ask('inicio 2027-02-12')).text).toContain('12 de febrero de 2027');
  });
});

describe('/avance asignar', () => {
  it.each([
    ['asignar 1.2', /Menciona a la persona con @/],
    ['asignar 1.2 @ana', /Menciona a la persona con @/],
    ['asignar 1.2 <#C1|canal>', /Menciona a la persona con @/],
    ['asignar 1.2 <!channel>', /Menciona a la persona con @/],
    ['asignar 1.2 <@U1|ana> <@U2|beto>', /una sola persona responsable/],
    ['asignar 1.2 <@U1|ana><@U2|beto>', /una sola persona responsable/],
  ])('%s: asks for one mention, with the syntax, and changes nothing', async (text, expected) => {
    const before = dumpTables(service.db);
    const reply = await ask(text);
    expect(all(reply)).toMatch(expected);
    expect(all(reply)).toContain('/avance asignar 1.2 @persona');
    expect(dumpTables(service.db)).toBe(before);
  });
});

describe('/avance with other wrong input', () => {
  it.each([
    ['diario 25:00', /formato 24 h, HH:MM/],
    ['diario 9', /formato 24 h, HH:MM/],
    ['diario 09:00 lunes a', /No entendí los días «lunes a».*\/avance diario 09:00 lun-vie/],
    ['diario 09:00 cada martes', /No entendí los días «cada martes».*\/avance diario 09:00 lun-vie/],
    ['diario 09:00 lun--vie', /No entendí los días «lun--vie»/],
    ['diario 09:00 lun-mar-mié', /No entendí los días/],
    ['diario 09:00 z', /No entendí los días «z»/],
    ['completar 9.9', /No hay un paso 9\.9.*Los pasos son: 1\.1/],
    ['completar 1.2.3', /Indica el número de paso: `\/avance completar 1\.2`/],
    ['completar 1,2', /Indica el número de paso.*Los pasos se escriben con punto: `1\.2`/],
    ['1,2', /No conozco `1,2`\. Los pasos se escriben con punto: `1\.2`/],
    ['9.9', /No hay un paso 9\.9/],
    ['borrar 1.2', /No conozco `borrar`.*\/avance ayuda/],
    ['```x', /No conozco `'''x`/],
    ['<!channel>', /No conozco `&lt;!channel&gt;`/],
  ])('%s: a Spanish message, nothing changed', async (text, expected) => {
    const before = dumpTables(service.db);
    const reply = await ask(text);
    expect(all(reply)).toMatch(expected);
    expect(payloadProblems({ text: reply.text, blocks: reply.blocks })).toEqual([]);
    expect(dumpTables(service.db)).toBe(before);
  });

  it('an unknown verb of 40,000 characters is echoed cut, without half an emoji', async () => {
    const reply = await ask(`${'x'.repeat(38)}${'😀'.repeat(20_000)}`);
    expect(reply.text).toMatch(/No conozco `x{38}…`/);
    expect(payloadProblems({ text: reply.text, blocks: reply.blocks })).toEqual([]);
  });

  it('a step written with a leading zero is that step', async () => {
    expect((await ask('iniciar 01.2')).text).toContain('Paso 1.2 iniciado');
    expect(parseAvance('02.01')).toEqual({ kind: 'step', stepId: '2.1' });
  });

  it.each(['01.2', '1.02', '1.2', ' 1.2 '])('/guia %s and /avance %s open the same step 1.2', (typed) => {
    expect(parseGuia(typed)).toEqual({ kind: 'step', id: '1.2' });
    expect(parseAvance(typed)).toEqual({ kind: 'step', stepId: '1.2' });
  });

  it('lists every verb of the table in /avance ayuda, each with its syntax', async () => {
    const help = (await ask('ayuda')).text;
    for (const verb of AVANCE_VERBS) expect(help).toContain(verb.syntax);
  });

  it.each([
    ['lunes a viernes', [1, 2, 3, 4, 5]],
    ['de lunes a viernes', [1, 2, 3, 4, 5]],
    ['Lunes A Viernes', [1, 2, 3, 4, 5]],
    ['lun a vie', [1, 2, 3, 4, 5]],
    ['lun al vie', [1, 2, 3, 4, 5]],
    ['L-V', [1, 2, 3, 4, 5]],
    ['l - v', [1, 2, 3, 4, 5]],
    ['lun-vie', [1, 2, 3, 4, 5]],
    ['Lun-Vie', [1, 2, 3, 4, 5]],
    ['lunes, miércoles y viernes', [1, 3, 5]],
    ['lun mié vie', [1, 3, 5]],
    ['L,X,V', [1, 3, 5]],
    ['vie-lun', [1, 5, 6, 7]],
    ['sáb a dom', [6, 7]],
    ['todos los días', [1, 2, 3, 4, 5, 6, 7]],
  ])('diario 09:00 %s is understood', (days, expected) => {
    expect(parseAvance(`diario 09:00 ${days}`)).toEqual({ kind: 'daily', time: '09:00', days: expected });
  });

  it('diario 09:00 lun-dom means every day', () => {
    expect(parseAvance('diario 09:00 lun-dom')).toEqual({
      kind: 'daily',
      time: '09:00',
      days: [1, 2, 3, 4, 5, 6, 7],
    });
  });
});

describe('day names that are members of every JavaScript object', () => {
  it.each([
    'lun-constructor',
    'constructor-vie',
    '__proto__-lun',
    'constructor',
    'toString',
    'hasOwnProperty,lun',
    'valueOf a viernes',
  ])('diario 09:00 %s is refused at once and changes nothing', async (days) => {
    const before = dumpTables(service.db);
    const started = performance.now();
    const reply = await ask(`diario 09:00 ${days}`);
    expect(performance.now() - started).toBeLessThan(100);
    expect(all(reply)).toMatch(/No entendí los días/);
    expect(dumpTables(service.db)).toBe(before);
  });
});

describe('a block reason someone typed', () => {
  it('cannot open a code block or ping anyone on the card, the overview or the history', async () => {
    const reason = `\`\`\`bloque <!channel> &lt;!here&gt; *negrita* ~x~ ${'motivo '.repeat(700)}`;
    const blocked = await ask(`bloquear 1.2 ${reason}`);
    expect(blocked.text).toContain('Paso 1.2 bloqueado');
    for (const reply of [blocked, await ask(''), await ask('historial'), await ask('1.2')]) {
      expect(payloadProblems({ text: reply.text, blocks: reply.blocks })).toEqual([]);
      expect(JSON.stringify(reply.blocks)).not.toContain('```');
    }
    const stored = service.db
      .prepare('SELECT blocked_reason FROM progress_steps WHERE step_id = ?')
      .get('1.2') as {
      blocked_reason: string;
    };
    expect(stored.blocked_reason.length).toBeLessThanOrEqual(500);
    expect(stored.blocked_reason).not.toContain('<!channel>');
  });
});
