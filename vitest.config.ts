import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    testTimeout: 20_000,
    hookTimeout: 20_000,
    // Lists the PostgreSQL suites that were skipped (no GUIA_TEST_DATABASE_URL); fails in CI if any was.
    globalSetup: ['test/setup/postgres-summary.ts'],
  },
});
