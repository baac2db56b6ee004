import { describe, expect, it } from 'vitest';
import { coordinationCsv } from '../../src/coordination/csv.ts';
import { coordinationOverview, pageOf } from '../../src/coordination/overview.ts';
import { csvField } from '../../src/progress/csv.ts';
import {
  coordinationBlocks,
  homeCoordinationBlocks,
  OVERVIEW_PAGE_SIZE,
  pageFromButton,
} from '../../src/render/coordination.ts';
import { ACTIONS } from '../../src/render/ids.ts';
import { LIMITS } from '../../src/render/limits.ts';
import { completedOn, state, TODAY, TZ, threeInstitutions, view } from './fixtures.ts';

describe('the coordination overview', () => {
  it('lights each channel and sorts the riskiest first', () => {
    const { rows, lights, institutions } = coordinationOverview(threeInstitutions(), TODAY);
    expect(rows.map((r) => [r.trackerId, r.light])).toEqual([
      [3, 'red'],
      [4, 'yellow'], // blocked and (its start is today) nothing due: yellow for the block
      [2, 'yellow'],
      [1, 'green'],
    ]);
    expect(lights).toEqual({ red: 1, yellow: 2, green: 1 });
    expect(institutions).toBe(3);
    const late = rows[0];
    // 1.1 (30 days from 1 Sep: 1 Oct), 4.1 (10 Nov) and 2.1 (30 Nov) are open and past their deadline.
    expect(late?.overdue).toBe(3);
    expect(late?.maxDaysLate).toBe(61);
    expect(late?.percent).toBe(16);
    expect(rows[2]?.dueSoon).toBe(1);
  });

  it('orders ties the same way every time (institution, then channel)', () => {
    const views = [view(9, 'Zacatecas', TODAY), view(8, undefined, TODAY), view(7, 'Aguascalientes', TODAY)];
    const ids = coordinationOverview(views, TODAY).rows.map((r) => r.trackerId);
    expect(ids).toEqual([7, 9, 8]);
    expect(coordinationOverview([...views].reverse(), TODAY).rows.map((r) => r.trackerId)).toEqual(ids);
  });

  it('shows institution, channel, guide, percent, phases, late and soon, last activity and the light', () => {
    const { text, blocks } = coordinationBlocks(coordinationOverview(threeInstitutions(), TODAY), 1, TZ);
    const body = JSON.stringify(blocks);
    expect(text).toContain('4 canales');
    expect(body).toContain('🔴 *Comisión Nacional del Agua* · <#C300> · Guía de prueba');
    expect(body).toContain('*16 %* (1/6) · Planea 1/2 · Publica 0/2');
    expect(body).toContain('*3 vencidos* (el más atrasado: 61 días)');
    expect(body).toContain('1 en 7 días');
    expect(body).toContain('1 bloqueado');
    expect(body).toContain('última actividad: 28 nov 2026');
    expect(body).toContain('🟢 *Secretaría de Turismo*');
    expect(body).not.toContain(ACTIONS.coordinationMore);
    expect(body.indexOf('Comisión Nacional')).toBeLessThan(body.indexOf('Secretaría de Economía'));
  });

  it('pages hundreds of channels with «Ver más», saying which ones each page shows', () => {
    const views = Array.from({ length: 305 }, (_, i) => view(i + 1, `Institución ${i + 1}`, TODAY));
    const overview = coordinationOverview(views, TODAY);
    const first = coordinationBlocks(overview, 1, TZ);
    expect(first.blocks.length).toBeLessThanOrEqual(LIMITS.messageBlocks);
    const button = JSON.stringify(first.blocks.at(-1));
    expect(button).toContain(ACTIONS.coordinationMore);
    expect(button).toContain('Ver más (2 de 16)');
    expect(JSON.stringify(first.blocks)).toContain(`Canales 1–${OVERVIEW_PAGE_SIZE} de 305`);
    const value = (first.blocks.at(-1) as { elements: Array<{ value: string }> }).elements[0]?.value;
    expect(pageFromButton(value)).toBe(2);
    const last = coordinationBlocks(overview, 16, TZ);
    expect(JSON.stringify(last.blocks)).toContain('Canales 301–305 de 305');
    expect(JSON.stringify(last.blocks)).not.toContain(ACTIONS.coordinationMore);
    // Every channel appears on exactly one page.
    const seen = new Set<string>();
    for (let p = 1; p <= 16; p += 1) {
      for (const m of JSON.stringify(coordinationBlocks(overview, p, TZ).blocks).matchAll(/<#(C\d+)>/g)) {
        expect(seen.has(m[1] ?? '')).toBe(false);
        seen.add(m[1] ?? '');
      }
    }
    expect(seen.size).toBe(305);
    for (const b of first.blocks) {
      if (b.type === 'section') expect(b.text?.text.length ?? 0).toBeLessThanOrEqual(LIMITS.sectionText);
    }
  });

  it('reads a forged or old page button as the first page and clamps pages out of range', () => {
    expect(pageFromButton('{"p":"2"}')).toBe(1);
    expect(pageFromButton('no json')).toBe(1);
    expect(pageFromButton('{"p":-3}')).toBe(1);
    expect(pageOf([1, 2, 3], 99, 2)).toMatchObject({ page: 2, items: [3] });
  });

  it('says how to start when no channel tracks progress yet', () => {
    const { blocks } = coordinationBlocks(coordinationOverview([], TODAY), 1, TZ);
    expect(JSON.stringify(blocks)).toContain('Todavía ningún canal');
  });

  it('keeps institution names inert in mrkdwn', () => {
    const views = [view(1, '<!channel> *Instituto* & <@U999>', TODAY)];
    const body = JSON.stringify(coordinationBlocks(coordinationOverview(views, TODAY), 1, TZ).blocks);
    expect(body).not.toContain('<!channel>');
    expect(body).not.toContain('<@U999>');
    expect(body).toContain('&lt;!channel&gt;');
  });

  it('fits the Home tab: the riskiest ten and a pointer to the channel', () => {
    const views = Array.from({ length: 30 }, (_, i) => view(i + 1, `Institución ${i + 1}`, TODAY));
    const blocks = homeCoordinationBlocks(coordinationOverview(views, TODAY), 'CCOORD', TZ);
    expect(blocks.length).toBe(13);
    expect(JSON.stringify(blocks.at(-1))).toContain('20 canales más');
    expect(JSON.stringify(blocks.at(-1))).toContain('<#CCOORD>');
  });
});

describe('the coordination CSV', () => {
  const parse = (csv: string) => csv.trimEnd().split('\r\n');

  it('has one row per tracker × step with status, owner, dates and days late', () => {
    const { rows } = coordinationOverview(threeInstitutions(), TODAY);
    const lines = parse(coordinationCsv(rows, TODAY, TZ));
    expect(lines[0]).toBe(
      'institucion,canal,guia,paso,titulo,fase,estado,responsable,iniciado,vence,completado,dias_de_retraso,motivo_bloqueo',
    );
    expect(lines).toHaveLength(1 + 4 * 6);
    expect(lines).toContain(
      'Comisión Nacional del Agua,C300,guia-prueba,1.1,Paso 1.1,Planea,pendiente,U1,,2026-10-01,,61,',
    );
    // Completed 20 Sep against a deadline of 15 Sep: five days late.
    expect(lines).toContain(
      'Comisión Nacional del Agua,C300,guia-prueba,1.2,Paso 1.2,Planea,completado,,2026-09-20,2026-09-15,2026-09-20,5,',
    );
    // A review that only repeats cannot be late; a step without deadline has none.
    expect(lines.find((l) => l.startsWith('Comisión Nacional del Agua,C300,guia-prueba,2.2,'))).toMatch(
      /,2027-01-01,,,$/,
    );
    expect(lines).toContain(
      'Secretaría de Turismo,C400,guia-prueba,1.1,Paso 1.1,Planea,bloqueado,,,2026-12-31,,0,Falta el oficio',
    );
  });

  it('never lets a spreadsheet run a cell as a formula', () => {
    for (const hostile of ['=HYPERLINK("http://x")', '+1', '-2+3', '@SUM(A1)', ' =1+1', '\t=1', '＝1+1']) {
      const cell = csvField(hostile);
      expect(cell.replace(/^"/, '').startsWith("'")).toBe(true);
    }
    expect(csvField('Secretaría de Economía')).toBe('Secretaría de Economía');
    expect(csvField('a,b')).toBe('"a,b"');
    const views = [
      view(1, '=cmd|"/c calc"!A1', TODAY, [state('1.1', { status: 'bloqueado', blockedReason: '@evil' })]),
    ];
    const csv = coordinationCsv(coordinationOverview(views, TODAY).rows, TODAY, TZ);
    expect(csv).toContain(`"'=cmd|""/c calc""!A1"`);
    expect(csv).toContain(",'@evil");
    expect(csv).not.toMatch(/(^|,)[=@+-]/m);
  });

  it('counts a completed step late only up to the day it was completed', () => {
    const views = [view(1, 'X', '2026-09-01', [completedOn('1.1', '2026-09-30')])];
    const lines = parse(coordinationCsv(coordinationOverview(views, TODAY).rows, TODAY, TZ));
    expect(lines.find((l) => l.includes(',1.1,'))).toMatch(/,2026-10-01,2026-09-30,0,$/);
  });
});
