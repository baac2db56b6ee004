import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDb } from '../../src/adapters/sqlite/db.ts';
import { createSqliteStores } from '../../src/adapters/sqlite/index.ts';
import report from '../../src/cli/commands/report.ts';
import { runCommand } from './run-command.ts';

const dir = mkdtempSync(join(tmpdir(), 'guia-report-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const run = (args: string[]) => runCommand(report, args);

describe('guia report feedback', () => {
  const file = join(dir, 'guia.db');
  beforeAll(async () => {
    const stores = createSqliteStores(await openDb(file));
    const at = new Date('2026-03-02T17:30:00Z');
    await stores.feedback.recordFeedback(
      {
        teamId: 'T1',
        userId: 'U1',
        channelId: 'C1',
        vote: -1,
        question: '¿quién participa en el 2.1?',
        stepId: '2.1',
        guide: 'guia-2017',
      },
      at,
    );
    await stores.feedback.recordFeedback(
      { teamId: 'T1', userId: 'U2', channelId: 'C1', vote: 1, question: 'plazo 1.1', stepId: '1.1' },
      at,
    );
    await stores.feedback.recordUnanswered(
      {
        teamId: 'T1',
        userId: 'U3',
        channelId: 'D1',
        source: 'dm',
        question: '¿y el presupuesto?',
        outcome: 'no_match',
        confidence: 0,
      },
      at,
    );
    await stores.close();
  });

  it('prints the votes and the unanswered questions for the guide editors', async () => {
    const { code, stdout } = await run(['feedback', '--db', file]);
    expect(code).toBe(0);
    expect(stdout).toBe(
      [
        'Opiniones sobre las respuestas: 2 (👍 1 · 👎 1)',
        '  2026-03-02 17:30  👎  paso 2.1 (guia-2017)  «¿quién participa en el 2.1?»  U1',
        '  2026-03-02 17:30  👍  paso 1.1  «plazo 1.1»  U2',
        '',
        'Preguntas sin respuesta clara: 1',
        '  2026-03-02 17:30  sin coincidencia  «¿y el presupuesto?»  (dm, U3)',
        '',
      ].join('\n'),
    );
  });

  it('--json gives both lists', async () => {
    const { stdout } = await run(['feedback', '--db', file, '--json']);
    const parsed = JSON.parse(stdout) as { feedback: unknown[]; unanswered: unknown[] };
    expect(parsed.feedback).toHaveLength(2);
    expect(parsed.unanswered).toMatchObject([{ question: '¿y el presupuesto?', source: 'dm' }]);
  });

  it('a missing database is reported in Spanish and not created', async () => {
    const missing = join(dir, 'nope', 'guia.db');
    const { code, stderr } = await run(['feedback', '--db', missing]);
    expect(code).toBe(1);
    expect(stderr).toContain('No existe la base de datos');
    expect(existsSync(missing)).toBe(false);
  });

  it('an unknown report is a usage error', async () => {
    const { code, stderr } = await run(['ventas', '--db', file]);
    expect(code).toBe(2);
    expect(stderr).toContain('informe desconocido: ventas');
  });
});
