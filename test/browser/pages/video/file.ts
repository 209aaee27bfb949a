// Analyses recorded files in the vision worker (test/browser/video-file.test.ts).
import { createFaceAnalyzer, type FaceAnalyzer } from '../../../../packages/sdk/src/video/face-analyzer.ts';
import { isVideoError } from '../../../../packages/sdk/src/video/errors.ts';
import { frameRowValues, type VideoFrameRow } from '../../../../packages/sdk/src/video/frame-row.ts';
import { poolVideoWindows } from '../../../../packages/sdk/src/video/windows.ts';
import { viteVisionWasm } from '../../../../packages/sdk/src/video/mediapipe-urls.vite.ts';
import { crashFaceWorker } from '@hirenet/sdk/internal/util/test-seams';
import type { PoseOptions } from '../../../../packages/sdk/src/video/pose-options.ts';
import { exposeRun } from '../../harness/page.ts';

interface Args {
  readonly modelUrl: string;
  readonly files: readonly string[];
  readonly fps?: number;
  readonly modelSha256?: string | null;
  /** Crash the worker after this many rows of the first file (restart test). */
  readonly crashAfterRows?: number;
  readonly maxInputSide?: number;
  readonly fileWorkers?: number;
  /** Also return the pooled 0.5 s / 0.25 s windows (masking summary). */
  readonly pool?: boolean;
  /** A pose model: the pose frames come back too (posture columns, session-posture.test.ts). */
  readonly pose?: PoseOptions;
}

let analyzer: FaceAnalyzer | undefined;

exposeRun(async (a: Args) => {
  analyzer?.close();
  analyzer = createFaceAnalyzer({
    ...viteVisionWasm,
    modelUrl: a.modelUrl,
    fps: a.fps ?? 15,
    modelSha256: a.modelSha256,
    maxInputSide: a.maxInputSide,
    fileWorkers: a.fileWorkers,
    ...(a.pose === undefined ? {} : { pose: a.pose }),
  });
  let initMs: number;
  try {
    initMs = await analyzer.ready;
  } catch (e) {
    return { initError: { code: isVideoError(e) ? e.code : null, message: String(e) } };
  }
  const out = [];
  for (const url of a.files) {
    const blob = await (await fetch(url)).blob();
    const beforeCrash: (number | null)[][] = [];
    let crashed = false;
    const onRows = (rows: VideoFrameRow[]): void => {
      if (!crashed) beforeCrash.push(...rows.map(frameRowValues));
      if (a.crashAfterRows !== undefined && !crashed && beforeCrash.length >= a.crashAfterRows) {
        crashed = true;
        if (analyzer !== undefined) crashFaceWorker(analyzer);
      }
    };
    try {
      const { rows, stats, poses } = await analyzer.analyzeFile(blob, onRows);
      // JSON turns NaN into null, which the Node side reads back as "not measured".
      const windows = a.pool
        ? poolVideoWindows(rows, stats.duration).map((w) => ({
            start: w.startSeconds,
            masked: w.masked,
            faceRatio: w.faceRatio,
            frames: w.frames,
          }))
        : undefined;
      out.push({
        url,
        stats,
        values: rows.map(frameRowValues),
        beforeCrash: crashed ? beforeCrash : undefined,
        windows,
        poseTimes: poses?.map((p) => p.time) ?? null,
        poseFound: poses?.filter((p) => p.found === 1).length ?? null,
      });
    } catch (e) {
      out.push({ url, error: { code: isVideoError(e) ? e.code : null, name: (e as Error).name, message: String(e) } });
    }
  }
  return { initMs, files: out };
});
