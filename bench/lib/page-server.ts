/**
 * The bench's pages in Chromium: the browser tests' page server (test/browser/harness/server.ts)
 * serving the repository root, so the bench opens its own pages (bench/pages) and the test pages it
 * shares (test/browser/pages/video, …) by repository path. Own cache dir (node_modules/.vite-bench),
 * so a browser test running beside the bench never re-optimises under it; @tensorflow/tfjs-layers
 * is pre-bundled too (the baseline page needs it, and a late Vite discovery would reload the page
 * mid-measurement).
 */
import { resolve } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import {
  chromiumLaunchOptions,
  defaultArgs,
  fakeMediaArgs,
  type FakeMedia,
} from '../../test/browser/harness/chromium.ts';
import { repoRoot } from '../../test/browser/harness/paths.ts';
import { startPageServer, type PageServer } from '../../test/browser/harness/server.ts';

/** The harness' page server over the whole repository (bench/pages and test/browser/pages), own cache. */
export function startBenchServer(): Promise<PageServer> {
  return startPageServer({
    root: repoRoot,
    cacheDir: resolve(repoRoot, 'node_modules/.vite-bench'),
    include: ['@tensorflow/tfjs-layers'],
  });
}

export interface PageRunner {
  readonly version: string;
  /**
   * Opens `<path>` (from the repository root, e.g. bench/pages/bench-model.html) in a fresh context, awaits
   * `window.run(args)` (a test-harness page) and
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
  const server = await startBenchServer();
  const { origin } = server;
  let browser: Browser;
  try {
    browser = await chromium.launch({
      ...(await chromiumLaunchOptions()),
      args: [...defaultArgs, ...(opts.fakeMedia ? fakeMediaArgs(opts.fakeMedia) : []), ...(opts.args ?? [])],
    });
  } catch (e) {
    await server.close();
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
      await server.close();
    },
  };
}
