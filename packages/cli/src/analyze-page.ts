/**
 * Runs the analyze page (packages/demo/src/analyze.ts) in headless Chromium over a DevTools pipe
 * (cdp-pipe.ts): open the page, call `hirenetAnalyze(args)`, then `hirenetSnapshot()` for the
 * report. Progress lines and uncaught page errors go to stderr.
 *
 * Memory (issue 15, ≤ 500 MB for a 7-s clip, measured as the whole process tree's summed PSS):
 * - every `createImageBitmap(VideoFrame)` (the face engine's downscale of each decoded frame)
 *   leaves a ~4 MB shared-memory buffer in the renderer that Chromium frees only under memory
 *   pressure: 51 buffers, ~190 MB, for the 100 analysed frames of a 6.6-s 700×700 clip, 257
 *   (490 MB, Chromium's browser-wide cap for this discardable memory) for 26.6 s, whether or not
 *   the bitmaps are closed and garbage collected. Nothing else runs in this browser, so while a
 *   file is analysed the CLI signals critical memory pressure every PURGE_MS, which frees them
 *   (the rows are unchanged: the buffers are only a cache);
 * - Chromium runs as one process (`--single-process --no-zygote`): the browser, GPU (SwiftShader),
 *   network, storage and renderer processes each carry their own heap and copies of the same
 *   state, ~100 MB in all here; the CLI runs one page and nothing the sandbox would protect.
 */
import { stderr } from 'node:process';
import { HireNetError } from '@hirenet/sdk/internal/util/errors';
import type { ChromiumExecutable } from './chromium-path.ts';
import { exceptionText, launchPipeChromium, type PipePage } from './cdp-pipe.ts';

/**
 * Interval of the memory-pressure signal while analysing (~70 MB of buffers accrue per second
 * without it). Measured: 150 and 500 ms give the same peak; 100 ms doubles the wall time.
 */
const PURGE_MS = 250;
/** Switches for the CLI's one-page browser (see above). */
export const ANALYZE_SWITCHES = ['--single-process', '--no-zygote'];
const READY_TIMEOUT_MS = 180_000;

export interface AnalyzePageRun<T> {
  readonly out: T;
  /** The rendered report (hirenetSnapshot), or null when `out` says the analysis failed. */
  readonly html: string | null;
}

export async function runAnalyzePage<T extends { ok: boolean }>(
  found: ChromiumExecutable,
  url: string,
  args: unknown,
): Promise<AnalyzePageRun<T>> {
  const browser = await launchPipeChromium(found, ANALYZE_SWITCHES);
  try {
    const page = await browser.newPage({ width: 900, height: 1200 });
    page.on('Runtime.exceptionThrown', (p) => {
      const details = p['exceptionDetails'] as Record<string, unknown>;
      stderr.write(`hirenet: page error: ${exceptionText(details).split('\n')[0]}\n`);
    });
    page.on('Runtime.bindingCalled', (p) => {
      if (p['name'] === 'hirenetProgress') stderr.write(`hirenet: ${String(p['payload'])}\n`);
    });
    await page.send('Runtime.addBinding', { name: 'hirenetProgress' });
    const nav = await page.send<{ errorText?: string }>('Page.navigate', { url });
    if (nav.errorText !== undefined) throw new HireNetError('chromium-failed', `${url}: ${nav.errorText}`);
    await waitForEntry(page);
    const purge = setInterval(() => {
      page.send('Memory.simulatePressureNotification', { level: 'critical' }).catch(() => undefined);
    }, PURGE_MS);
    let out: T;
    try {
      out = await page.evaluate<T>(`window.hirenetAnalyze(${JSON.stringify(args)})`);
    } finally {
      clearInterval(purge);
    }
    const html = out.ok ? await page.evaluate<string>('window.hirenetSnapshot()') : null;
    return { out, html };
  } finally {
    await browser.close();
  }
}

async function waitForEntry(page: PipePage): Promise<void> {
  const t0 = Date.now();
  while (!(await page.evaluate<boolean>("typeof window.hirenetAnalyze === 'function'"))) {
    if (Date.now() - t0 > READY_TIMEOUT_MS)
      throw new HireNetError('chromium-failed', `the analyze page did not start within ${READY_TIMEOUT_MS / 1000} s`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}
