/**
 * The manifest checks `HireNet.create` runs on files an engine loads: the tfjs wasm binary and
 * MediaPipe's binary. Each is fetched and verified here first, so a corrupt or replaced file is
 * refused with an AssetError before any engine starts on it, and the verified bytes are what the
 * engine runs (tfjs through BackendOptions.wasmBinary, MediaPipe as a compiled module): one
 * request per file and page.
 */
import * as tf from '@tensorflow/tfjs-core';
import type { BackendOptions, WasmBinaryName } from '../backend/backends.ts';
import { MEDIAPIPE_BINARY, type ManifestVerifier } from './manifest.ts';

/** The binary tfjs-backend-wasm 4.22 will ask for here (its getPathToWasmBinary, with a path prefix). */
async function tfjsBinaryName(): Promise<WasmBinaryName> {
  // Importing the package registers the two flags below; it fetches nothing.
  await import('@tensorflow/tfjs-backend-wasm');
  const [simd, threads] = await Promise.all([
    tf.env().getAsync('WASM_HAS_SIMD_SUPPORT'),
    tf.env().getAsync('WASM_HAS_MULTITHREAD_SUPPORT'),
  ]);
  if (simd === true && threads === true) return 'tfjs-backend-wasm-threaded-simd.wasm';
  return simd === true ? 'tfjs-backend-wasm-simd.wasm' : 'tfjs-backend-wasm.wasm';
}

/** Verifies the tfjs wasm binary this browser will load from `wasmPaths` (a directory URL ending in '/'). */
export async function verifyTfjsWasm(
  verifier: ManifestVerifier,
  wasmPaths: string,
): Promise<NonNullable<BackendOptions['wasmBinary']>> {
  const name = await tfjsBinaryName();
  const url = `${wasmPaths}${name}`;
  return { url, bytes: await verifier.fetchVerified('tfjs', name, url) };
}

/**
 * Verifies MediaPipe's wasm binary at the URL the face analyser will load. Its loader (.js) is
 * script the page runs, covered like the host's other JavaScript (bundle, CSP); it is not listed,
 * also because bundlers' dev servers rewrite it on the fly.
 */
export async function verifyVisionWasm(
  verifier: ManifestVerifier,
  urls: { readonly wasmBinaryUrl: string },
): Promise<Uint8Array> {
  // The verified bytes are returned so the vision worker runs exactly them (compiled once, no second fetch).
  return verifier.fetchVerified('mediapipe', MEDIAPIPE_BINARY, urls.wasmBinaryUrl);
}
