/**
 * Global setup: gives the test files a folder where each PostgreSQL suite notes whether it ran or was
 * skipped, and at the end prints one line listing the skipped suites (or how many ran). With
 * GUIA_REQUIRE_POSTGRES=1 (.ci/run) a skipped suite fails the run.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';

declare module 'vitest' {
  export interface ProvidedContext {
    postgresMarkerDir: string;
  }
}

export default function setup(project: TestProject) {
  const dir = mkdtempSync(join(tmpdir(), 'guia-pg-suites-'));
  project.provide('postgresMarkerDir', dir);
  return () => {
    const file = join(dir, 'suites.txt');
    const lines = existsSync(file) ? readFileSync(file, 'utf8').split('\n').filter(Boolean) : [];
    rmSync(dir, { recursive: true, force: true });
    const ran = new Set<string>();
    const skipped = new Set<string>();
    for (const line of lines) {
      const [kind, name = ''] = line.split('\t');
      (kind === 'ran' ? ran : skipped).add(name);
    }
    if (skipped.size > 0) {
      const message =
        `PostgreSQL: ${skipped.size} suites skipped because GUIA_TEST_DATABASE_URL is not set: ` +
        `${[...skipped].sort().join('; ')}`;
      console.log(`\n${message}\n`);
      if (process.env.GUIA_REQUIRE_POSTGRES === '1') {
        process.exitCode = 1;
        throw new Error(`${message} (GUIA_REQUIRE_POSTGRES=1)`);
      }
    } else if (ran.size > 0) {
      console.log(`\nPostgreSQL: ${ran.size} suites ran against GUIA_TEST_DATABASE_URL.\n`);
    }
  };
}
