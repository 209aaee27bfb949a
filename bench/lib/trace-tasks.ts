/**
 * Main-thread tasks over 50 ms from a Chromium trace, with the thread's CPU time beside the wall
 * time. PerformanceObserver 'longtask' (page-flow.ts) reports wall time only; on this loaded
 * 2-core machine the renderer's main thread is often descheduled in the middle of a task, so a
 * task with 15 ms of work can last 80 ms. The trace's RunTask events carry both `dur` (wall) and
 * `tdur` (thread CPU time): a task whose CPU time is under 50 ms is the machine's load, one over
 * 50 ms is work the page must move or slice. Each task lists its heaviest script entries
 * (trace events nested in it, by CPU time) so the work can be named.
 */
import type { Browser, Page } from 'playwright-core';

export interface TracedTask {
  /** Milliseconds since the trace started. */
  readonly at: number;
  readonly wallMs: number;
  /** CPU time of the main thread during the task. */
  readonly cpuMs: number;
  /** The heaviest entries inside it: "what (wall ms / cpu ms)". */
  readonly top: string[];
  /** Script files named by events inside it (compiled, evaluated or called). */
  readonly scripts: string[];
}

interface TraceEvent {
  name: string;
  ph: string;
  pid: number;
  tid: number;
  ts: number;
  dur?: number;
  tdur?: number;
  args?: { name?: string; data?: { functionName?: string; url?: string; type?: string; scriptName?: string } };
}

const CATEGORIES = ['devtools.timeline', 'disabled-by-default-devtools.timeline', 'v8.execute'];
const TASK_NAMES = new Set(['RunTask', 'ThreadControllerImpl::RunTask']);

export function startTaskTrace(browser: Browser, page: Page): Promise<void> {
  return browser.startTracing(page, { categories: CATEGORIES });
}

/**
 * Stops the trace; returns the main-thread tasks over `overMs` of wall time in the renderers that
 * loaded something from `origin` (the trace covers the whole browser: internal pages are left out).
 */
export async function stopTaskTrace(browser: Browser, origin: string, overMs = 50): Promise<TracedTask[]> {
  const raw = JSON.parse((await browser.stopTracing()).toString()) as { traceEvents?: TraceEvent[] } | TraceEvent[];
  const events = Array.isArray(raw) ? raw : (raw.traceEvents ?? []);
  const ours = new Set(events.filter((e) => e.args?.data?.url?.startsWith(origin) === true).map((e) => e.pid));
  const main = new Set(
    events
      .filter((e) => e.ph === 'M' && e.name === 'thread_name' && e.args?.name === 'CrRendererMain')
      .filter((e) => ours.has(e.pid))
      .map((e) => `${e.pid}:${e.tid}`),
  );
  const onMain = events.filter((e) => e.ph === 'X' && main.has(`${e.pid}:${e.tid}`));
  const t0 = Math.min(...events.filter((e) => e.ts > 0).map((e) => e.ts));
  const tasks = onMain.filter((e) => TASK_NAMES.has(e.name) && (e.dur ?? 0) > overMs * 1000);
  return tasks.map((t) => {
    const end = t.ts + (t.dur ?? 0);
    const nested = onMain
      .filter((e) => e !== t && !TASK_NAMES.has(e.name) && e.pid === t.pid && e.tid === t.tid)
      .filter((e) => e.ts >= t.ts && e.ts + (e.dur ?? 0) <= end);
    // Heaviest by CPU: what the thread did, not what it waited through.
    const inner = [...nested].sort((a, b) => (b.tdur ?? 0) - (a.tdur ?? 0)).slice(0, 4);
    const scripts = [...new Set(nested.map((e) => fileOf(e)).filter((f) => f !== ''))];
    return {
      at: (t.ts - t0) / 1000,
      wallMs: (t.dur ?? 0) / 1000,
      cpuMs: (t.tdur ?? 0) / 1000,
      top: inner.map(
        (e) => `${label(e)} (${((e.dur ?? 0) / 1000).toFixed(0)} / ${((e.tdur ?? 0) / 1000).toFixed(0)} ms)`,
      ),
      scripts,
    };
  });
}

function fileOf(e: TraceEvent): string {
  const d = e.args?.data;
  return (d?.url ?? d?.scriptName ?? '').split('/').slice(-1)[0] ?? '';
}

function label(e: TraceEvent): string {
  const what = e.args?.data?.functionName || e.args?.data?.type || '';
  return [e.name, what, fileOf(e)].filter((s) => s !== '').join(' ');
}
