/**
 * The practice demo (index.html, production build) as a candidate uses it: consent → preset role →
 * the record screen's "Face in view" indicator (hn.watchFace) → two live answers → the indicator
 * back on its own watch → an uploaded recording. The indicator, the answers and the file share one
 * face analyser: the face model, MediaPipe's wasm and the vision worker script are each requested
 * once, one vision worker is ever created, and the indicator still finds the fake camera's face
 * before, during and after the answers and the upload. (page-requests.test.ts checks the embed page.)
 */
import type { Page, Worker } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { serveCounting } from '../../bench/lib/flow-server.ts';
import { countRequests } from '../../bench/lib/page-flow.ts';
import { useDemoSite } from './demo-site.ts';
import { consentAndRole, recordAnswer, waitStored } from './demo-steps.ts';
import { sharedMissing, sharedPath } from './harness/index.ts';
import { CLIP, FACE_MODEL } from './session-fixtures.ts';

/** A second real clip, uploaded as a file answer (H.264 + AAC). */
const UPLOAD = 'fixtures/video/vrt_face_5.mp4';
const missing = sharedMissing(CLIP, FACE_MODEL, UPLOAD);
if (missing) console.warn(`[practice-requests] ${missing}`);

const VISION_WORKER = /vision-worker[^/]*\.js$/;
const face = (page: Page, attr: 'data-face' | 'data-source'): Promise<string | null> =>
  page.getByTestId('face').getAttribute(attr);

/** While an answer records, the indicator shows the session's own frames, and they have a face. */
async function followsAnswer(page: Page): Promise<void> {
  expect(await face(page, 'data-source')).toBe('answer');
  expect(await face(page, 'data-face')).toBe('yes');
}

/** A live answer on the shared analyser; the status then names both channels. */
async function answer(page: Page, index: number, seconds: number): Promise<void> {
  await recordAnswer(page, { index, seconds, during: followsAnswer });
  expect(await page.getByTestId('record-status').innerText()).toMatch(/analysed: voice and face/);
}

describe.skipIf(missing !== undefined)('index.html: one face analyser for the indicator and the answers', () => {
  const demo = useDemoSite(serveCounting);

  it('indicator + two live answers + an upload: face model, MediaPipe wasm, vision worker once each', async () => {
    const context = await demo.browser.newContext();
    // GETs per path; HEADs apart: the demo asks whether the face model is on the server (load.ts), no body.
    const { gets: requests, heads } = countRequests(context, demo.site.origin);
    const page = await context.newPage();
    const workers: Worker[] = [];
    page.on('worker', (w) => workers.push(w));
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    try {
      demo.site.takeServed();
      await page.goto(`${demo.site.origin}/?backend=wasm`);
      await expect
        .poll(() => page.locator('body').getAttribute('data-loaded'), { timeout: 120_000 })
        .toBe('audio+video');
      await consentAndRole(page);

      // The preview's watch finds the face before any answer.
      await expect.poll(() => face(page, 'data-face'), { timeout: 30_000 }).toBe('yes');
      expect(await face(page, 'data-source')).toBe('preview');
      await answer(page, 0, 4);
      await page.getByTestId('next').click();
      await answer(page, 1, 4);
      // After the answers the watch has resumed on the same worker and still sees the face.
      expect(await face(page, 'data-source')).toBe('preview');
      await page.waitForTimeout(2000);
      expect(await face(page, 'data-face')).toBe('yes');
      // An uploaded recording for question 3: analysed on that worker too (the watch pauses for it).
      await page.getByTestId('upload-2').setInputFiles(sharedPath(UPLOAD));
      await waitStored(page, 3, 120_000);
      expect(await page.getByTestId('record-status').innerText()).toMatch(/analysed: voice and face/);
      await page.waitForTimeout(2000);
      expect(await face(page, 'data-face')).toBe('yes');

      const served = demo.site.takeServed();
      const vision = workers.filter((w) => VISION_WORKER.test(w.url()));
      const scripts = Object.keys(requests).filter((p) => VISION_WORKER.test(p));
      const twice = Object.entries(requests).filter(([, n]) => n !== 1);
      console.log(
        `[practice-requests] ${Object.keys(requests).length} paths, ${workers.length} workers ` +
          `(${workers.map((w) => new URL(w.url()).pathname).join(', ')}); HEAD ${JSON.stringify(heads)}; ` +
          `requested more than once: ${JSON.stringify(twice)}`,
      );
      for (const asset of ['/hirenet/mediapipe/vision_wasm_module_internal.wasm', '/hirenet/face_landmarker.task.gz'])
        expect(requests[asset], asset).toBe(1);
      expect(scripts, 'one vision worker script').toHaveLength(1);
      expect(requests[scripts[0]!]).toBe(1);
      expect(vision, 'vision workers created in the whole flow').toHaveLength(1);
      expect(twice, `requested more than once: ${JSON.stringify(twice)}`).toEqual([]);
      expect(heads).toEqual({ '/hirenet/face_landmarker.task.gz': 1 });
      // The server counts the HEAD too (it is sent with cache: 'no-store').
      expect(Object.entries(served).filter(([p, n]) => n > 1 + (heads[p] ?? 0))).toEqual([]);
      expect(errors).toEqual([]);
    } finally {
      await context.close();
    }
  });
});
