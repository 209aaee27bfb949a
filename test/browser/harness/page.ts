/**
 * Page-side half of the harness (runs in Chromium). A test page module calls
 *   exposeRun(async (args) => ({ ...JSON-serialisable result }))
 * and the Node-side test calls `harnessPage.run(args)`.
 */

export type RunFn = (args: unknown) => Promise<unknown>;

declare global {
  interface Window {
    /** Set by exposeRun(); awaited by HarnessPage.run(). */
    run?: RunFn;
  }
}

export function exposeRun<A, R>(fn: (args: A) => Promise<R>): void {
  window.run = (args: unknown) => fn(args as A);
}

/**
 * Collects main-thread long tasks (> 50 ms, PerformanceObserver 'longtask') from now on.
 * `durations` fills as they happen; call `stop()` when the measured span ends.
 */
export function recordLongTasks(): { readonly durations: number[]; stop(): void } {
  const durations: number[] = [];
  const observer = new PerformanceObserver((list) => {
    for (const e of list.getEntries()) durations.push(e.duration);
  });
  observer.observe({ type: 'longtask', buffered: false });
  return { durations, stop: () => observer.disconnect() };
}
