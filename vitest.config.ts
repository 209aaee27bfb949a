import { defineConfig } from 'vitest/config';

// Two projects: pure code runs in Node; anything touching workers, media or GPU runs in real
// headless Chromium driven from Node by playwright-core (test/browser/harness).
export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'node',
          include: ['packages/*/src/**/*.test.ts', 'test/node/**/*.test.ts', 'test/reference/**/*.test.ts'],
          environment: 'node',
          testTimeout: 120_000,
          hookTimeout: 120_000,
        },
      },
      {
        test: {
          name: 'browser',
          include: ['test/browser/**/*.test.ts'],
          environment: 'node',
          testTimeout: 300_000,
          hookTimeout: 300_000,
          // One Chromium at a time: the machine has 2 cores and SwiftShader is CPU-bound.
          fileParallelism: false,
        },
      },
    ],
  },
});
