/**
 * Shared Chromium test harness: Vite serves test/browser/pages, Debian Chromium opens them,
 * the page exposes `window.run(args)` and the Node-side test awaits its JSON result.
 * Usage and conventions: test/browser/harness/README.md.
 */
import type { Browser, Page } from 'playwright-core';
import { launchChromium, type LaunchOptions } from './chromium.ts';
import { startPageServer, type PageServer } from './server.ts';

export {
  sharedDir,
  sharedMissing,
  sharedPath,
  sharedUrl,
  skipUnless,
  repoRoot,
  pagesDir,
  SOURCE_NODE_ARGS,
} from './paths.ts';
export {
  chromiumLacks,
  chromiumPath,
  chromiumSource,
  defaultArgs,
  type FakeMedia,
  type LaunchOptions,
} from './chromium.ts';
export { CI, ffmpeg, needs, runFfmpeg, toolsMissing } from './tools.ts';

/** One network request a page (or a worker it started) made. */
export interface RecordedRequest {
  readonly url: string;
  readonly method: string;
  /** True when the request carried a body (POST/PUT, sendBeacon, …): what privacy tests look for. */
  readonly hasBody: boolean;
  /** Playwright's resource type (document, script, fetch, websocket, …). */
  readonly resourceType: string;
}

export interface HarnessPage {
  readonly page: Page;
  /** Origin of the harness server, e.g. http://127.0.0.1:41234. */
  readonly origin: string;
  /** Every request so far, in order (live array). */
  readonly requests: RecordedRequest[];
  /** Console errors and uncaught exceptions so far (live array); also printed to stderr. */
  readonly errors: string[];
  /** Await the page module's `window.run(args)` and return its JSON result. */
  run<R = unknown>(args?: unknown): Promise<R>;
  /** Requests that left the harness origin (data:/blob: URLs do not count). */
  externalRequests(): RecordedRequest[];
}

export interface PageOptions extends LaunchOptions {
  /** How long to wait for `window.run` to appear after load. Default 60 s (first Vite compile). */
  readonly readyTimeoutMs?: number;
}

let server: Promise<PageServer> | undefined;
// One browser per distinct set of launch options (fake media files differ per test).
const browsers = new Map<string, Promise<Browser>>();

function getServer(): Promise<PageServer> {
  server ??= startPageServer();
  return server;
}

function getBrowser(opts: LaunchOptions): Promise<Browser> {
  const key = JSON.stringify({ fakeMedia: opts.fakeMedia ?? null, args: opts.args ?? [] });
  let browser = browsers.get(key);
  if (browser === undefined) {
    browser = launchChromium(opts);
    browsers.set(key, browser);
  }
  return browser;
}

/**
 * Open `pagePath` (relative to test/browser/pages, e.g. 'backends.html') in a fresh browser
 * context, call `fn`, then close the context. The browser and server stay up for the next call;
 * call closeHarness() in afterAll.
 */
export async function withPage<T>(
  pagePath: string,
  fn: (page: HarnessPage) => Promise<T>,
  opts: PageOptions = {},
): Promise<T> {
  const srv = await getServer();
  const { origin } = srv;
  const browser = await getBrowser(opts);
  const context = await browser.newContext();
  const requests: RecordedRequest[] = [];
  const errors: string[] = [];
  const report = (text: string): void => {
    errors.push(text);
    process.stderr.write(`[page ${pagePath}] ${text}\n`);
  };
  // Context-level, so requests made by workers are recorded too.
  context.on('request', (r) => {
    requests.push({
      url: r.url(),
      method: r.method(),
      hasBody: r.postDataBuffer() !== null,
      resourceType: r.resourceType(),
    });
  });
  try {
    const page = await context.newPage();
    page.on('console', (m) => {
      if (m.type() === 'error') report(`console.error: ${m.text()}${m.location().url ? ` (${m.location().url})` : ''}`);
    });
    page.on('pageerror', (e) => report(`uncaught: ${e.stack ?? e.message}`));
    page.on('websocket', (ws) =>
      requests.push({ url: ws.url(), method: 'GET', hasBody: false, resourceType: 'websocket' }),
    );
    await page.goto(`${origin}/${pagePath.replace(/^\//, '')}`);
    const readyTimeoutMs = opts.readyTimeoutMs ?? 60_000;
    const handle: HarnessPage = {
      page,
      origin,
      requests,
      errors,
      async run<R>(args?: unknown): Promise<R> {
        try {
          await page.waitForFunction(() => typeof window.run === 'function', undefined, { timeout: readyTimeoutMs });
        } catch (e) {
          throw new Error(
            `${pagePath} never defined window.run (${String(e)}); page errors: ${errors.join(' | ') || 'none'}`,
          );
        }
        // Serialise in the page so typed arrays, NaN etc. fail loudly in the page, not silently here.
        let json: string | undefined;
        try {
          json = await page.evaluate(async (a) => JSON.stringify(await window.run!(a)), args);
        } catch (e) {
          const stale = srv.staleModules();
          throw stale === undefined ? e : new Error(`${stale}; the page then failed: ${String(e)}`);
        }
        const stale = srv.staleModules();
        if (stale !== undefined) throw new Error(stale);
        return (json === undefined ? undefined : JSON.parse(json)) as R;
      },
      externalRequests() {
        return requests.filter((r) => !r.url.startsWith(`${origin}/`) && !/^(data|blob):/.test(r.url));
      },
    };
    return await fn(handle);
  } finally {
    await context.close();
  }
}

/** Close every browser and the server (call from afterAll). Safe to call when nothing started. */
export async function closeHarness(): Promise<void> {
  const open = [...browsers.values()];
  browsers.clear();
  const s = server;
  server = undefined;
  await Promise.allSettled(open.map(async (b) => (await b).close()));
  if (s !== undefined) await (await s).close();
}
