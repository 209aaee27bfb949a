// The HireNet.create options every session test page starts from, in one place: a change to how
// the pages load the SDK's assets is then made once.
import { viteAudioWorklet } from '../../../../packages/sdk/src/audio/capture-urls.vite.ts';
import type { HireNetOptions } from '../../../../packages/sdk/src/session/options.ts';
import { viteVisionWasm } from '../../../../packages/sdk/src/video/mediapipe-urls.vite.ts';

/** Asset URLs a test hands its page (test/browser/session-fixtures.ts, tinySessionAssets). */
export interface PageAssets {
  readonly modelUrl: string;
  readonly vocabUrl: string;
  readonly wasmPaths: string;
  /** `null` turns the face channel off; absent, the page passes its own. */
  readonly faceModelUrl?: string | null;
}

/**
 * The test's asset URLs (served by the Vite test server), Vite's MediaPipe wasm and capture
 * worklet, the wasm backend, and a base URL that serves nothing (`/unused/`), so an asset the page
 * does not name fails instead of loading from a default. `extra` adds or overrides options.
 */
export function pageSessionOptions(assets: PageAssets, extra: Partial<HireNetOptions> = {}): HireNetOptions {
  return {
    assetsBaseUrl: '/unused/',
    ...assets,
    visionWasm: viteVisionWasm,
    audioWorkletUrl: viteAudioWorklet.workletUrl,
    backend: 'wasm',
    ...extra,
  };
}
