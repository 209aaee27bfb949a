// HireNet.create against served (and, by the test's route interception, tampered) assets
// (test/browser/session-assets.test.ts): reports either the loaded identity or the typed refusal.
import type { BackendChoice } from '../../../../packages/sdk/src/session/options.ts';
import { HireNet } from '../../../../packages/sdk/src/session/hirenet.ts';
import type { SessionModality } from '../../../../packages/sdk/src/session/types.ts';
import { viteVisionWasm } from '../../../../packages/sdk/src/video/mediapipe-urls.vite.ts';
import { exposeRun } from '../../harness/page.ts';
import { pageSessionOptions, type PageAssets } from './page-options.ts';

interface Args extends PageAssets {
  faceModelUrl: string | null;
  modalities: SessionModality[];
  backend: BackendChoice;
  manifestSha256?: string;
  manifestUrl?: string;
  /** Default: the Vite-served MediaPipe files; a test may point them at served copies. */
  visionWasm?: { wasmLoaderUrl: string; wasmBinaryUrl: string };
}

exposeRun(async (a: Args) => {
  let hn: HireNet | undefined;
  try {
    const assets = { modelUrl: a.modelUrl, vocabUrl: a.vocabUrl, wasmPaths: a.wasmPaths, faceModelUrl: a.faceModelUrl };
    hn = await HireNet.create(
      pageSessionOptions(assets, {
        visionWasm: a.visionWasm ?? viteVisionWasm,
        backend: a.backend,
        modalities: a.modalities,
        persist: false,
        ...(a.manifestSha256 === undefined ? {} : { manifestSha256: a.manifestSha256 }),
        ...(a.manifestUrl === undefined ? {} : { manifestUrl: a.manifestUrl }),
      }),
    );
    const s = hn.startInterview({ jobTitle: 'Engineer', questions: ['Why this role?'] });
    const loaded = s
      .eventLogs()
      .at(-1)
      ?.events.find((e) => e.type === 'model-loaded') as { modelSha256?: string; modelVersion?: string } | undefined;
    return {
      ok: true,
      modalities: hn.modalities,
      backend: hn.backend,
      warnings: hn.warnings.map((w) => w.code),
      modelSha256: loaded?.modelSha256 ?? null,
      modelVersion: loaded?.modelVersion ?? null,
    };
  } catch (e) {
    const err = e as { code?: string; url?: string; name?: string; message?: string };
    return {
      ok: false,
      name: err.name ?? typeof e,
      code: err.code ?? null,
      url: err.url ?? null,
      message: err.message ?? String(e),
    };
  } finally {
    await hn?.close();
  }
});
