import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import list from '../../src/cli/commands/list.ts';
import step from '../../src/cli/commands/step.ts';
import validate from '../../src/cli/commands/validate.ts';
import { runCommand } from './run-command.ts';

const good = fileURLToPath(new URL('../fixtures/content/good', import.meta.url));
const broken = fileURLToPath(new URL('../fixtures/content/broken', import.meta.url));
const root = fileURLToPath(new URL('../../', import.meta.url));

describe('guia validate', () => {
  it('shows a table of guides with step counts and exits 0 when the content is clean', async () => {
    const { code, stdout } = await runCommand(validate, ['--content', good]);
    expect(code).toBe(0);
    expect(stdout).toMatch(/guia-2015\s+1\s+Guía de prueba, primera edición/);
    expect(stdout).toMatch(/guia-2017 \*\s+3\s+Guía de prueba, segunda edición/);
    expect(stdout).toContain('guia-2017/introduccion/introduccion.md');
    expect(stdout).toContain('Sin problemas.');
  });

  it('lists every problem and exits 1 when there is one', async () => {
    const { code, stdout } = await runCommand(validate, ['--content', broken]);
    expect(code).toBe(1);
    expect(stdout).toContain('Problemas: 13');
    expect(stdout).toContain(
      'guia-rota/planea/paso-1-a.md · step_order: el número de paso «1.a» no tiene la forma N.N (por ejemplo 1.2)',
    );
  });

  it('--json prints exactly guides and problems', async () => {
    const { code, stdout } = await runCommand(validate, ['--json', '--content', good]);
    expect(code).toBe(0);
    expect(JSON.parse(stdout)).toEqual({
      guides: [
        { id: 'guia-2015', title: 'Guía de prueba, primera edición', steps: 1 },
        { id: 'guia-2017', title: 'Guía de prueba, segunda edición', steps: 3 },
      ],
      problems: [],
    });
  });

  it('reads the folder from GUIA_CONTENT_DIR when there is no --content', async () => {
    const { code, stdout } = await runCommand(validate, ['--json'], { GUIA_CONTENT_DIR: broken });
    expect(code).toBe(1);
    const report = JSON.parse(stdout) as {
      problems: Array<{ file: string; field: string; message: string }>;
    };
    expect(report.problems).toContainEqual({
      file: 'guia-rota/planea/sin-titulo.md',
      field: 'title',
      message: 'falta el título del paso (title)',
    });
  });

  it('a missing content folder is a Spanish problem and exit 1', async () => {
    const { code, stdout } = await runCommand(validate, ['--content', '/no/existe']);
    expect(code).toBe(1);
    expect(stdout).toContain('no existe la carpeta de contenido «/no/existe»');
  });

  it.each([
    [['--bogus'], 'opción desconocida: --bogus'],
    [['--content'], 'la opción --content necesita un valor'],
    [['extra'], 'argumento inesperado: extra'],
  ])('%j gives a Spanish usage message and exit 2', async (args, message) => {
    const { code, stdout, stderr } = await runCommand(validate, args);
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toContain(`Error: ${message}`);
    expect(stderr).toContain('Uso: guia validate');
  });
});

