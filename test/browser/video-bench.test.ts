/**
 * Video benchmarks (issue 4): file-analysis speed per input size, and a 60 s live session
 * counting main-thread long tasks. Slow, so only with HIRENET_VIDEO_BENCH=1:
 *   HIRENET_VIDEO_BENCH=1 npx vitest run --project browser test/browser/video-bench.test.ts
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { closeHarness, sharedMissing, sharedPath, sharedUrl, withPage } from './harness/index.ts';

const MODEL = 'models/face_landmarker.task';
const CLIPS = ['vrt_face_1.mp4', 'vrt_face_2.mp4', 'vrt_face_3.mp4', 'vrt_face_4.mp4', 'vrt_face_5.mp4', 'talk_f1.mp4', 'talk_f2.mp4'];
const enabled = process.env.HIRENET_VIDEO_BENCH === '1';
const missing = sharedMissing(MODEL, ...CLIPS.map((c) => `fixtures/video/${c}`));

interface Stats { duration: number; faceRatio: number; speed: number; detectMsMedian: number; wallMs: number }

describe.skipIf(!enabled || missing !== undefined)('video benchmarks', () => {
  const tmp = mkdtempSync(join(tmpdir(), 'hirenet-vbench-'));
  afterAll(async () => {
    await closeHarness();
    rmSync(tmp, { recursive: true, force: true });
  });

  it('file analysis speed at 15 fps by worker count and input size', async () => {
    for (const [fileWorkers, maxInputSide] of [[1, 480], [2, 480], [2, 0]] as const) {
      const res = await withPage('video/file.html', (h) =>
        h.run<{ files: { stats: Stats }[] }>({ modelUrl: sharedUrl(MODEL), maxInputSide, fileWorkers, files: CLIPS.map((c) => sharedUrl(`fixtures/video/${c}`)) }),
      );
      const s = res.files.map((f) => f.stats);
      const total = s.reduce((a, b) => a + b.duration, 0) / (s.reduce((a, b) => a + b.wallMs, 0) / 1000);
      console.log(`[video-bench] ${fileWorkers} worker(s), maxInputSide ${maxInputSide}: ${total.toFixed(2)}× real time overall; per clip `
        + s.map((x, i) => `${CLIPS[i]} ${x.speed.toFixed(2)}× ${x.detectMsMedian.toFixed(0)} ms face ${(100 * x.faceRatio).toFixed(0)}%`).join(', ')
        + ` (load ${loadavg()[0]!.toFixed(1)})`);
    }
  });

  it('60 s live session: analysed fps and main-thread long tasks', async () => {
    const y4m = join(tmp, 'talk_f1.y4m');
    execFileSync('ffmpeg', ['-hide_banner', '-loglevel', 'error', '-y', '-i', sharedPath('fixtures/video/talk_f1.mp4'), '-pix_fmt', 'yuv420p', y4m]);
    const r = await withPage('video/live.html', (h) => h.run<{ fps: number; coverage: number; faceRatio: number; longTasks: number[]; analysed: number }>({ modelUrl: sharedUrl(MODEL), seconds: 60 }), { fakeMedia: { video: y4m } });
    console.log(`[video-bench] live 60 s: ${r.analysed} frames, ${r.fps.toFixed(1)} fps, coverage ${(100 * r.coverage).toFixed(0)} %, face ${(100 * r.faceRatio).toFixed(0)} %, long tasks ${JSON.stringify(r.longTasks)} (load ${loadavg()[0]!.toFixed(1)})`);
    expect(r.longTasks).toEqual([]);
  });
});
