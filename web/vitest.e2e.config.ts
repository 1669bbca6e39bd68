// Browser tests (web/e2e): vitest as the runner, playwright-core driving Debian's chromium.
// Two files at a time on two cores: each suite starts its own server (a free port, its own data
// dir) and its own browser, so files share nothing; a browser test mostly waits on rendering and
// round trips, which the other file fills.
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    environment: 'node',
    include: ['e2e/**/*.spec.ts'],
    fileParallelism: true,
    maxWorkers: 2,
    minWorkers: 1,
    testTimeout: 60_000,
    hookTimeout: 120_000,
  },
});
