/**
 * MediaPipe's wasm (13 MB) compiled once per page: the session compiles the bytes it verified
 * against the manifest and hands the WebAssembly.Module to the vision worker (a Module crosses
 * postMessage within the page's agent cluster), so the binary is fetched and compiled once, and
 * what runs is exactly what was verified. Kept apart from face-engine.ts so the page does not
 * import tasks-vision.
 */
import { withWasmCspHint } from '../util/wasm-csp.ts';
import { VideoError } from './errors.ts';

/** Compiles in the background (WebAssembly.compile is asynchronous); a failure is a `video-model` error. */
export function compileVisionWasm(bytes: Uint8Array): Promise<WebAssembly.Module> {
  const p = WebAssembly.compile(bytes as Uint8Array<ArrayBuffer>).catch((e: unknown) => {
    throw new VideoError('video-model', withWasmCspHint(`MediaPipe wasm could not be compiled: ${String(e)}`, e), {
      cause: e,
    });
  });
  p.catch(() => undefined);
  return p;
}
