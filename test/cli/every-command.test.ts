import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { openDb } from '../../src/adapters/sqlite/db.ts';
import type { CliCommand } from '../../src/cli/command.ts';
import { runGuia } from './guia-process.ts';
import { runCommand } from './run-command.ts';

const root = fileURLToPath(new URL('../../', import.meta.url));
const content = join(root, 'content');
const dir = mkdtempSync(join(tmpdir(), 'guia-every-command-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('the guia command line', () => {
  it('every command takes --content DIR and --help, and prints its usage', async () => {
    // The list the dispatcher itself prints, so a command added later is checked too.
    const listing = await runGuia([], { cwd: dir });
    const names = /Comandos: (.+)/.exec(listing.stderr)?.[1]?.split(', ') ?? [];
    expect(names).toEqual(
      expect.arrayContaining(['ask', 'list', 'post-daily', 'report', 'step', 'validate']),
    );
    for (const name of names) {
      const command = (await import(`../../src/cli/commands/${name}.ts`)).default as CliCommand;
      const run = await runCommand(command, ['--content', content, '--help']);
      expect({ name, code: run.code, stderr: run.stderr }).toEqual({ name, code: 0, stderr: '' });
      expect(run.stdout).toMatch(new RegExp(`^Uso: guia ${name}\\b`));
      expect(run.stdout).toContain('--content DIR');
    }
  }, 30_000);

  it('report feedback accepts --content like the others', async () => {
    const file = join(dir, 'guia.db');
    (await openDb(file)).close();
    const report = (await import('../../src/cli/commands/report.ts')).default;
    const run = await runCommand(report, ['feedback', '--content', content, '--db', file]);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('Opiniones sobre las respuestas: 0');
  });

  it('piped into a reader that stops early (guia list | head), it ends quietly instead of crashing', async () => {
    const run = await runGuia(['list', '--content', content], { cwd: dir, closeStdout: true });
    expect(run.stderr).not.toMatch(/EPIPE|Error/);
    expect(run.code).toBe(0);
  }, 30_000);
});
