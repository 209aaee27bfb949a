/**
 * The built embed page in a scripted two-answer flow (embed.html?auto=1&answers=2&seconds=4, backend
 * wasm), measured by bench/lib/page-flow.ts on a cold visit and a warm one (same context, HTTP cache
 * kept): every asset (MediaPipe wasm, face model, model weights, vocabulary, tfjs wasm, audio worker,
 * capture worklet, JS chunks) requested exactly once by the page and its workers (of the word vectors
 * only the blocks the interview's words need), and nothing reaching the server twice in a visit; an
 * audio-only page fetches nothing of the video channel.
 * Main-thread long tasks (> 50 ms, from create to the rendered report): on this loaded 2-core machine
 * the renderer's main thread is descheduled in the middle of short tasks, so PerformanceObserver
 * reports tasks of 50-340 ms wall time with 0-31 ms of CPU (bench/lib/trace-tasks.ts, load ~20). The
 * goal is asserted on the work: no task with more than 50 ms of main-thread CPU time (from a
 * Chromium trace). The wall-time count keeps the earlier bound, so a regression to the issue's
 * before (23 tasks, the longest 6.9 s) still fails.
 */
import { describe, expect, it } from 'vitest';
import { serveCounting } from '../../bench/lib/flow-server.ts';
import { coldAndWarm, visit, type VisitResult } from '../../bench/lib/page-flow.ts';
import { useDemoSite } from './demo-site.ts';
import { sharedMissing } from './harness/index.ts';
import { CLIP, FACE_MODEL } from './session-fixtures.ts';

const missing = sharedMissing(CLIP, FACE_MODEL);
if (missing) console.warn(`[page-requests] ${missing}`);

/** Main-thread work per task: the issue's bar (a long task is > 50 ms). */
const MAX_TASK_CPU_MS = 50;
/** Wall time as PerformanceObserver sees it, load included: measured worst 10 tasks, 337 ms at load ~20. */
const MAX_LONG_TASKS = 20;
const MAX_LONG_TASK_MS = 1500;

function check(name: string, v: VisitResult): void {
  const traced = v.traced ?? [];
  console.log(
    `[page-requests] ${name}: ready ${v.readyMs?.toFixed(0)} ms, done ${v.doneMs?.toFixed(0)} ms; long tasks ` +
      `(wall / main-thread cpu ms): ${traced.map((t) => `${t.wallMs.toFixed(0)}/${t.cpuMs.toFixed(0)}`).join(', ')}`,
  );
  expect(v.error).toBeNull();
  expect(v.state).toBe('done');
  expect(v.readyMs).not.toBeNull();
  const twice = Object.entries(v.requests).filter(([, n]) => n !== 1);
  expect(twice, `${name}: requested more than once: ${JSON.stringify(twice)}`).toEqual([]);
  const servedTwice = Object.entries(v.served).filter(([, n]) => n > 1);
  expect(servedTwice, `${name}: served more than once: ${JSON.stringify(servedTwice)}`).toEqual([]);
  for (const asset of [
    '/hirenet/mediapipe/vision_wasm_module_internal.wasm',
    '/hirenet/face_landmarker.task.gz',
    '/hirenet/tfjs/tfjs-backend-wasm-simd.wasm',
    '/hirenet/capture-worklet.js',
  ])
    expect(v.requests[asset], `${name}: ${asset}`).toBe(1);
  // Word vectors on demand: the first block and those of the title's and two questions' words (10 of
  // 313 when measured), never the whole table; the old single file is gone.
  const blocks = Object.keys(v.requests).filter((p) => p.startsWith('/hirenet/vocab/vectors/'));
  expect(blocks).toContain('/hirenet/vocab/vectors/000000.bin');
  expect(blocks.length, blocks.join(' ')).toBeLessThanOrEqual(20);
  expect(v.requests['/hirenet/vocab/vectors.bin']).toBeUndefined();
  const workers = Object.keys(v.requests).filter((p) => /audio-worker[^/]*\.js$/.test(p));
  expect(workers, `${name}: one audio worker script`).toHaveLength(1);
  const busy = traced.filter((t) => t.cpuMs > MAX_TASK_CPU_MS);
  expect(busy, `${name}: tasks with > ${MAX_TASK_CPU_MS} ms of main-thread work: ${JSON.stringify(busy)}`).toEqual([]);
  expect(v.longTasks.length).toBeLessThanOrEqual(MAX_LONG_TASKS);
  expect(Math.max(0, ...v.longTasks.map((t) => t.duration))).toBeLessThanOrEqual(MAX_LONG_TASK_MS);
}

describe.skipIf(missing !== undefined)('embed.html: each asset once, no long main-thread work', () => {
  const demo = useDemoSite(serveCounting);

  it('two answers, cold and warm: each asset requested once, no task with > 50 ms of main-thread CPU', async () => {
    const r = await coldAndWarm(demo.browser, demo.site, 'embed.html?auto=1&answers=2&seconds=4&backend=wasm', true);
    check('cold', r.cold);
    check('warm', r.warm);
  });

  it('audio-only: no MediaPipe file, face model or vision worker is fetched', async () => {
    const ctx = await demo.browser.newContext();
    try {
      const v = await visit(ctx, demo.site, 'embed.html?auto=1&answers=1&seconds=2&backend=wasm&modalities=audio');
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
