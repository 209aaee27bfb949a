import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import {
  chromiumLacks,
  closeHarness,
  needs,
  sharedMissing,
  sharedPath,
  sharedUrl,
  withPage,
  type PageOptions,
} from './harness/index.ts';
import { runFfmpeg } from './harness/tools.ts';

const MODEL = 'models/face_landmarker.task';
const CLIP = 'fixtures/video/talk_f1.mp4';
const missing = sharedMissing(MODEL, CLIP);
if (missing) console.warn(`[video-live] ${missing}`);

interface LiveResult {
  error?: string;
  initMs: number;
  settings: { width: number; height: number; frameRate: number };
  mode: string;
  duration: number;
  analysed: number;
  fps: number;
  coverage: number;
  faceRatio: number;
  restarts: number;
  warnings: { code: string; message: string }[];
  increasing: boolean;
  streamSpan: number;
  longTasks: number[];
  longTasksDuringInit: number;
}

let tmp = '';
let fakeCamera: PageOptions | undefined;

/** Chromium's fake camera plays a .y4m in a loop; made from the real clip at test time (≈80 MB, never committed). */
function camera(): PageOptions {
  if (fakeCamera) return fakeCamera;
  tmp = mkdtempSync(join(tmpdir(), 'hirenet-live-'));
  const y4m = join(tmp, 'talk_f1.y4m');
  runFfmpeg('-i', sharedPath(CLIP), '-pix_fmt', 'yuv420p', y4m);
  fakeCamera = { fakeMedia: { video: y4m } };
  return fakeCamera;
}

function live(args: Record<string, unknown>): Promise<LiveResult> {
  return withPage(
    'video/live.html',
    async (h) => {
      const r = await h.run<LiveResult>({ modelUrl: sharedUrl(MODEL), ...args });
      // Vite's own HMR socket (ws://127.0.0.1) is harness plumbing; anything else would be a leak.
      expect(h.externalRequests().filter((q) => new URL(q.url).hostname !== '127.0.0.1')).toEqual([]);
      return r;
    },
    camera(),
  );
}

function report(name: string, r: LiveResult): void {
  console.log(
    [
      `[video-live] ${name}: ${r.mode}, camera`,
      `${r.settings.width}×${r.settings.height}@${r.settings.frameRate}, ${r.analysed} frames in`,
      `${r.duration.toFixed(1)} s = ${r.fps.toFixed(1)} fps analysed, coverage`,
      `${(100 * r.coverage).toFixed(0)} %, face ${(100 * r.faceRatio).toFixed(0)} %, restarts`,
      `${r.restarts}, main-thread long tasks ${r.longTasks.length} (${r.longTasksDuringInit} during`,
      `init), warnings ${r.warnings.map((w) => w.code).join(',') || 'none'}`,
    ].join(' '),
  );
}

describe.skipIf(missing !== undefined)('live camera analysis', () => {
  afterAll(async () => {
    await closeHarness();
    if (tmp) rmSync(tmp, { recursive: true, force: true });
  });

  it(
    'MediaStreamTrackProcessor → worker: analyses at up to 15 fps, drops rather than queues, no ' +
      'main-thread long tasks',
    async () => {
      const r = await live({ seconds: 12 });
      report('track-processor', r);
      expect(r.error).toBeUndefined();
      expect(r.mode).toBe('track-processor');
      expect(r.faceRatio).toBeGreaterThanOrEqual(0.95);
      // At most one analysed frame per 1/15 s slot of stream time: frames are dropped, not queued.
      expect(r.analysed).toBeLessThanOrEqual(Math.floor(r.streamSpan * 15) + 1);
      expect(r.coverage).toBeGreaterThan(0.3);
      expect(r.increasing).toBe(true);
      expect(r.warnings).toEqual([]);
      expect(r.longTasks).toEqual([]);
    },
  );

  const noBitmapFace = needs('video-live: fallback path', chromiumLacks('bitmap-face'));
  it.skipIf(noBitmapFace)('fallback requestVideoFrameCallback + createImageBitmap works too', async () => {
    const r = await live({ seconds: 6, mode: 'video-frame-callback' });
    report('video-frame-callback', r);
    expect(r.error).toBeUndefined();
    expect(r.mode).toBe('video-frame-callback');
    expect(r.faceRatio).toBeGreaterThanOrEqual(0.95);
    expect(r.analysed).toBeGreaterThan(10);
  });

  it('stop() right after startLive settles, without a warning', async () => {
    // On a page's first stream the worker usually attaches before the stop arrives, so this does
    // not hit the stop-before-attach race; packages/sdk/src/video/live-tap.test.ts pins that down.
    const r = await live({ seconds: 0 });
    report('immediate stop', r);
    expect(r.error).toBeUndefined();
    expect(r.mode).toBe('track-processor');
    expect(r.warnings).toEqual([]);
    expect(r.duration).toBeLessThan(10);
  });

  it('a track that ends mid-answer yields a video-track-ended warning and keeps the frames so far', async () => {
    const r = await live({ seconds: 0, endTrackAfter: 4 });
    report('track ended', r);
    expect(r.error).toBeUndefined();
    expect(r.warnings.map((w) => w.code)).toEqual(['video-track-ended']);
    expect(r.analysed).toBeGreaterThan(10);
  });

  it('the fallback path also reports a track that ends mid-answer', async () => {
    const r = await live({ seconds: 0, endTrackAfter: 3, mode: 'video-frame-callback' });
    report('track ended (fallback)', r);
    expect(r.error).toBeUndefined();
    expect(r.warnings.map((w) => w.code)).toEqual(['video-track-ended']);
    expect(r.analysed).toBeGreaterThan(5);
  });

  it('a worker crash during a live session restarts the worker and keeps the rows already extracted', async () => {
    const r = await live({ seconds: 8, crashAfter: 3 });
    report('crash', r);
    expect(r.error).toBeUndefined();
    expect(r.restarts).toBe(1);
    expect(r.increasing).toBe(true);
    expect(r.analysed).toBeGreaterThan(20);
  });
});
