// Live camera analysis from Chromium's fake camera (test/browser/video-live.test.ts).
import { createFaceAnalyzer } from '../../../../packages/sdk/src/video/face-analyzer.ts';
import { viteVisionWasm } from '../../../../packages/sdk/src/video/mediapipe-urls.vite.ts';
import { crashFaceWorker } from '@hirenet/sdk/internal/util/test-seams';
import { exposeRun, recordLongTasks } from '../../harness/page.ts';

interface Args {
  readonly modelUrl: string;
  readonly seconds: number;
  readonly mode?: 'auto' | 'track-processor' | 'video-frame-callback';
  /** Stop the camera track itself after this many seconds (the track "ends mid-answer"). */
  readonly endTrackAfter?: number;
  /** Crash the worker after this many seconds. */
  readonly crashAfter?: number;
}

const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

exposeRun(async (a: Args) => {
  const { durations: longTasks, stop: stopLongTasks } = recordLongTasks();
  const analyzer = createFaceAnalyzer({ ...viteVisionWasm, modelUrl: a.modelUrl });
  const initMs = await analyzer.ready;
  const longTasksDuringInit = longTasks.length;
  const stream = await navigator.mediaDevices.getUserMedia({ video: true });
  const track = stream.getVideoTracks()[0]!;
  const settings = track.getSettings();
  const session = analyzer.startLive(track, { mode: a.mode ?? 'auto' });
  const t0 = performance.now();
  const timers: Promise<void>[] = [];
  if (a.crashAfter !== undefined) timers.push(sleep(a.crashAfter * 1000).then(() => crashFaceWorker(analyzer)));
  let result: Awaited<typeof session.done> | null;
  if (a.endTrackAfter !== undefined) {
    await sleep(a.endTrackAfter * 1000);
    const before = session.rows.length;
    track.stop();
    result = await Promise.race([session.done, sleep(10_000).then(() => null)]);
    if (result === null) return { error: `session did not settle after the track ended (${before} rows before)` };
  } else {
    await sleep(a.seconds * 1000);
    result = await session.stop();
  }
  await Promise.all(timers);
  const wall = (performance.now() - t0) / 1000;
  stopLongTasks();
  track.stop();
  analyzer.close();
  const faces = result.rows.reduce((n, r) => n + r.face, 0);
  const times = result.rows.map((r) => r.time);
  return {
    initMs,
    settings: { width: settings.width, height: settings.height, frameRate: settings.frameRate },
    mode: result.mode,
    duration: result.duration,
    wall,
    analysed: result.analysed,
    fps: result.analysed / result.duration,
    coverage: result.coverage,
    faceRatio: result.rows.length ? faces / result.rows.length : 0,
    restarts: result.restarts,
    warnings: result.warnings.map((w) => ({ code: w.code, message: w.message })),
    increasing: times.every((t, i) => i === 0 || t > times[i - 1]!),
    // Stream time covered by the rows (frame timestamps), which can run ahead of wall time
    // when the fake camera catches up after a stall.
    streamSpan: times.length > 1 ? times[times.length - 1]! - times[0]! : 0,
    longTasks: longTasks.slice(longTasksDuringInit),
    longTasksDuringInit,
  };
});
