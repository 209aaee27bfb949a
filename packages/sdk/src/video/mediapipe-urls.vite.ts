/// <reference types="vite/client" />
/**
 * Self-hosted MediaPipe wasm for apps bundled with Vite: the `?url` imports make Vite serve
 * (dev) or emit (build) the module flavour of the loader and its binary from node_modules, so
 * nothing is fetched from a CDN. Browser-only.
 */
import loader from '@mediapipe/tasks-vision/vision_wasm_module_internal.js?url';
import binary from '@mediapipe/tasks-vision/vision_wasm_module_internal.wasm?url';

export const viteVisionWasm: { readonly wasmLoaderUrl: string; readonly wasmBinaryUrl: string } = {
  wasmLoaderUrl: loader,
  wasmBinaryUrl: binary,
};
