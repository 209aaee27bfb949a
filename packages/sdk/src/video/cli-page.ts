/**
 * Page script of `hirenet features video` (prebuilt by scripts/build-cli-pages.ts, served and
 * driven by packages/cli/src/features-video.ts): analyses the input file in the vision worker,
 * exactly as a host page would.
 */
import { createFaceAnalyzer } from './face-analyzer.ts';
import { frameRowsToCsv } from './frame-row.ts';
import { VIDEO_FEATURE_SCHEMA } from './schema.ts';
import { poolVideoWindows } from './windows.ts';

interface CliArgs {
  readonly inputUrl: string;
  readonly modelUrl: string;
  readonly fps: number;
  /** MediaPipe's module loader and binary, served by the CLI from the installed SDK's dependency. */
  readonly wasmLoaderUrl: string;
  readonly wasmBinaryUrl: string;
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
  });
  try {
    const initMs = await analyzer.ready;
    const blob = await (await fetch(a.inputUrl)).blob();
    const { rows, stats } = await analyzer.analyzeFile(blob);
    const windows = poolVideoWindows(rows, stats.duration).map((w) => ({
      start: w.startSeconds,
      faceRatio: w.faceRatio,
      values: w.values === null ? null : Array.from(w.values),
    }));
    return { ok: true, initMs, stats, csv: frameRowsToCsv(rows), windows, schema: VIDEO_FEATURE_SCHEMA };
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
