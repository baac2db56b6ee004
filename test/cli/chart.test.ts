import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDb } from '../../src/adapters/sqlite/db.ts';
import { createSqliteStores } from '../../src/adapters/sqlite/index.ts';
import chart from '../../src/cli/commands/chart.ts';
import { decodePng } from '../helpers/png.ts';
import { CONTENT_DIR } from '../helpers/slack-app.ts';
import { runCommand } from './run-command.ts';

const dir = mkdtempSync(join(tmpdir(), 'guia-chart-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const file = join(dir, 'guia.db');
const run = (args: string[]) =>
  runCommand(chart, ['--db', file, '--content', CONTENT_DIR, '--now', '2026-02-10T10:00', ...args]);

describe('guia chart', () => {
  beforeAll(async () => {
    const stores = createSqliteStores(await openDb(file));
    const actor = { userId: 'U1', source: 'test', at: '2026-02-01T15:00:00.000Z' };
    const team = await stores.trackers.createTracker(
      { teamId: 'T1', channelId: 'CECON', guideId: 'guia-2017', startDate: '2025-12-01' },
      actor,
    );
    await stores.coordination.setInstitution(team, 'Secretaría de Economía', actor);
    await stores.steps.changeStep(team.id, 'guia-2017', '1.1', 'step.status', actor, (b) => ({
      ok: true,
      next: {
        ...b,
        status: 'completado',
        completedAt: '2026-01-20T17:00:00.000Z',
        startedAt: '2026-01-20T17:00:00.000Z',
      },
    }));
    await stores.coordination.setCoordinationChannel('T1', 'CCOORD', actor);
    await stores.close();
  });

  it('writes a team channel’s chart to a PNG and describes it', async () => {
    const out = join(dir, 'equipo.png');
    const { code, stdout } = await run(['--channel', 'CECON', '--out', out]);
    expect(code).toBe(0);
    expect(stdout).toContain('Avance · Secretaría de Economía');
    expect(stdout).toContain('1 de 14 pasos completados');
    const png = decodePng(readFileSync(out));
    expect(stdout).toContain(`${png.width}×${png.height} px`);
  });

  it('writes the coordination channel’s institutions × phases chart', async () => {
    const out = join(dir, 'coordinacion.png');
    const { code, stdout } = await run(['--channel', 'CCOORD', '--out', out]);
    expect(code).toBe(0);
    expect(stdout).toContain('Mapa de calor del avance por institución y fase');
    expect(decodePng(readFileSync(out)).width).toBeGreaterThan(600);
  });

  it('says so for a channel that tracks nothing, and for bad options, writing no file', async () => {
    const out = join(dir, 'nada.png');
    const none = await run(['--channel', 'CNADA', '--out', out]);
    expect(none.code).toBe(1);
    expect(none.stderr).toContain('no lleva el avance ni es el canal de coordinación');
    expect((await run(['--out', out])).stderr).toContain('falta --channel');
    expect((await run(['--channel', 'C1;rm', '--out', out])).code).toBe(2);
    expect((await run(['--channel', 'CECON', '--out', join(dir, 'x.txt')])).stderr).toContain('.png');
    expect(existsSync(out)).toBe(false);
  });
});
