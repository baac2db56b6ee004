import { describe, expect, it } from 'vitest';
import { createMemoryStores } from '../../src/adapters/memory/index.ts';
import { type AvanceDeps, handleAvance } from '../../src/bot/avance-command.ts';
import { parseDays } from '../../src/bot/avance-parse.ts';
import { createCoordinationHomeSection } from '../../src/bot/coordination-home.ts';
import { parseCoordination } from '../../src/bot/coordination-parse.ts';
import type { Request } from '../../src/bot/types.ts';
import { progressPorts, type Stores } from '../../src/ports/index.ts';
import { decodePng } from '../helpers/png.ts';
import { makeGuide } from '../progress/steps.ts';

// Tuesday 1 December 2026, 10:00 in Mexico City.
const NOW = new Date('2026-12-01T16:00:00Z');

function service() {
  const stores: Stores = createMemoryStores();
  const saved: Array<{ filename: string; png: Buffer; altText: string }> = [];
  const uploads: Array<{ filename: string; content: string }> = [];
  const deps: AvanceDeps = {
    ...progressPorts(stores),
    coordination: stores.coordination,
    guides: [makeGuide()],
    tz: 'America/Mexico_City',
    now: () => NOW,
    saveChart: async (chart) => {
      saved.push(chart);
      return `la guardé en /tmp/${chart.filename}`;
    },
    uploadFile: async (file) => {
      uploads.push(file);
    },
  };
  const run = async (channelId: string, text: string, userId = 'U1') => {
    const request: Request = { text, userId, teamId: 'T1', channelId, source: 'command' };
    const reply = await handleAvance(request, deps);
    return { reply, json: JSON.stringify(reply.blocks), text: reply.text };
  };
  return { stores, deps, run, saved, uploads };
}

describe('the coordination verbs’ grammar', () => {
  it.each([
    ['institucion Secretaría de Economía', { kind: 'institution-set', name: 'Secretaría de Economía' }],
    [
      'institución   Instituto   Nacional &amp; Co',
      { kind: 'institution-set', name: 'Instituto Nacional & Co' },
    ],
    ['institucion', { kind: 'institution-show' }],
    ['institucion quitar', { kind: 'institution-clear' }],
    ['coordinacion', { kind: 'coordination' }],
    ['Coordinación exportar', { kind: 'coordination-export' }],
    ['coordinacion mover', { kind: 'coordination-move' }],
    ['semanal lun 09:00', { kind: 'weekly', day: 1, time: '09:00' }],
    ['semanal 7:30 viernes', { kind: 'weekly', day: 5, time: '07:30' }],
    ['semanal miércoles', { kind: 'weekly', day: 3, time: '09:00' }],
    ['semanal off', { kind: 'weekly-off' }],
    ['semanal', { kind: 'weekly-show' }],
    ['grafica', { kind: 'chart' }],
  ])('%s', (text, expected) => {
    expect(parseCoordination(text)).toEqual(expected);
  });

  it.each([
    ['semanal lun-vie 09:00', /un solo día/],
    ['semanal lun 25:00', /HH:MM/],
    ['semanal constructor', /un solo día/],
    ['coordinacion borrar', /Uso/],
    [`institucion ${'x'.repeat(121)}`, /muy largo/],
    ['institucion <!channel>', /menciones/],
    ['institucion \u0000\u200b', /Indica el nombre/],
  ])('refuses «%s» in Spanish', (text, message) => {
    const parsed = parseCoordination(text);
    expect(parsed?.kind).toBe('error');
    if (parsed?.kind === 'error') expect(parsed.message).toMatch(message);
  });

  it('never reads Object.prototype as a day of the week (also for /avance diario)', () => {
    for (const word of ['constructor', '__proto__', 'toString', 'hasOwnProperty']) {
      expect(parseDays(word)).toBeUndefined();
    }
  });

  it('leaves every other verb to the main /avance grammar', () => {
    for (const text of ['', 'completar 1.1', 'diario 09:00', 'exportar', 'toString', '__proto__']) {
      expect(parseCoordination(text)).toBeUndefined();
    }
  });
});

