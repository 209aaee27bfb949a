/**
 * The bench's own Vite server for test/browser/pages and a Chromium to open them in. Own cache
 * dir (node_modules/.vite-bench), so a browser test running beside the bench never re-optimises
 * under it; @tensorflow/tfjs-layers is pre-bundled too (the baseline page needs it, and a late
 * Vite discovery would reload the page mid-measurement). ../shared is allowed (/@fs URLs).
 */
import { realpathSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { resolve } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { createLogger, createServer, defaultClientConditions, type Logger, type ViteDevServer } from 'vite';
import {
  chromiumLaunchOptions,
  defaultArgs,
  fakeMediaArgs,
  type FakeMedia,
} from '../../test/browser/harness/chromium.ts';
import { pagesDir, repoRoot, sharedDir } from '../../test/browser/harness/paths.ts';
import { prebundled } from '../../test/browser/harness/server.ts';

/** Vite at 'warn', minus its complaint that MediaPipe's bundle names a source map it does not ship. */
function quietLogger(): Logger {
  const base = createLogger('warn');
  const noise = (msg: string): boolean => msg.includes('Failed to load source map');
  return {
    ...base,
    warn: (msg, o) => void (noise(msg) || base.warn(msg, o)),
    error: (msg, o) => void (noise(msg) || base.error(msg, o)),
  };
}

export async function startBenchServer(): Promise<{ vite: ViteDevServer; origin: string }> {
  const vite = await createServer({
    configFile: false,
    resolve: { conditions: ['source', ...defaultClientConditions] },
    customLogger: quietLogger(),
    root: pagesDir,
    cacheDir: resolve(repoRoot, 'node_modules/.vite-bench'),
    clearScreen: false,
    server: {
      host: '127.0.0.1',
      port: 0,
      strictPort: true,
      hmr: false,
      ws: false,
      watch: null,
      fs: { strict: true, allow: [repoRoot, sharedDir, realpathSync(resolve(repoRoot, 'node_modules'))] },
    },
    optimizeDeps: {
      include: [...prebundled, '@tensorflow/tfjs-layers'],
      exclude: ['@mediapipe/tasks-vision'],
      entries: [],
    },
    worker: { format: 'es' },
  });
  await vite.listen();
  const address = vite.httpServer?.address() as AddressInfo | null;
  if (address === null || typeof address !== 'object') throw new Error('Vite did not bind a TCP port');
  return { vite, origin: `http://127.0.0.1:${address.port}` };
}

export interface PageRunner {
  readonly version: string;
  /**
   * Opens `pages/<path>` in a fresh context, awaits `window.run(args)` (a test-harness page) and
   * returns its JSON result, or `{ error }` (page exception, timeout). `errors` collects uncaught
   * page errors of that run.
   */
  run<R>(path: string, args: unknown, timeoutMs: number): Promise<R | { error: string }>;
  close(): Promise<void>;
}

const firstLine = (e: unknown): string => (e instanceof Error ? (e.message.split('\n')[0] ?? e.message) : String(e));

/** Vite + Chromium (optionally with a fake camera/mic and extra switches) for harness pages. */
export async function startPageRunner(
  opts: { fakeMedia?: FakeMedia; args?: readonly string[] } = {},
): Promise<PageRunner> {
  const { vite, origin } = await startBenchServer();
  let browser: Browser;
  try {
    browser = await chromium.launch({
      ...(await chromiumLaunchOptions()),
      args: [...defaultArgs, ...(opts.fakeMedia ? fakeMediaArgs(opts.fakeMedia) : []), ...(opts.args ?? [])],
    });
  } catch (e) {
    await vite.close();
    throw e;
  }
  return {
    version: browser.version(),
    async run<R>(path: string, args: unknown, timeoutMs: number): Promise<R | { error: string }> {
      const context = await browser.newContext();
      const errors: string[] = [];
      let timer: NodeJS.Timeout | undefined;
      try {
        const page: Page = await context.newPage();
        page.on('pageerror', (e) => errors.push(e.message));
        await page.goto(`${origin}/${path}`);
        await page.waitForFunction(() => typeof window.run === 'function', undefined, { timeout: 60_000 });
        const work = page.evaluate(async (a) => JSON.stringify(await window.run!(a)), args);
        const expire = new Promise<never>((_, reject) => {
          timer = setTimeout(() => reject(new Error(`timed out after ${timeoutMs} ms`)), timeoutMs);
        });
        return JSON.parse(await Promise.race([work, expire])) as R;
      } catch (e) {
        return { error: `${firstLine(e)}${errors.length > 0 ? ` (page errors: ${errors.join(' | ')})` : ''}` };
      } finally {
        clearTimeout(timer);
        await context.close();
      }
    },
    async close() {
      await browser.close();
      await vite.close();
    },
  };
}
