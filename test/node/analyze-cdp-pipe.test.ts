// The DevTools pipe `hirenet analyze` drives Chromium with (packages/cli/src/cdp-pipe.ts), against
// the real browser, launched with the analyze switches (one process): values and promises come
// back, a thrown error is an error, bindings and uncaught page errors arrive as events, and a reply
// larger than one pipe read is reassembled (Chromium escapes non-ASCII as \uXXXX, so the pipe
// carries ASCII; the text still comes back as sent).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ANALYZE_SWITCHES } from '../../packages/cli/src/analyze-page.ts';
import { launchPipeChromium, type PipeBrowser, type PipePage } from '../../packages/cli/src/cdp-pipe.ts';
import { chromiumCandidate, findChromium } from '../../packages/cli/src/chromium-path.ts';

const missing = 'missing' in chromiumCandidate() ? 'needs a Chromium — skipped' : undefined;
if (missing) console.warn(`[analyze-cdp-pipe] ${missing}`);

describe.skipIf(missing !== undefined)('cdp-pipe: Chromium over --remote-debugging-pipe', () => {
  let browser: PipeBrowser;
  let page: PipePage;
  beforeAll(async () => {
    const found = await findChromium();
    browser = await launchPipeChromium(found!, ANALYZE_SWITCHES);
    page = await browser.newPage({ width: 900, height: 1200 });
  }, 60_000);
  afterAll(async () => browser?.close());

  it('evaluates expressions and awaits promises; the viewport is the one asked for', async () => {
    expect(await page.evaluate<number>('1 + 2')).toBe(3);
    expect(await page.evaluate<string>('new Promise((r) => setTimeout(() => r("later"), 50))')).toBe('later');
    expect(await page.evaluate<number[]>('[innerWidth, innerHeight]')).toEqual([900, 1200]);
  });

  it('a thrown error rejects with its message', async () => {
    await expect(page.evaluate('(() => { throw new Error("boom here") })()')).rejects.toThrow(/boom here/);
  });

  it('a binding call and an uncaught page error arrive as events', async () => {
    const payloads: string[] = [];
    const errors: string[] = [];
    page.on('Runtime.bindingCalled', (p) => payloads.push(String(p['payload'])));
    page.on('Runtime.exceptionThrown', (p) => errors.push(JSON.stringify(p['exceptionDetails'])));
    await page.send('Runtime.addBinding', { name: 'hirenetProgress' });
    await page.evaluate('window.hirenetProgress("step 1"); setTimeout(() => { throw new Error("late fault") }, 0)');
    await page.evaluate('new Promise((r) => setTimeout(r, 200))');
    expect(payloads).toEqual(['step 1']);
    expect(errors.join('\n')).toContain('late fault');
  });

  it('a reply larger than one pipe read (3 MB of JSON) comes back intact, non-ASCII included', async () => {
    const text = await page.evaluate<string>('"é𝄞✓".repeat(200000)');
    expect(text.length).toBe(4 * 200000);
    expect(text === 'é𝄞✓'.repeat(200000)).toBe(true);
  }, 20_000);
});
