// Browser tests (web/e2e): vitest as the runner, playwright-core driving Debian's chromium.
// One file at a time; each suite starts its own server.
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    environment: 'node',
    include: ['e2e/**/*.spec.ts'],
    fileParallelism: false,
    testTimeout: 60_000,
    hookTimeout: 120_000,
  },
});
