// Files analysed one after another on one vision worker with the pose model: every pose frame and
// face row comes back, with the time spent making the landmarkers fresh (video-pose-refresh.test.ts).
import { createFaceAnalyzer } from '../../../../packages/sdk/src/video/face-analyzer.ts';
import { frameRowValues } from '../../../../packages/sdk/src/video/frame-row.ts';
import { viteVisionWasm } from '../../../../packages/sdk/src/video/mediapipe-urls.vite.ts';
import type { PoseOptions } from '../../../../packages/sdk/src/video/pose-options.ts';
import { exposeRun } from '../../harness/page.ts';

export interface PoseRefreshArgs {
  readonly modelUrl: string;
  readonly pose: PoseOptions;
  readonly files: readonly string[];
}

exposeRun(async (a: PoseRefreshArgs) => {
  // One worker: the files share its landmarkers, which is what the refresh between jobs is about.
  const analyzer = createFaceAnalyzer({ ...viteVisionWasm, modelUrl: a.modelUrl, fileWorkers: 1, pose: a.pose });
  try {
    const initMs = await analyzer.ready;
    const poseError = await analyzer.poseReady;
    const files = [];
    for (const url of a.files) {
      const blob = await (await fetch(url)).blob();
      const { rows, stats, poses, poseUnavailable } = await analyzer.analyzeFile(blob);
      files.push({
        url,
        resetMs: stats.resetMs,
        poseMs: stats.poseMs,
        poseAnalysed: stats.poseAnalysed,
        restarts: stats.restarts,
        wallMs: stats.wallMs,
        // JSON turns NaN into null on both sides alike, so equal rows stay equal.
        faces: rows.map(frameRowValues),
        poses,
        poseUnavailable: poseUnavailable ?? null,
      });
    }
    return { initMs, poseError, files };
  } finally {
    analyzer.close();
  }
});
