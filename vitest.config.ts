import { defineConfig } from 'vitest/config';

// Two projects: pure code runs in Node; anything touching workers, media or GPU runs in real
// headless Chromium driven from Node by playwright-core (test/browser/harness).
// Workspace packages resolve to their TypeScript sources (the "source" export condition); published
// packages resolve to dist/.
export default defineConfig({
  resolve: { conditions: ['source', 'module', 'node', 'development|production'] },
  ssr: { resolve: { conditions: ['source', 'module', 'node', 'development|production'] } },
  test: {
    projects: [
      {
        extends: true,
        test: {
          name: 'node',
          include: ['packages/*/src/**/*.test.ts', 'test/node/**/*.test.ts', 'test/reference/**/*.test.ts'],
          environment: 'node',
          testTimeout: 120_000,
          hookTimeout: 120_000,
        },
      },
      {
        extends: true,
        test: {
          name: 'browser',
          // test/outside: the packed packages in fresh host apps (Vite, esbuild, plain HTML) in Chromium.
          include: ['test/browser/**/*.test.ts', 'test/outside/**/*.test.ts'],
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
