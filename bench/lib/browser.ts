/**
 * Runs the Chromium half of the benchmark: test/browser/pages/bench-model.html once per tfjs
 * backend, each in a fresh context. Uses the test harness' Chromium settings, but its own Vite
 * server because the baseline page also needs @tensorflow/tfjs-layers pre-bundled (a late Vite
 * discovery would reload the page mid-measurement), and its own Chromium flags for heap figures.
 */
import { realpathSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { resolve } from 'node:path';
import { chromium, type Browser } from 'playwright-core';
import { createServer, type ViteDevServer } from 'vite';
import { chromiumPath, defaultArgs } from '../../test/browser/harness/chromium.ts';
import { pagesDir, repoRoot } from '../../test/browser/harness/paths.ts';
import { prebundled } from '../../test/browser/harness/server.ts';
import type { BackendSelection } from '../../packages/sdk/src/backend/select.ts';
import type { BenchPageArgs, BenchPageResult } from '../../test/browser/pages/bench-model.ts';

export interface BrowserSession {
  readonly version: string;
  run(args: BenchPageArgs, timeoutMs: number): Promise<BenchPageResult | BackendSelection | { error: string }>;
  close(): Promise<void>;
}

async function startServer(): Promise<{ vite: ViteDevServer; origin: string }> {
  const vite = await createServer({
    configFile: false,
    logLevel: 'warn',
    root: pagesDir,
    cacheDir: resolve(repoRoot, 'node_modules/.vite-bench'),
    clearScreen: false,
    server: { host: '127.0.0.1', port: 0, strictPort: true, hmr: false, ws: false, watch: null, fs: { strict: true, allow: [repoRoot, realpathSync(resolve(repoRoot, 'node_modules'))] } },
    optimizeDeps: { include: [...prebundled, '@tensorflow/tfjs-layers'], exclude: ['@mediapipe/tasks-vision'], entries: [] },
    worker: { format: 'es' },
  });
  await vite.listen();
  const address = vite.httpServer?.address() as AddressInfo | null;
  if (address === null || typeof address !== 'object') throw new Error('Vite did not bind a TCP port');
  return { vite, origin: `http://127.0.0.1:${address.port}` };
}

export async function startBrowserSession(): Promise<BrowserSession> {
  const { vite, origin } = await startServer();
  let browser: Browser;
  try {
    browser = await chromium.launch({
      executablePath: chromiumPath,
      headless: true,
      args: [...defaultArgs, '--enable-precise-memory-info', '--js-flags=--expose-gc'],
    });
  } catch (e) {
    await vite.close();
    throw e;
  }
  return {
    version: browser.version(),
    async run(args, timeoutMs) {
      const context = await browser.newContext();
      try {
        const page = await context.newPage();
        const errors: string[] = [];
        page.on('pageerror', (e) => errors.push(e.message));
        await page.goto(`${origin}/bench-model.html`);
        await page.waitForFunction(() => typeof window.run === 'function', undefined, { timeout: 60_000 });
        const work = page.evaluate(async (a) => JSON.stringify(await window.run!(a)), args);
        const timer = new Promise<never>((_, reject) => setTimeout(() => reject(new Error(`timed out after ${timeoutMs} ms`)), timeoutMs));
        return JSON.parse(await Promise.race([work, timer])) as BenchPageResult | BackendSelection;
      } catch (e) {
        return { error: e instanceof Error ? e.message.split('\n')[0] ?? e.message : String(e) };
      } finally {
        await context.close();
      }
    },
    async close() {
      await browser.close();
      await vite.close();
    },
  };
}
