import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { useDemoSite } from './demo-site.ts';
import { repoRoot, sharedMissing } from './harness/index.ts';
import { CLIP, FACE_MODEL, serveStatic, recordedPage, type RecordedRequest } from './session-fixtures.ts';

const missing = sharedMissing(CLIP, FACE_MODEL);
if (missing) console.warn(`[session-embed] ${missing}`);

type Recorded = RecordedRequest;

describe.skipIf(missing !== undefined)('embed.html (production build, public API only)', () => {
  const demo = useDemoSite(serveStatic);

  it(
    '?auto=1 runs a 2-answer interview from the fake camera and writes the result; only same-origin ' +
      'GETs without a body',
    async () => {
      const { context: ctx, page, requests, errors } = await recordedPage(demo.browser);
      await page.goto(`${demo.site.origin}/embed.html?auto=1&answers=2&seconds=4&backend=wasm`);
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
      expect(result.feedback.overall.map((f: { metric: string }) => f.metric)).toEqual(
        expect.arrayContaining(['speaking rate', 'pitch variability', 'blink rate', 'smile time']),
      );
      expect(result.warnings.filter((w: { code: string }) => w.code === 'no-face')).toEqual([]);
      const origin = new URL(demo.site.origin).origin;
      const foreign = requests.filter((r) => !/^(data|blob):/.test(r.url) && new URL(r.url).origin !== origin);
      expect(foreign).toEqual([]);
      expect(requests.filter((r) => r.hasBody || r.method !== 'GET')).toEqual([]);
      expect(result.modelCard.backend).toBe('wasm');
      console.log(
        [
          `[session-embed] score ${result.score.toFixed(4)} (audio ${result.scores.audio.toFixed(4)}, video`,
          `${result.scores.video.toFixed(4)}), ${result.keyMoments.length} key moments, ${requests.length}`,
          'requests, all same-origin GET',
        ].join(' '),
      );
    },
  );

  /**
   * Loads embed.html?auto=1 (directly or through `hostPage`), runs `beforeResult` (e.g. the
   * click a framed page waits for), waits for the result, returns it with the requests made.
   */
  async function runEmbed(
    url: string,
    frame: boolean,
    beforeResult?: (page: Page) => Promise<void>,
  ): Promise<{ result: Record<string, unknown>; requests: Recorded[]; errors: string[] }> {
    const { context: ctx, page, requests, errors } = await recordedPage(demo.browser);
    page.on('console', (m) => {
      if (m.type() === 'error') errors.push(m.text());
    });
    try {
      await page.goto(url);
      await beforeResult?.(page);
      const target = frame ? page.frameLocator('iframe').locator('body[data-state]') : page.locator('body[data-state]');
      await target.waitFor({ state: 'attached', timeout: 180_000 });
      const text = await (frame
        ? page.frameLocator('iframe').locator('#result')
        : page.locator('#result')
      ).textContent();
      return { result: JSON.parse(text ?? '{}') as Record<string, unknown>, requests, errors };
    } finally {
      await ctx.close();
    }
  }

  it("works under CSP default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; worker-src 'self' blob:", async () => {
    const csp = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; worker-src 'self' blob:";
    const strict = await serveStatic(demo.dist, { headers: { 'Content-Security-Policy': csp } });
    try {
      const { result, requests, errors } = await runEmbed(
        `${strict.origin}/embed.html?auto=1&answers=1&seconds=3&backend=wasm`,
        false,
      );
      expect(result['error']).toBeUndefined();
      expect(Object.keys(result['scores'] as object).sort()).toEqual(['audio', 'video']);
      expect(errors.filter((e) => /Content Security Policy|CSP/i.test(e))).toEqual([]);
      expect(requests.filter((r) => !/^(data|blob):/.test(r.url) && new URL(r.url).origin !== strict.origin)).toEqual(
        [],
      );
    } finally {
      await strict.close();
    }
  });

  it('framed by its own origin, ?auto=1 still starts on its own', async () => {
    const src = '/embed.html?auto=1&answers=1&seconds=2&backend=wasm';
    const same = await serveStatic(demo.dist, {
      pages: {
        '/host.html': [
          '<!doctype html><meta charset="utf-8"><title>host</title><link rel="icon" href="data:,"><iframe',
          `src="${src}" allow="camera; microphone"></iframe>`,
        ].join(' '),
      },
    });
    try {
      const { result } = await runEmbed(`${same.origin}/host.html`, true);
      expect(result['error']).toBeUndefined();
      expect(Object.keys(result['scores'] as object).sort()).toEqual(['audio', 'video']);
    } finally {
      await same.close();
    }
  });

  it(
    'inside a cross-origin iframe, ?auto=1 records no consent and waits for the click, then works ' +
      'with allow="camera; microphone"; only the two page origins are contacted, never with a body',
    async () => {
      const src = `${demo.site.origin}/embed.html?auto=1&answers=1&seconds=3&backend=wasm`;
      const host = await serveStatic(demo.dist, {
        pages: {
          '/host.html': [
            '<!doctype html><meta charset="utf-8"><title>host</title><link rel="icon" href="data:,"><iframe',
            `src="${src}" allow="camera; microphone" width="800" height="600"></iframe>`,
          ].join(' '),
        },
      });
      const before: { status?: string | null; state?: string; consents?: number; media?: number } = {};
      let after = -1;
      const clickThrough = async (page: Page): Promise<void> => {
        const frame = page.frameLocator('iframe');
        await frame.locator('body[data-auto=refused]').waitFor({ state: 'attached', timeout: 60_000 });
        // Long enough for an auto start to have loaded the model and recorded its consent (≈1 s here).
        await page.waitForTimeout(3000);
        const inner = page.frames().find((f) => f !== page.mainFrame())!;
        before.status = await frame.locator('#status').textContent();
        before.state = await inner.evaluate(() => document.body.dataset['state']);
        before.consents = Number(await inner.evaluate(storedConsents));
        before.media = await inner.evaluate(
          () => performance.getEntriesByType('resource').filter((e) => /\.(task|wasm)$/.test(e.name)).length,
        );
        await frame.locator('#start').click();
        await frame.locator('body[data-state]').waitFor({ state: 'attached', timeout: 180_000 });
        after = Number(await inner.evaluate(storedConsents));
      };
      try {
        expect(new URL(host.origin).origin).not.toBe(new URL(demo.site.origin).origin);
        const { result, requests } = await runEmbed(`${host.origin}/host.html`, true, clickThrough);
        expect(before.status).toMatch(/shown inside another site.*press “I agree”/);
        expect(before.state).toBeUndefined();
        expect(before.consents).toBe(0);
        expect(before.media).toBe(0);
        expect(after).toBe(1);
        expect(result['error']).toBeUndefined();
        expect(Object.keys(result['scores'] as object).sort()).toEqual(['audio', 'video']);
        const allowed = new Set([new URL(host.origin).origin, new URL(demo.site.origin).origin]);
        expect(requests.filter((r) => !/^(data|blob):/.test(r.url) && !allowed.has(new URL(r.url).origin))).toEqual([]);
        expect(requests.filter((r) => r.hasBody || r.method !== 'GET')).toEqual([]);
      } finally {
        await host.close();
      }
    },
  );
});

/**
 * Sessions with a recorded consent in the frame's IndexedDB, never creating the database. A
 * string, so the page gets exactly this code (no transpiler helpers).
 */
const storedConsents = `(async () => {
  if (!(await indexedDB.databases()).some((d) => d.name === 'hirenet')) return 0;
  return await new Promise((resolve, reject) => {
    const open = indexedDB.open('hirenet');
    open.onerror = () => reject(open.error);
    open.onsuccess = () => {
      const db = open.result;
      if (!db.objectStoreNames.contains('sessions')) { db.close(); resolve(0); return; }
      const all = db.transaction('sessions').objectStore('sessions').getAll();
      all.onerror = () => reject(all.error);
      all.onsuccess = () => { db.close(); resolve(all.result.filter((s) => s.consent !== null).length); };
    };
  });
})()`;
