/// <reference types="vite/client" />
/**
 * Self-hosted wasm binaries for apps bundled with Vite: the `?url` imports make Vite serve (dev)
 * or emit (build) the three files from node_modules, so initBackend('wasm', { wasmPaths:
 * viteWasmPaths }) fetches nothing from a CDN. Browser-only: Node cannot import `?url`.
 */
import plain from '@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm.wasm?url';
import simd from '@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm-simd.wasm?url';
import threadedSimd from '@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm-threaded-simd.wasm?url';
import type { WasmBinaryName } from './backends.ts';

export const viteWasmPaths: Readonly<Record<WasmBinaryName, string>> = {
  'tfjs-backend-wasm.wasm': plain,
  'tfjs-backend-wasm-simd.wasm': simd,
  'tfjs-backend-wasm-threaded-simd.wasm': threadedSimd,
};
