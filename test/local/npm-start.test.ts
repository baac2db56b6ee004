import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { npmStart as runNpmStart } from '../helpers/npm-start.ts';

const dir = mkdtempSync(join(tmpdir(), 'guia-local-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const npmStart = (input: string, env: Record<string, string> = {}) => runNpmStart(dir, input, env);

describe('npm start without Slack tokens (terminal chat)', () => {
  it('answers each piped line, commands and questions alike, and exits at the end of input', async () => {
    const { code, stdout } = await npmStart(
      '/guia 4.1\n¿quién participa en el paso 2.1?\n/guia buscar inventario de datos\n/guia lista\n/avanzar algo\n',
    );
    expect(code).toBe(0);
    expect(stdout).toMatch(/^Guía de Datos Abiertos · modo local/);
    expect(stdout).toContain('Escribe una pregunta');
    // Both editions of 4.1, the default (2017) first.
    const first = stdout.indexOf('Paso 4.1');
    expect(first).toBeGreaterThan(0);
    expect(stdout.indexOf('Paso 4.1', first + 1)).toBeGreaterThan(first);
    expect(stdout).toContain('Administrador de Datos Abiertos');
    expect(stdout).toContain('Resultados para «inventario de datos»');
    expect(stdout).toContain('Perfecciona');
    expect(stdout).toContain('No conozco el comando /avanzar');
    // Readable text, not Slack markup: no links, entities, code marks or the terminal user's id.
    expect(stdout).not.toMatch(/<https?:|&lt;|&amp;|"type":|`|ULOCAL/);
  }, 30_000);

  it('/avance exportar shows the CSV on lines of its own, with no fence or log line in the conversation', async () => {
    const { code, stdout, stderr } = await npmStart('/avance\n/avance exportar\n');
    expect(code).toBe(0);
    const exported = stdout.slice(stdout.lastIndexOf('> /avance exportar'));
    expect(exported).not.toContain('`');
    expect(exported).toMatch(/^paso,titulo,/m);
    expect(exported).toMatch(/^1\.1,/m);
    // There is no Slack to upload to in the terminal: no failed upload, so no warning with a stack.
    expect(`${stdout}${stderr}`).not.toMatch(/"level"|Error: |\n\s+at /);
    expect(stderr).toBe('');
  }, 30_000);

  it('runs the whole team flow: create, assign by @name, check off, block, complete, history, export', async () => {
    const lines = [
      '/avance',
      '/avance asignar 1.2 @ana',
      '/avance hecho 1.2 1',
      '/avance bloquear 1.2 esperando el oficio de @beto',
      '/avance iniciar 1.2',
      '/avance completar 1.2',
      '/avance historial',
      '/avance exportar',
    ];
    const { code, stdout } = await npmStart(`${lines.join('\n')}\n`, {
      GUIA_DB: join(dir, 'flow', 'guia.db'),
    });
    expect(code).toBe(0);
    const replyTo = (line: string) => {
      const from = stdout.indexOf(`> ${line}\n`);
      const next = stdout.indexOf('\n> ', from + 1);
      return stdout.slice(from, next < 0 ? undefined : next);
    };
    expect(replyTo('/avance')).toContain('Empecé a llevar el avance');
    expect(replyTo('/avance asignar 1.2 @ana')).toContain('Listo: @ana es responsable del paso 1.2');
    expect(replyTo('/avance asignar 1.2 @ana')).toContain('Responsable: @ana');
    expect(replyTo('/avance hecho 1.2 1')).toContain('Marqué la actividad 1 del paso 1.2');
    expect(replyTo('/avance hecho 1.2 1')).toContain('☑️');
    expect(replyTo('/avance bloquear 1.2 esperando el oficio de @beto')).toContain(
      'Motivo del bloqueo: esperando el oficio de @beto',
    );
    expect(replyTo('/avance completar 1.2')).toContain('Paso 1.2 completado');
    // The history says «tú» for the person at the terminal (not «usted», not a Slack id), in order.
    const history = replyTo('/avance historial');
    expect(history).toMatch(
      /Tú completaste el paso 1\.2.*Tú desbloqueaste.*Tú bloqueaste.*Tú marcaste la actividad 1 del paso 1\.2.*Tú asignaste el paso 1\.2 a @ana/s,
    );
    expect(stdout.slice(0, stdout.indexOf('> /avance exportar'))).not.toMatch(/usted|ULOCAL|ULANA|<@/);
    const csv = replyTo('/avance exportar');
    expect(csv).toMatch(/^1\.2,.*completado/m);
  }, 30_000);

  it('stops with a Spanish message naming the variable when the configuration is wrong', async () => {
    const { code, stderr, stdout } = await npmStart('', { GUIA_TZ: 'Marte/Olimpo' });
    expect(code).toBe(1);
    expect(stderr).toContain('GUIA_TZ');
    expect(stderr).toContain('zona horaria');
    expect(stdout).toBe('');
  }, 30_000);
});
