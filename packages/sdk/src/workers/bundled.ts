/**
 * Where the audio worker, the vision worker and the capture worklet come from when the host names
 * none. This is the workspace variant (TypeScript sources, the "source" export condition): the
 * host's bundler — Vite in the demo and the browser tests — compiles the workers from these
 * `new Worker(new URL(…, import.meta.url))` patterns. The published build replaces this module
 * with bundled.dist.ts (scripts/build-sdk-files.ts): prebuilt self-contained files under
 * dist/workers/, and no pattern a host bundler would follow into the SDK's internals.
 */

/** True in the published build: `HireNet.create` then defaults the workers to `<assetsBaseUrl>`. */
export const PREBUILT_WORKERS: boolean = false;

export const bundledAudioWorker = (): Worker =>
  new Worker(new URL('../audio/audio-worker.ts', import.meta.url), { type: 'module', name: 'hirenet-audio' });

export const bundledVisionWorker = (): Worker =>
  new Worker(new URL('../video/vision-worker.ts', import.meta.url), { type: 'module', name: 'hirenet-vision' });

export const bundledWorkletUrl = (): URL => new URL('../audio/capture-worklet.ts', import.meta.url);

/** What error messages name when the default worker fails to load. */
export const bundledLabel = (kind: 'audio' | 'vision'): string => `bundled ${kind}-worker.ts`;
