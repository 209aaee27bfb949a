/**
 * Face analysis speed in Chromium (MediaPipe Face Landmarker, CPU delegate, in workers):
 * - file: real-time factor (seconds of video analysed per wall second) of each shared clip at
 *   15 fps with 2 file workers, through test/browser/pages/video/file.html; target ≥ 2×.
 * - live: analysed fps and analysed ÷ slots (slots = stream seconds × 15 requested fps) from a
 *   fake camera playing a shared clip, through test/browser/pages/video/live.html, in the
 *   MediaStreamTrackProcessor mode and the requestVideoFrameCallback fallback; target: the
 *   requested 15 fps kept (analysed ÷ slots ≥ 0.95).
 * Medians over repeated runs; each run is a fresh page (worker start and model load excluded).
 */
import { sharedMissing, sharedUrl } from '../../test/browser/harness/paths.ts';
import { median } from '../pages/bench-workload.ts';
import type { PageRunner } from './page-server.ts';

export const VIDEO_FPS = 15;
export const FILE_WORKERS = 2;
export const FILE_TARGET = 2;
export const LIVE_TARGET = 0.95;
const MODEL = 'models/face_landmarker.task';
export const ALL_CLIPS = [
  'vrt_face_1.mp4',
  'vrt_face_2.mp4',
  'vrt_face_3.mp4',
  'vrt_face_4.mp4',
  'vrt_face_5.mp4',
  'talk_f1.mp4',
  'talk_f2.mp4',
];

export interface VideoPlan {
  readonly clips: readonly string[];
  readonly fileRuns: number;
  /** Why file analysis is not run (fileRuns 0), for the report. */
  readonly fileSkipped?: string;
  /** Analyse the first clip once, untimed, before the timed clips (both workers started and warm). */
  readonly fileWarmup: boolean;
  /** Live runs per mode and their length; modes not listed are skipped. */
  readonly liveRuns: number;
  readonly liveSeconds: number;
  readonly liveModes: readonly LiveMode[];
}
type LiveMode = 'track-processor' | 'video-frame-callback';

export interface ClipResult {
  readonly clip: string;
  readonly seconds: number;
  readonly size: string;
  readonly codec: string;
  /** Real-time factor per run, and their median. */
  readonly speeds: number[];
  readonly speedMedian: number;
  readonly detectMsMedian: number;
  readonly faceRatio: number;
}

export interface LiveRun {
  readonly seconds: number;
  readonly analysed: number;
  readonly fps: number;
  /** analysed ÷ (stream seconds × 15): share of the requested slots analysed. */
  readonly coverage: number;
  readonly faceRatio: number;
  readonly longTasks: number;
}

export interface LiveResult {
  readonly mode: string;
  readonly camera: string;
  readonly runs: LiveRun[];
  readonly fpsMedian: number;
  readonly coverageMedian: number;
}

export interface VideoResult {
  readonly fps: number;
  readonly file:
    | {
        workers: number;
        maxInputSide: number;
        runs: number;
        warmup: boolean;
        clips: ClipResult[];
        overallSpeeds: number[];
        overallMedian: number;
        initMsMedian: number;
      }
    | { error: string }
    | { skipped: string }
    | null;
  readonly live: (LiveResult | { mode: string; error: string })[];
}

interface FileStats {
  duration: number;
  width: number;
  height: number;
  codec: string;
  speed: number;
  detectMsMedian: number;
  faceRatio: number;
  wallMs: number;
}
interface FilePage {
  initMs: number;
  files: { url: string; stats?: FileStats; error?: { message: string } }[];
}
interface LivePage {
  error?: string;
  mode: string;
  settings: { width: number; height: number; frameRate: number };
  duration: number;
  analysed: number;
  fps: number;
  coverage: number;
  faceRatio: number;
  longTasks: number[];
}

const isError = (r: unknown): r is { error: string } =>
  typeof r === 'object' && r !== null && typeof (r as { error?: unknown }).error === 'string';

export function videoMissing(clips: readonly string[]): string | undefined {
  return sharedMissing(MODEL, ...clips.map((c) => `fixtures/video/${c}`));
}

