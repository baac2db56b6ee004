import { defineConfig } from 'vitest/config';

/**
 * Two projects, both run by `npm test`: `unit` (pure code and in-memory ports: no database file, no
 * server, no child process; seconds) and `e2e` (real SQLite files, PostgreSQL, the Bolt HTTP receiver
 * against the fake Slack, spawned processes). A new test file is unit unless it matches E2E below.
 * `npx vitest run --project unit` runs the fast layer alone.
 */
const E2E = [
  'test/**/*.e2e.test.ts',
  'test/**/*.process.test.ts',
  'test/slack/process.test.ts',
  'test/contract/{sqlite,postgres,postgres-replicas}.test.ts',
  'test/store/**/*.test.ts',
  'test/cli/**/*.test.ts',
  'test/local/**/*.test.ts',
  'test/app/**/*.test.ts',
  'test/avance/**/*.test.ts',
  'test/schedule/{daily,post-daily}.test.ts',
  'test/ports/**/*-sqlite.test.ts',
];

export default defineConfig({
  test: {
    testTimeout: 20_000,
    hookTimeout: 20_000,
    // Lists the PostgreSQL suites that were skipped (no GUIA_TEST_DATABASE_URL); fails in CI if any was.
    globalSetup: ['test/setup/postgres-summary.ts'],
    projects: [
      { extends: true, test: { name: 'unit', include: ['test/**/*.test.ts'], exclude: E2E } },
      { extends: true, test: { name: 'e2e', include: E2E } },
    ],
  },
});