describe('guia step', () => {
  it('shows the default guide’s step in readable Spanish and points to the other edition', async () => {
    const { code, stdout } = await runCommand(step, ['4.1', '--content', good]);
    expect(code).toBe(0);
    expect(stdout).toContain('Paso 4.1 · Promueve: Dar a conocer los datos de prueba');
    // The guide's wording once, with no summary in parentheses repeating it; the guide id after a dash.
    expect(stdout).toContain('Plazo: 10 dias habiles\n');
    expect(stdout).toMatch(/^Guía: .+ — guia-2017$/m);
    expect(stdout).not.toMatch(/\)\s*\(/);
    expect(stdout).toContain('  • Área de Comunicación Digital');
    expect(stdout).toContain('  2. Difundir los datos en redes sociales');
    expect(stdout).toContain('Más información: https://datos.gob.mx/guia/promueve/paso-4-1.html');
    expect(stdout).toContain('También en guia-2015: guia step 4.1 --guide guia-2015');
  });

  it('--guide picks the edition and --json prints the Step object', async () => {
    const { code, stdout } = await runCommand(step, [
      '4.1',
      '--guide',
      'guia-2015',
      '--json',
      '--content',
      good,
    ]);
    expect(code).toBe(0);
    const seed = JSON.parse(stdout);
    expect(seed).toMatchObject({ guide: 'guia-2015', id: '4.1', deadline: { text: '180 días', days: 180 } });
    expect(seed.involved).toHaveLength(4);
  });

  it('accepts "4,1" for 4.1', async () => {
    const { code, stdout } = await runCommand(step, ['4,1', '--content', good]);
    expect(code).toBe(0);
    expect(stdout).toContain('Paso 4.1');
  });

  it('an unknown step lists the valid ids and exits 1', async () => {
    const { code, stderr } = await runCommand(step, ['9.9', '--content', good]);
    expect(code).toBe(1);
    expect(stderr).toBe('No existe el paso «9.9». Pasos válidos: 1.1, 1.3, 4.1\n');
  });

  it('an unknown guide lists the guides and exits 1', async () => {
    const { code, stderr } = await runCommand(step, ['4.1', '--guide', 'guia-1999', '--content', good]);
    expect(code).toBe(1);
    expect(stderr).toBe('No existe la guía «guia-1999». Guías disponibles: guia-2015, guia-2017\n');
  });

  it('without a step number gives usage and exit 2', async () => {
    const { code, stderr } = await runCommand(step, ['--content', good]);
    expect(code).toBe(2);
    expect(stderr).toContain('Error: falta el número de paso');
  });

  it('still answers from broken content, with a warning', async () => {
    const { code, stdout, stderr } = await runCommand(step, ['1.1', '--content', broken]);
    expect(code).toBe(0);
    expect(stdout).toContain('Un paso que sí carga');
    expect(stderr).toContain('el contenido tiene 13 problema(s)');
  });
});

describe('guia list', () => {
  it('lists each guide by phase with its deadlines, default guide first', async () => {
    const { code, stdout } = await runCommand(list, ['--content', good]);
    expect(code).toBe(0);
    expect(stdout.indexOf('(guia-2017) · predeterminada')).toBeLessThan(stdout.indexOf('(guia-2015)'));
    expect(stdout).toContain(
      '  Planea\n    1.1   Reunir al equipo de prueba\n          Plazo: 30 días naturales',
    );
    expect(stdout).toContain('Plazo: 90 días naturales; después, de manera continua');
  });

  it('--json prints every Step of all guides, or of the one named', async () => {
    const all = JSON.parse((await runCommand(list, ['--json', '--content', good])).stdout) as Array<{
      guide: string;
      id: string;
    }>;
    expect(all.map((s) => `${s.guide}:${s.id}`)).toEqual([
      'guia-2017:1.1',
      'guia-2017:1.3',
      'guia-2017:4.1',
      'guia-2015:4.1',
    ]);
    const one = JSON.parse(
      (await runCommand(list, ['--json', '--guide', 'guia-2015', '--content', good])).stdout,
    );
    expect(one).toHaveLength(1);
  });

  it('a missing content folder says so and exits 1', async () => {
    const { code, stderr } = await runCommand(list, [], { GUIA_CONTENT_DIR: '/no/existe' });
    expect(code).toBe(1);
    expect(stderr).toContain('No hay ninguna guía que consultar.');
  });
});

describe('the guia executable', () => {
  const exec = promisify(execFile);

  it('bin/guia.mjs validate runs as a child process and exits 1 on broken content', async () => {
    const ok = await exec(process.execPath, ['bin/guia.mjs', 'validate', '--content', good], { cwd: root });
    expect(ok.stdout).toContain('Sin problemas.');
    const failed = exec(process.execPath, ['bin/guia.mjs', 'validate', '--json', '--content', broken], {
      cwd: root,
    });
    await expect(failed).rejects.toMatchObject({ code: 1, stdout: expect.stringContaining('"problems"') });
  });

  it('`guia constructor` is an unknown command, like any other word', async () => {
    const run = exec(process.execPath, ['bin/guia.mjs', 'constructor'], { cwd: root });
    await expect(run).rejects.toMatchObject({
      code: 2,
      stderr: expect.stringMatching(/Comando desconocido: constructor/),
    });
  });

  it('an unknown command lists the content commands and exits 2', async () => {
    const run = exec(process.execPath, ['bin/guia.mjs', 'nada'], { cwd: root });
    await expect(run).rejects.toMatchObject({
      code: 2,
      stderr: expect.stringMatching(/list.*step.*validate/s),
    });
  });
});