describe('/avance institucion, coordinacion, semanal', () => {
  it('names a channel’s institution (starting its tracker) and keeps it out of the coordination channel', async () => {
    const s = service();
    expect((await s.run('CA', 'institucion Secretaría de Economía')).text).toContain(
      '*Secretaría de Economía*',
    );
    const tracker = await s.stores.trackers.getTracker('T1', 'CA');
    expect(tracker).toBeDefined();
    expect(await s.stores.coordination.institutionOf(tracker?.id ?? 0)).toBe('Secretaría de Economía');
    expect((await s.run('CA', 'institucion SE')).text).toContain('(antes: Secretaría de Economía)');
    expect((await s.run('CA', 'institucion')).text).toContain('Este canal es de *SE*');
    await s.run('CCOORD', 'coordinacion');
    expect((await s.run('CCOORD', 'institucion X')).text).toContain('canal de coordinación');
    expect(await s.stores.trackers.getTracker('T1', 'CCOORD')).toBeUndefined();
  });

  it('refuses the overview, the CSV and the chart of others to a team channel', async () => {
    const s = service();
    await s.run('CA', 'completar 1.1');
    await s.run('CB', 'institucion Comisión Nacional del Agua');
    expect((await s.run('CA', 'coordinacion exportar')).text).toContain('no tiene canal de coordinación');
    await s.run('CCOORD', 'coordinacion');
    const refused = await s.run('CA', 'coordinacion');
    expect(refused.text).toContain('Solo el canal de coordinación (<#CCOORD>)');
    expect(refused.json).not.toContain('Comisión');
    expect((await s.run('CA', 'coordinacion exportar')).text).toContain('Solo el canal de coordinación');
    expect(s.uploads).toHaveLength(0);
    // A team's chart is its own: 1 of its steps, not the workspace.
    const chart = await s.run('CA', 'grafica');
    expect(chart.text).toContain('la guardé en /tmp/avance-2026-12-01.png');
    expect(s.saved[0]?.altText).toContain('1 de 6 pasos completados');
    expect(decodePng(s.saved[0]?.png ?? Buffer.alloc(0)).width).toBeGreaterThan(500);
  });

  it('in the coordination channel shows the overview, exports everything and draws institutions × phases', async () => {
    const s = service();
    await s.run('CA', 'institucion Secretaría de Economía');
    await s.run('CB', 'completar 1.1');
    const set = await s.run('CCOORD', 'coordinacion', 'U7');
    expect(set.text).toContain('Este es ahora el canal de coordinación');
    expect(set.json).toContain('2 canales');
    expect((await s.run('CCOORD', 'coordinacion exportar')).text).toContain(
      'Subí `coordinacion-2026-12-01.csv`',
    );
    expect(s.uploads[0]?.content.split('\r\n').filter(Boolean)).toHaveLength(1 + 2 * 6);
    expect((await s.run('CCOORD', 'grafica')).text).toContain('avance-coordinacion-2026-12-01.png');
    expect(s.saved[0]?.altText).toContain('Secretaría de Economía: Planea 0 %');
    expect(s.saved[0]?.altText).toContain('Sin institución (CB)');
  });

  it('puts the CSV in a code block, saying it is cut, when there is no uploader', async () => {
    const s = service();
    delete s.deps.uploadFile;
    for (const c of ['C1', 'C2', 'C3', 'C4', 'C5', 'C6']) await s.run(c, `institucion Institución ${c}`);
    await s.run('CCOORD', 'coordinacion');
    const res = await s.run('CCOORD', 'coordinacion exportar');
    expect(res.json).toContain('Aquí está el CSV');
    expect(res.json).toContain('Solo caben las primeras filas');
  });

  it('sets the weekly report only where it has something to tell', async () => {
    const s = service();
    expect((await s.run('CX', 'semanal lun 09:00')).text).toContain('canal de un equipo que lleva el avance');
    await s.run('CA', 'completar 1.1');
    const set = await s.run('CA', 'semanal mar 09:00');
    expect(set.text).toContain('los martes a las 09:00');
    expect(set.text).toContain('El primero sale en unos minutos');
    expect(await s.stores.coordination.weekly('T1', 'CA')).toEqual({ enabled: true, day: 2, time: '09:00' });
    expect((await s.run('CA', 'semanal')).text).toContain('los martes a las 09:00');
    expect((await s.run('CA', 'semanal off')).text).toContain('apagado');
    const [last] = await s.stores.coordination.events('T1', { limit: 1 });
    expect(last).toMatchObject({ kind: 'weekly.settings', userId: 'U1', after: { enabled: false } });
  });

  it('lists the new verbs in /avance ayuda', async () => {
    const help = await service().run('CA', 'ayuda');
    expect(help.text).toContain('/avance coordinacion');
    expect(help.text).toContain('/avance semanal lun 09:00');
    expect(help.text).toContain('/avance institucion');
  });
});

describe('the Home tab’s coordination section', () => {
  it('is shown only to the person who set the coordination channel', async () => {
    const s = service();
    await s.run('CA', 'institucion Secretaría de Economía');
    await s.run('CCOORD', 'coordinacion', 'UBOSS');
    const section = createCoordinationHomeSection(s.deps);
    const mine = JSON.stringify(await section('UBOSS', 'T1'));
    expect(mine).toContain('Coordinación');
    expect(mine).toContain('Secretaría de Economía');
    expect(await section('U1', 'T1')).toEqual([]);
    expect(await section('UBOSS', 'T2')).toEqual([]);
  });
});

describe('the institution in a team’s own views', () => {
  it('shows in its /avance overview and the title of its export', async () => {
    const s = service();
    await s.run('CA', 'institucion Secretaría de Economía');
    expect((await s.run('CA', '')).json).toContain('Institución: *Secretaría de Economía*');
    await s.run('CA', 'exportar');
    expect((s.uploads[0] as { title?: string } | undefined)?.title).toContain('Secretaría de Economía');
  });
});
