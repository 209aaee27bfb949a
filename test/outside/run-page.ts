/**
 * Opens a host page in the shared Chromium (fake camera and microphone), presses its "I agree"
 * button — a real click stands for the candidate's consent — and waits for the page to finish.
 */
import type { Browser } from 'playwright-core';

export interface PageRun {
  /** The page's <pre id="result"> text: the result JSON, or `{ error }`. */
  readonly text: string;
  /** Uncaught exceptions and console errors of the page and its workers. */
  readonly errors: string[];
  /** From the click to the result, seconds. */
  readonly seconds: number;
  /** Requests of the page and its workers that left its host (data:/blob: not counted) or carried a body. */
  readonly offHostOrWithBody: string[];
}

export async function runInterview(browser: Browser, url: string, timeoutMs = 300_000): Promise<PageRun> {
  const ctx = await browser.newContext();
  const errors: string[] = [];
  try {
    const host = new URL(url).host;
    const offHostOrWithBody: string[] = [];
    ctx.on('request', (r) => {
      const u = r.url();
      if (/^(data|blob):/.test(u)) return;
      // Same host and port (the Vite dev server's HMR WebSocket is ws:// on the page's own port).
      if (new URL(u).host !== host || r.postDataBuffer() !== null || !['GET', 'HEAD'].includes(r.method()))
        offHostOrWithBody.push(`${r.method()} ${u}`);
    });
    const page = await ctx.newPage();
    page.on('pageerror', (e) => errors.push(`pageerror: ${e.message}`));
    page.on('console', (m) => {
      // MediaPipe's wasm prints its informational lines ("INFO: Created TensorFlow Lite XNNPACK
      // delegate for CPU.") through console.error: not an error.
      if (m.type() === 'error' && !m.text().startsWith('INFO: ')) errors.push(`console: ${m.text()}`);
    });
    await page.goto(url);
    const t0 = Date.now();
    await page.click('#start');
    await page.waitForFunction(() => document.body.dataset['state'] !== undefined, undefined, { timeout: timeoutMs });
    const text = (await page.locator('#result').textContent()) ?? '';
    return { text, errors, seconds: (Date.now() - t0) / 1000, offHostOrWithBody };
  } finally {
    await ctx.close();
  }
}
