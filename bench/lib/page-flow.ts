/**
 * The embed page as a candidate meets it: a production build of packages/demo served statically
 * (with `Cache-Control: max-age` so a second visit can use the HTTP cache, as any real host's
 * static server allows), `embed.html?auto=1` running a scripted interview on the fake camera and
 * mic. Measured per visit (the first in a fresh browser context = cold cache, the second in the
 * same context = warm cache):
 * - page load → ready to record: navigation start to the page saying "Recording answer 1";
 * - the progress stages the page showed, each with its time (do they move?);
 * - main-thread long tasks (> 50 ms, PerformanceObserver 'longtask') from navigation to the
 *   rendered result, each with the page's status line when it ended;
 * - requests per URL made by the page and its workers (HTTP cache hits included: Chromium reports
 *   a request before it looks in its cache), and those that reached the server;
 * - with `trace`, the same long tasks from a Chromium trace with the main thread's CPU time beside
 *   their wall time (trace-tasks.ts: which were work, which were the machine's load).
 * Used by bench/lib/bytes.ts (figures for RESULTS.md) and test/browser/page-requests.test.ts.
 */
import type { Browser, BrowserContext } from 'playwright-core';
import { startTaskTrace, stopTaskTrace, type TracedTask } from './trace-tasks.ts';

export interface LongTask {
  readonly start: number;
  readonly duration: number;
  /** The page's status line when the task was observed (which phase it fell in). */
  readonly status: string;
}

export interface VisitResult {
  readonly readyMs: number | null;
  readonly doneMs: number | null;
  readonly stages: { text: string; ms: number }[];
  readonly longTasks: LongTask[];
  /** Requests per path (page and workers), in order of first request. */
  readonly requests: Record<string, number>;
  /** Requests per path that reached the server (not answered by the HTTP cache). */
  readonly served: Record<string, number>;
  readonly state: string | null;
  readonly error: string | null;
  readonly backend: string | null;
  /** Main-thread tasks over 50 ms from a trace, with CPU time (only when visit() was asked to trace). */
  readonly traced?: TracedTask[];
}

/** Runs before the page's own scripts: records status changes and long tasks with their times. */
const INIT = `(() => {
  const w = window;
  w.__flow = { stages: [], longTasks: [], ready: null, done: null };
  const status = () => document.getElementById('status')?.textContent ?? '';
  try {
    new PerformanceObserver((list) => {
      for (const e of list.getEntries())
        w.__flow.longTasks.push({ start: e.startTime, duration: e.duration, status: status() });
    }).observe({ type: 'longtask', buffered: true });
  } catch {}
  const watch = () => {
    const el = document.getElementById('status');
    if (!el) return void requestAnimationFrame(watch);
    let last = '';
    new MutationObserver(() => {
      const t = status();
      if (t === last) return;
      last = t;
      const ms = performance.now();
      w.__flow.stages.push({ text: t, ms });
      if (w.__flow.ready === null && t.startsWith('Recording answer')) w.__flow.ready = ms;
      if (w.__flow.done === null && t.startsWith('Done')) w.__flow.done = ms;
    }).observe(el, { childList: true, characterData: true, subtree: true });
  };
  watch();
})();`;

export interface FlowServer {
  readonly origin: string;
  /** Requests that reached the server since the last call, per path; the counter restarts. */
  takeServed(): Record<string, number>;
}

export interface RequestCount {
  /** Requests other than HEAD, per same-origin path (decoded) or full URL for another origin. */
  readonly gets: Record<string, number>;
  /** HEAD requests (no body: e.g. the demo asking whether the face model is served), keyed the same way. */
  readonly heads: Record<string, number>;
  /** Stops counting. */
  stop(): void;
}

/** Counts the requests of a context's pages and their workers, HTTP-cache hits included; data: and blob: left out. */
export function countRequests(context: BrowserContext, origin: string): RequestCount {
  const gets: Record<string, number> = {};
  const heads: Record<string, number> = {};
  const onRequest = (r: { url(): string; method(): string }): void => {
    const url = new URL(r.url());
    if (url.protocol === 'data:' || url.protocol === 'blob:') return;
    const key = url.origin === origin ? decodeURIComponent(url.pathname) : r.url();
    const into = r.method() === 'HEAD' ? heads : gets;
    into[key] = (into[key] ?? 0) + 1;
  };
  context.on('request', onRequest);
  return { gets, heads, stop: () => context.off('request', onRequest) };
}

/** One visit of `pageUrl` (relative to the origin) in `context`; waits for body[data-state]. */
export async function visit(
  context: BrowserContext,
  server: FlowServer,
  pageUrl: string,
  timeoutMs = 300_000,
  trace = false,
): Promise<VisitResult> {
  server.takeServed();
  const counted = countRequests(context, server.origin);
  const page = await context.newPage();
  const browser = context.browser();
  const tracing = trace && browser !== null;
  if (tracing) await startTaskTrace(browser, page);
  try {
    await page.addInitScript(INIT);
    await page.goto(`${server.origin}/${pageUrl}`);
    await page.waitForFunction(() => document.body.dataset['state'] !== undefined, undefined, { timeout: timeoutMs });
    // Let a long task that ends with the rendered result reach the observer.
    await page.waitForTimeout(300);
    const flow = (await page.evaluate('window.__flow')) as {
      stages: { text: string; ms: number }[];
      longTasks: LongTask[];
      ready: number | null;
      done: number | null;
    };
    const state = await page.evaluate(() => document.body.dataset['state'] ?? null);
    const result = JSON.parse((await page.locator('#result').textContent()) || '{}') as {
      error?: { message: string };
      modelCard?: { backend?: string };
    };
    const traced = tracing ? { traced: await stopTaskTrace(browser, server.origin) } : {};
    return {
      ...traced,
      readyMs: flow.ready,
      doneMs: flow.done,
      stages: flow.stages,
      longTasks: flow.longTasks,
      // Every method, as this figure has always counted (HEADs included).
      requests: mergeCounts(counted.gets, counted.heads),
      served: server.takeServed(),
      state,
      error: result.error?.message ?? null,
      backend: result.modelCard?.backend ?? null,
    };
  } finally {
    counted.stop();
    await page.close();
  }
}

export interface FlowResult {
  readonly page: string;
  readonly cold: VisitResult;
  readonly warm: VisitResult;
}

/** A cold visit in a fresh context, then a warm one in the same context (its HTTP cache kept). */
export async function coldAndWarm(
  browser: Browser,
  server: FlowServer,
  pageUrl: string,
  trace = false,
): Promise<FlowResult> {
  const context = await browser.newContext();
  try {
    const cold = await visit(context, server, pageUrl, undefined, trace);
    const warm = await visit(context, server, pageUrl, undefined, trace);
    return { page: pageUrl, cold, warm };
  } finally {
    await context.close();
  }
}

/** Paths requested more than once in a visit (the page and its workers together). */
export function repeated(v: VisitResult): Record<string, number> {
  return Object.fromEntries(Object.entries(v.requests).filter(([, n]) => n > 1));
}

function mergeCounts(a: Record<string, number>, b: Record<string, number>): Record<string, number> {
  const out = { ...a };
  for (const [k, n] of Object.entries(b)) out[k] = (out[k] ?? 0) + n;
  return out;
}
