import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, BrowserContext } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from './harness/chromium.ts';
import { repoRoot, sharedMissing } from './harness/index.ts';
import { buildDemo, CLIP, FACE_MODEL, fakeMedia, serveStatic, tinyModel, type StaticServer } from './session-fixtures.ts';

const missing = sharedMissing(CLIP, FACE_MODEL);
if (missing) console.warn(`[session-embed] ${missing}`);

interface Recorded { url: string; method: string; hasBody: boolean }

/** Every request of the context (pages, iframes and workers), for the privacy assertions. */
function record(ctx: BrowserContext): Recorded[] {
  const log: Recorded[] = [];
  ctx.on('request', (r) => log.push({ url: r.url(), method: r.method(), hasBody: r.postDataBuffer() !== null }));
  return log;
}

describe.skipIf(missing !== undefined)('embed.html (production build, public API only)', () => {
  let browser: Browser;
  let site: StaticServer;
  let dist: string;
  beforeAll(async () => {
    dist = buildDemo(tinyModel());
    site = await serveStatic(dist);
    browser = await launchChromium({ fakeMedia: fakeMedia() });
  });
  afterAll(async () => {
    await browser?.close();
    await site?.close();
  });

  it('?auto=1 runs a 2-answer interview from the fake camera and writes the result; only same-origin GETs without a body', async () => {
    const ctx = await browser.newContext();
    const requests = record(ctx);
    const page = await ctx.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(`${site.origin}/embed.html?auto=1&answers=2&seconds=4&backend=wasm`);
    await page.waitForFunction(() => document.body.dataset['state'] !== undefined, undefined, { timeout: 180_000 });
    const text = await page.locator('#result').textContent();
    const shots = join(repoRoot, 'test-results/session');
    mkdirSync(shots, { recursive: true });
    await page.screenshot({ path: join(shots, 'embed-result.png'), fullPage: true });
    const result = JSON.parse(text ?? '{}');
    writeFileSync(join(shots, 'embed-result.json'), text ?? '');
    await ctx.close();
    expect(result.error).toBeUndefined();
    expect(errors).toEqual([]);
    expect(result.score).toBeGreaterThan(0);
    expect(result.score).toBeLessThan(1);
    expect(Object.keys(result.scores).sort()).toEqual(['audio', 'video']);
    expect(result.score).toBeCloseTo((result.scores.audio + result.scores.video) / 2, 6);
    expect(result.answerAttention).toHaveLength(2);
    // ~4 s per answer → about 15 windows of 0.25 s each; attention over each answer sums to 1.
    for (const a of result.answerAttention) {
      expect(a.length).toBeGreaterThan(10);
      expect(a.reduce((s: number, v: number) => s + v, 0)).toBeCloseTo(1, 4);
    }
    expect(result.questionAttention.reduce((s: number, v: number) => s + v, 0)).toBeCloseTo(1, 4);
    expect(result.modelCard.notice).toBe('experimental model estimate');
    expect(result.feedback.overall.map((f: { metric: string }) => f.metric)).toEqual(expect.arrayContaining(['speaking rate', 'pitch variability', 'blink rate', 'smile time']));
    expect(result.warnings.filter((w: { code: string }) => w.code === 'no-face')).toEqual([]);
    const origin = new URL(site.origin).origin;
    const foreign = requests.filter((r) => !/^(data|blob):/.test(r.url) && new URL(r.url).origin !== origin);
    expect(foreign).toEqual([]);
    expect(requests.filter((r) => r.hasBody || r.method !== 'GET')).toEqual([]);
    console.log(`[session-embed] score ${result.score.toFixed(4)} (audio ${result.scores.audio.toFixed(4)}, video ${result.scores.video.toFixed(4)}), ${result.keyMoments.length} key moments, ${requests.length} requests, all same-origin GET`);
  });
});
