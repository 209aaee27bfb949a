/**
 * Thin correctness check over the video benchmark's code (bench/lib/video.ts): every shared clip
 * is analysed with a face in ≥ 95 % of frames, and a 60 s live session has no main-thread long
 * task. The figures themselves (medians over runs, beside their targets) come from
 * `npm run bench -- --only video` → bench/RESULTS.md. Slow, so only with HIRENET_VIDEO_BENCH=1:
 *   HIRENET_VIDEO_BENCH=1 npx vitest run --project browser test/browser/video-bench.test.ts
 */
import { loadavg } from 'node:os';
import { afterAll, describe, expect, it } from 'vitest';
import { startPageRunner, type PageRunner } from '../../bench/lib/page-server.ts';
import { ALL_CLIPS, benchVideo, videoMissing, type VideoResult } from '../../bench/lib/video.ts';
import { cleanWorkDir, fakeMedia } from './session-fixtures.ts';

const enabled = process.env.HIRENET_VIDEO_BENCH === '1';
const missing = videoMissing(ALL_CLIPS);

describe.skipIf(!enabled || missing !== undefined)('video benchmark code', () => {
  let runner: PageRunner | undefined;
  const get = async (): Promise<PageRunner> => (runner ??= await startPageRunner({ fakeMedia: fakeMedia() }));
  const log = (m: string): void => console.log(`[video-bench] ${m} (load ${loadavg()[0]!.toFixed(1)})`);
  afterAll(async () => {
    await runner?.close();
    cleanWorkDir();
  });

  it('analyses every shared clip, face found in ≥ 95 % of frames', async () => {
    const r = await benchVideo(
      await get(),
      { clips: ALL_CLIPS, fileRuns: 1, fileWarmup: false, liveRuns: 0, liveSeconds: 0, liveModes: [] },
      log,
    );
    expect('error' in r ? r.error : undefined).toBeUndefined();
    const file = (r as VideoResult).file;
    if (file === null || !('clips' in file)) throw new Error(file === null ? 'no file result' : JSON.stringify(file));
    log(
      [
        `files: ${file.overallMedian.toFixed(2)}× real time;`,
        `${file.clips.map((c) => `${c.clip} ${c.speedMedian.toFixed(2)}×`).join(', ')}`,
      ].join(' '),
    );
    for (const c of file.clips) {
      expect(c.faceRatio, c.clip).toBeGreaterThanOrEqual(0.95);
      expect(c.speedMedian, c.clip).toBeGreaterThan(0);
    }
  });

  it('60 s live session: no main-thread long task', async () => {
    const r = await benchVideo(
      await get(),
      { clips: [], fileRuns: 0, fileWarmup: false, liveRuns: 1, liveSeconds: 60, liveModes: ['track-processor'] },
      log,
    );
    expect('error' in r ? r.error : undefined).toBeUndefined();
    const live = (r as VideoResult).live[0];
    if (live === undefined || 'error' in live) throw new Error(live === undefined ? 'no live result' : live.error);
    const run = live.runs[0]!;
    log(
      [
        `live 60 s: ${run.analysed} frames, ${run.fps.toFixed(1)} fps, analysed ÷ slots`,
        `${run.coverage.toFixed(2)}, face ${(100 * run.faceRatio).toFixed(0)} %, long tasks`,
        `${run.longTasks}`,
      ].join(' '),
    );
    expect(run.faceRatio).toBeGreaterThanOrEqual(0.95);
    expect(run.longTasks).toBe(0);
  });
});
