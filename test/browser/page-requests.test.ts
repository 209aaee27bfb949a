/**
 * The built embed page in a scripted two-answer flow (embed.html?auto=1&answers=2&seconds=4, backend
 * wasm), measured by bench/lib/page-flow.ts: each large asset (MediaPipe wasm, face model, model
 * weights, vocabulary, tfjs wasm, JS chunks) requested at most once by the page and its workers (of the
 * word vectors only the blocks the interview's words need), and
 * everything reaching the server at most once per visit from a server that allows caching.
 * Main-thread long tasks: the goal (none > 50 ms from create to the rendered report) is NOT met yet;
 * the test holds the bound measured on this loaded 2-core machine (bench/RESULTS.md) so a
 * regression to the before (23 tasks, the longest 6.9 s) fails.
 */
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serveCounting, type CountingServer } from '../../bench/lib/flow-server.ts';
import { visit } from '../../bench/lib/page-flow.ts';
import { launchChromium } from './harness/chromium.ts';
import { sharedMissing } from './harness/index.ts';
import { buildDemo, CLIP, cleanWorkDir, demoModel, FACE_MODEL, fakeMedia } from './session-fixtures.ts';

const missing = sharedMissing(CLIP, FACE_MODEL);
if (missing) console.warn(`[page-requests] ${missing}`);

/**
 * Small scripts loaded once per worker or audio context: the audio worker (one probe at create, one
 * per answer) and the capture worklet (a check at create, a check per answer); served once, then from
 * the HTTP cache. Not yet one request each (audio/capture.ts starts a worker per answer).
 */
const PER_ANSWER = /audio-worker[^/]*\.js$|capture-worklet\.js$/;
/**
 * The tfjs wasm: fetched once for the manifest check and once by tfjs' own loader (an HTTP-cache
 * hit, served once); handing tfjs the verified bytes is left to do.
 */
const TFJS_WASM = /tfjs-backend-wasm[^/]*\.wasm$/;
/** Measured worst at load ~20 on 2 cores: 9 long tasks, the longest 494 ms; the bound leaves room for load. */
const MAX_LONG_TASKS = 20;
const MAX_LONG_TASK_MS = 1500;

describe.skipIf(missing !== undefined)('embed.html: each asset once, long tasks bounded', () => {
  let browser: Browser;
  let site: CountingServer;
  beforeAll(async () => {
    site = await serveCounting(buildDemo(demoModel()));
    browser = await launchChromium({ fakeMedia: fakeMedia() });
  });
  afterAll(async () => {
    await browser?.close();
    await site?.close();
    cleanWorkDir();
  });

  it('two answers: each asset requested once, served once; long tasks within the measured bound', async () => {
    const ctx = await browser.newContext();
    try {
      const v = await visit(ctx, site, 'embed.html?auto=1&answers=2&seconds=4&backend=wasm');
      console.log(
        `[page-requests] ready ${v.readyMs?.toFixed(0)} ms, done ${v.doneMs?.toFixed(0)} ms, long tasks ` +
          v.longTasks.map((t) => `${t.duration.toFixed(0)} ms (${t.status})`).join(', '),
      );
      expect(v.error).toBeNull();
      expect(v.state).toBe('done');
      expect(v.readyMs).not.toBeNull();
      const big = Object.entries(v.requests).filter(
        ([path, n]) => n > 1 && !PER_ANSWER.test(path) && !(TFJS_WASM.test(path) && n === 2),
      );
      expect(big, `requested more than once: ${JSON.stringify(big)}`).toEqual([]);
      for (const [path, n] of Object.entries(v.requests))
        if (PER_ANSWER.test(path)) expect(n, path).toBeLessThanOrEqual(3);
      // The worklet is sometimes served twice (its check GET, then addModule's own fetch): left to audio/.
      const servedTwice = Object.entries(v.served).filter(([path, n]) => n > 1 && !PER_ANSWER.test(path));
      expect(servedTwice, `served more than once: ${JSON.stringify(servedTwice)}`).toEqual([]);
      expect(v.requests['/hirenet/mediapipe/vision_wasm_module_internal.wasm']).toBe(1);
      expect(v.requests['/hirenet/face_landmarker.task']).toBe(1);
      // Word vectors on demand: the first block and those of the title's and two questions' words (10 of
      // 313 when measured), never the whole table; the old single file is gone.
      const blocks = Object.keys(v.requests).filter((p) => p.startsWith('/hirenet/vocab/vectors/'));
      expect(blocks).toContain('/hirenet/vocab/vectors/000000.bin');
      expect(blocks.length, blocks.join(' ')).toBeLessThanOrEqual(20);
      expect(v.requests['/hirenet/vocab/vectors.bin']).toBeUndefined();
      expect(v.longTasks.length).toBeLessThanOrEqual(MAX_LONG_TASKS);
      expect(Math.max(0, ...v.longTasks.map((t) => t.duration))).toBeLessThanOrEqual(MAX_LONG_TASK_MS);
    } finally {
      await ctx.close();
    }
  });

  it('audio-only: no MediaPipe file, face model or vision worker is fetched', async () => {
    const ctx = await browser.newContext();
    try {
      const v = await visit(ctx, site, 'embed.html?auto=1&answers=1&seconds=2&backend=wasm&modalities=audio');
      expect(v.error).toBeNull();
      expect(v.state).toBe('done');
      const paths = Object.keys(v.requests);
      const video = paths.filter((p) => /mediapipe\/|face_landmarker|pose_landmarker|vision-worker/.test(p));
      expect(video, `fetched by an audio-only page: ${video.join(' ')}`).toEqual([]);
      expect(paths.some((p) => p.startsWith('/hirenet/vocab/vectors/'))).toBe(true);
    } finally {
      await ctx.close();
    }
  });
});
