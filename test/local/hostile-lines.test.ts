import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { npmStart as runNpmStart } from '../helpers/npm-start.ts';

const dir = mkdtempSync(join(tmpdir(), 'guia-local-hostile-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const npmStart = (input: string) => runNpmStart(dir, input);

const NASTY = [
  '🙂🔥',
  'datos abiertos '.repeat(700),
  '¿quién? '.repeat(5000),
  '<!channel> ¿quién participa en el paso 2.1?',
  '<!here> <!everyone> <@U123> <#C1|canal> <https://x|y>',
  'datos &amp; más &lt;b&gt;',
  '\u202Eplazo\u200B del paso 1.2',
  "'; DROP TABLE progress_steps; --",
  '*bold* ~x~ ```code```',
  '/',
  '/guia',
  '/guia    ',
  '/guia 9.9',
  '/guia buscar',
  '/GUIA 1.2',
  '/avance',
  '/avance borrar 1.2',
  '/avance inicio 2026-02-30',
  '/avance inicio 2014-12-31',
  '/avance inicio mañana',
  '/avance asignar 1.2',
  '/avance asignar 1.2 <@U1|ana> <@U2|beto>',
  `/avance bloquear 1.2 ${'motivo '.repeat(800)}`,
  '/avance diario 25:00',
  '/avance diario 09:00 lun-dom',
  '/avance completar 1.2.3',
  '/avance 1,2',
  '/avance exportar',
  '/avance historial',
  '/nada de nada',
];

describe('npm start (terminal chat) fed hostile lines', () => {
  it('answers every line in Spanish, pings nobody, and exits 0 at the end of input', async () => {
    const { code, stdout, stderr } = await npmStart(`${NASTY.join('\n')}\n\n   \n`);
    expect(code, stderr).toBe(0);
    // Every non-empty line is echoed once and followed by a reply before the next one.
    const turns = stdout.split(/^> /m).slice(1);
    expect(turns).toHaveLength(NASTY.length);
    const replies = turns.map((turn) => turn.slice(turn.indexOf('\n') + 1).trim());
    for (const [i, reply] of replies.entries())
      expect(reply.length, NASTY[i]?.slice(0, 80)).toBeGreaterThan(0);
    expect(stdout).not.toContain('algo falló');
    // Slack draws :warning:; the terminal shows the emoji.
    expect(stdout).not.toContain(':warning:');
    expect(stdout).toContain('⚠️ No conozco borrar');
    expect(stdout).toContain('no es una fecha válida');
    expect(stdout).toContain('anterior a 2015');
    expect(stdout).toContain('una sola persona responsable');
    expect(stdout).toContain('Paso 1.2 bloqueado');
    expect(stdout).toContain('No conozco el comando /nada');
    // The bot's own words (not the echoed input) carry no broadcast.
    expect(replies.join('\n')).not.toMatch(/<!(channel|here|everyone)>/);
    expect(stderr).not.toMatch(/"level":(50|60)/);
  }, 60_000);
});
