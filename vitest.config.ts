import { defineConfig } from 'vitest/config';

// lavapipe runs shaders on the CPU and this machine has two cores: run test files two at a time
// and give GPU work room before calling it hung.
export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    globalSetup: ['test/global-setup.ts'],
    pool: 'forks',
    maxWorkers: 2,
    testTimeout: 120_000,
    hookTimeout: 120_000,
  },
});
