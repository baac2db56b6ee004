import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';

const repo = fileURLToPath(new URL('../../', import.meta.url));
const dir = mkdtempSync(join(tmpdir(), 'guia-local-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Runs `npm start` with no Slack tokens, feeding `input` on stdin (not a TTY). */
function npmStart(input: string, env: Record<string, string> = {}) {
  return new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve, reject) => {
    const child = spawn('npm', ['start', '--silent'], {
      cwd: repo,
      env: {
        PATH: process.env.PATH ?? '',
        HOME: process.env.HOME ?? dir,
        // Set but empty: beats any developer .env, and means "no Slack".
        SLACK_BOT_TOKEN: '',
        SLACK_APP_TOKEN: '',
        SLACK_SIGNING_SECRET: '',
        GUIA_DB: join(dir, 'data', 'guia.db'),
        LOG_LEVEL: 'warn',
        ...env,
      },
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => {
      stdout += d.toString();
    });
    child.stderr.on('data', (d: Buffer) => {
      stderr += d.toString();
    });
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
    child.stdin.end(input);
  });
}

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
    // Readable text, not Slack markup.
    expect(stdout).not.toMatch(/<https?:|&lt;|&amp;|"type":/);
  }, 30_000);

  it('stops with a Spanish message naming the variable when the configuration is wrong', async () => {
    const { code, stderr, stdout } = await npmStart('', { GUIA_TZ: 'Marte/Olimpo' });
    expect(code).toBe(1);
    expect(stderr).toContain('GUIA_TZ');
    expect(stderr).toContain('zona horaria');
    expect(stdout).toBe('');
  }, 30_000);
});