async function benchFile(runner: PageRunner, plan: VideoPlan, log: (m: string) => void): Promise<VideoResult['file']> {
  const perClip: FileStats[][] = plan.clips.map(() => []);
  const overall: number[] = [];
  const inits: number[] = [];
  for (let run = 0; run < plan.fileRuns; run++) {
    log(`video file, run ${run + 1}/${plan.fileRuns} (${plan.clips.length} clips) …`);
    const files = [...(plan.fileWarmup ? plan.clips.slice(0, 1) : []), ...plan.clips].map((c) =>
      sharedUrl(`fixtures/video/${c}`),
    );
    const r = await runner.run<FilePage>(
      'test/browser/pages/video/file.html',
      { modelUrl: sharedUrl(MODEL), fps: VIDEO_FPS, fileWorkers: FILE_WORKERS, files },
      600_000,
    );
    if (isError(r)) return { error: r.error };
    if (plan.fileWarmup) r.files.shift();
    const failed = r.files.find((f) => f.stats === undefined);
    if (failed !== undefined) return { error: `${failed.url}: ${failed.error?.message ?? 'no stats'}` };
    inits.push(r.initMs);
    r.files.forEach((f, i) => perClip[i]?.push(f.stats!));
    const stats = r.files.map((f) => f.stats!);
    overall.push(stats.reduce((a, s) => a + s.duration, 0) / (stats.reduce((a, s) => a + s.wallMs, 0) / 1000));
  }
  const clips = plan.clips.map((clip, i): ClipResult => {
    const runs = perClip[i] ?? [];
    const first = runs[0]!;
    return {
      clip,
      seconds: first.duration,
      size: `${first.width}×${first.height}`,
      codec: first.codec,
      speeds: runs.map((s) => s.speed),
      speedMedian: median(runs.map((s) => s.speed)),
      detectMsMedian: median(runs.map((s) => s.detectMsMedian)),
      faceRatio: first.faceRatio,
    };
  });
  return {
    workers: FILE_WORKERS,
    maxInputSide: 480,
    runs: plan.fileRuns,
    warmup: plan.fileWarmup,
    clips,
    overallSpeeds: overall,
    overallMedian: median(overall),
    initMsMedian: median(inits),
  };
}

async function benchLive(
  runner: PageRunner,
  plan: VideoPlan,
  mode: LiveMode,
  log: (m: string) => void,
): Promise<LiveResult | { mode: string; error: string }> {
  const runs: LiveRun[] = [];
  let camera = '';
  for (let run = 0; run < plan.liveRuns; run++) {
    log(`video live ${mode}, run ${run + 1}/${plan.liveRuns} (${plan.liveSeconds} s) …`);
    const r = await runner.run<LivePage>(
      'test/browser/pages/video/live.html',
      { modelUrl: sharedUrl(MODEL), seconds: plan.liveSeconds, mode },
      120_000 + plan.liveSeconds * 1000,
    );
    if (isError(r)) return { mode, error: r.error };
    if (r.mode !== mode) return { mode, error: `the page ran ${r.mode}, not ${mode}` };
    camera = `${r.settings.width}×${r.settings.height} @ ${r.settings.frameRate} fps`;
    runs.push({
      seconds: r.duration,
      analysed: r.analysed,
      fps: r.fps,
      coverage: r.coverage,
      faceRatio: r.faceRatio,
      longTasks: r.longTasks.length,
    });
  }
  return {
    mode,
    camera,
    runs,
    fpsMedian: median(runs.map((r) => r.fps)),
    coverageMedian: median(runs.map((r) => r.coverage)),
  };
}

/** `runner` must have been started with a fake camera (session-fixtures' fakeMedia()). */
export async function benchVideo(
  runner: PageRunner,
  plan: VideoPlan,
  log: (m: string) => void,
): Promise<VideoResult | { error: string }> {
  const missing = videoMissing(plan.clips);
  if (missing !== undefined) return { error: missing };
  const file =
    plan.fileRuns > 0
      ? await benchFile(runner, plan, log)
      : plan.fileSkipped !== undefined
        ? { skipped: plan.fileSkipped }
        : null;
  const live = [];
  for (const mode of plan.liveModes) live.push(await benchLive(runner, plan, mode, log));
  return { fps: VIDEO_FPS, file, live };
}
