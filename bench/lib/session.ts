/**
 * The session API end to end in Chromium (bench/pages/bench-session.html) on a fake
 * camera and mic playing a shared clip, with the shipped demo model (models/hirenet-demo):
 * - main-thread long tasks (> 50 ms) while a long live answer records; target 0;
 * - time from endAnswer() to result() resolved, after short answers (median) and after the
 *   long one; target ≤ 1 s (our own target: the issue states none).
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { repoRoot, sharedMissing, sharedUrl } from '../../test/browser/harness/paths.ts';
import { median } from '../pages/bench-workload.ts';
import type { BenchAnswer, BenchSessionArgs, BenchSessionResult } from '../pages/bench-session.ts';
import type { PageRunner } from './page-server.ts';

/** Ours (the issue states no figure): a result within a second of the candidate pressing stop. */
export const END_TO_RESULT_TARGET_MS = 1000;

export interface SessionPlan {
  readonly shortAnswers: number;
  readonly shortSeconds: number;
  readonly longSeconds: number;
}

export interface LongTaskSummary {
  readonly count: number;
  readonly totalMs: number;
  readonly maxMs: number;
}

export interface SessionBenchResult {
  readonly model: string;
  readonly backend: string;
  readonly camera: string;
  readonly createMs: number;
  readonly longTasksCreate: LongTaskSummary;
  readonly short: {
    seconds: number;
    endToResultMs: number[];
    medianMs: number;
    endAnswerMedianMs: number;
    resultMedianMs: number;
    longTasksEndToResult: LongTaskSummary;
  };
  readonly long:
    | (Omit<BenchAnswer, 'longTasksRecording' | 'longTasksEndToResult'> & {
        analysedFps: number | null;
        longTasksRecording: LongTaskSummary;
        longTasksEndToResult: LongTaskSummary;
      })
    | null;
  readonly warnings: string[];
}

export function summarise(durations: readonly number[]): LongTaskSummary {
  return {
    count: durations.length,
    totalMs: durations.reduce((a, b) => a + b, 0),
    maxMs: durations.length === 0 ? 0 : Math.max(...durations),
  };
}

const fs = (abs: string): string => `/@fs${abs}/`;

/** `runner` must have been started with a fake camera and mic (session-fixtures' fakeMedia()). */
export async function benchSession(
  runner: PageRunner,
  plan: SessionPlan,
): Promise<SessionBenchResult | { error: string }> {
  const missing = sharedMissing('models/face_landmarker.task');
  if (missing !== undefined) return { error: missing };
  const modelDir = join(repoRoot, 'models/hirenet-demo');
  if (!existsSync(join(modelDir, 'fusion.json'))) return { error: 'models/hirenet-demo/fusion.json is absent' };
  const args: BenchSessionArgs = {
    assets: {
      modelUrl: fs(modelDir),
      vocabUrl: fs(join(repoRoot, 'models/vocab')),
      wasmPaths: fs(join(repoRoot, 'node_modules/@tensorflow/tfjs-backend-wasm/dist')),
      faceModelUrl: sharedUrl('models/face_landmarker.task'),
    },
    // selectBackend picks wasm here (see the scoring section); timing webgl/webgpu shaders on
    // SwiftShader would add ~30 s to create() and nothing to what is measured.
    backend: 'wasm',
    ...plan,
  };
  const seconds = plan.shortAnswers * (plan.shortSeconds + 5) + plan.longSeconds + 120;
  const r = await runner.run<BenchSessionResult | { error: string }>(
    'bench/pages/bench-session.html',
    args,
    seconds * 1000,
  );
  if ('error' in r) return { error: r.error };
  const short = r.short;
  const cam = r.camera;
  const long =
    r.long === null
      ? null
      : {
          ...r.long,
          analysedFps:
            r.long.videoFrames === null || r.long.videoSeconds === null
              ? null
              : r.long.videoFrames / r.long.videoSeconds,
          longTasksRecording: summarise(r.long.longTasksRecording),
          longTasksEndToResult: summarise(r.long.longTasksEndToResult),
        };
  return {
    model: 'models/hirenet-demo (fusion: audio + video)',
    backend: r.backend,
    camera: `${cam.width ?? '?'}×${cam.height ?? '?'} @ ${cam.frameRate ?? '?'} fps`,
    createMs: r.createMs,
    longTasksCreate: summarise(r.longTasksCreate),
    short: {
      seconds: plan.shortSeconds,
      endToResultMs: short.map((a) => a.endToResultMs),
      medianMs: median(short.map((a) => a.endToResultMs)),
      endAnswerMedianMs: median(short.map((a) => a.endAnswerMs)),
      resultMedianMs: median(short.map((a) => a.resultMs)),
      longTasksEndToResult: summarise(short.flatMap((a) => a.longTasksEndToResult)),
    },
    long,
    warnings: [...r.loadWarnings, ...short.flatMap((a) => a.warnings), ...(r.long?.warnings ?? [])],
  };
}
