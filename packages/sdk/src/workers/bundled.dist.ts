/**
 * The published build's variant of bundled.ts (scripts/build-sdk-files.ts copies its output over
 * dist/workers/bundled.js): the prebuilt, self-contained worker and worklet files in
 * dist/workers/, resolved against this module (dist/workers/bundled.js, or
 * dist/bundle/index.js: both one level under dist/). `import.meta.url` is read into a variable on
 * purpose: written inside `new URL('…', import.meta.url)` a host bundler would try to compile the
 * files again. Under a bundler that moves this module (Vite's dependency optimiser, webpack) these
 * defaults do not resolve; `HireNet.create` therefore defaults to `<assetsBaseUrl>` copies
 * (`npx hirenet assets`) and the low-level APIs take `workerUrl` / `workletUrl`.
 */

export const PREBUILT_WORKERS: boolean = true;

const here: string = import.meta.url;
const at = (file: string): URL => new URL(file, here);

export const bundledAudioWorker = (): Worker =>
  new Worker(at('../workers/audio-worker.js'), { type: 'module', name: 'hirenet-audio' });

export const bundledVisionWorker = (): Worker =>
  new Worker(at('../workers/vision-worker.js'), { type: 'module', name: 'hirenet-vision' });

export const bundledWorkletUrl = (): URL => at('../workers/capture-worklet.js');

export const bundledLabel = (kind: 'audio' | 'vision'): string => at(`../workers/${kind}-worker.js`).href;
