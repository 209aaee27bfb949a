/**
 * Page script of `hirenet features video` (prebuilt by scripts/build-cli-pages.ts, served and
 * driven by packages/cli/src/features-video.ts): analyses the input file in the vision worker,
 * exactly as a host page would; with `--pose` the windows also get the posture columns.
 */
import { createFaceAnalyzer } from './face-analyzer.ts';
import { frameRowsToCsv } from './frame-row.ts';
import { VIDEO_FEATURE_SCHEMA } from './schema.ts';
import { poolVideoWindows } from './windows.ts';
import { POSTURE_COLUMNS, poolPostureWindows } from './posture-windows.ts';

interface CliArgs {
  readonly inputUrl: string;
  readonly modelUrl: string;
  readonly fps: number;
  /** MediaPipe's module loader and binary, served by the CLI from the installed SDK's dependency. */
  readonly wasmLoaderUrl: string;
  readonly wasmBinaryUrl: string;
  /** A pose model (`--pose`): the windows get the posture columns too (posture-windows.ts). */
  readonly poseUrl?: string;
}

declare global {
  interface Window {
    hirenetVideo?: (a: CliArgs) => Promise<unknown>;
  }
}

window.hirenetVideo = async (a: CliArgs) => {
  const analyzer = createFaceAnalyzer({
    wasmLoaderUrl: a.wasmLoaderUrl,
    wasmBinaryUrl: a.wasmBinaryUrl,
    modelUrl: a.modelUrl,
    fps: a.fps,
    // The user's own local file: no pinned hash to check it against.
    ...(a.poseUrl === undefined ? {} : { pose: { modelUrl: a.poseUrl, modelSha256: null } }),
  });
  try {
    const initMs = await analyzer.ready;
    const blob = await (await fetch(a.inputUrl)).blob();
    const poseError = a.poseUrl === undefined ? null : await analyzer.poseReady;
    if (poseError !== null) return { ok: false, code: 'video-model', message: `pose model: ${poseError}` };
    const { rows, stats, poses } = await analyzer.analyzeFile(blob);
    const posture = poses === null ? null : poolPostureWindows(poses, stats.duration);
    const windows = poolVideoWindows(rows, stats.duration).map((w, i) => ({
      start: w.startSeconds,
      faceRatio: w.faceRatio,
      values: w.values === null ? null : Array.from(w.values),
      ...(posture === null ? {} : { posture: posture[i]?.values ?? null }),
    }));
    const schema = { ...VIDEO_FEATURE_SCHEMA, ...(posture === null ? {} : { postureColumns: POSTURE_COLUMNS }) };
    return { ok: true, initMs, stats, csv: frameRowsToCsv(rows), windows, schema };
  } catch (e) {
    return {
      ok: false,
      code: (e as { code?: string }).code ?? null,
      message: e instanceof Error ? e.message : String(e),
    };
  } finally {
    analyzer.close();
  }
};
