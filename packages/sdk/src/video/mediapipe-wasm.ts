/**
 * MediaPipe pieces the face and pose engines share in the vision worker: the 13 MB wasm compiled
 * once and instantiated per landmarker start (the checked fetch of a landmarker model: task-model.ts).
 */
import { withWasmCspHint } from '../util/wasm-csp.ts';
import { VideoError } from './errors.ts';

/** Fetches and compiles the MediaPipe wasm (streaming when it is served as application/wasm). */
export async function compileWasm(url: string): Promise<WebAssembly.Module> {
  try {
    const res = await fetch(url, { credentials: 'same-origin' });
    if (!res.ok) throw new Error(`HTTP ${res.status}`);
    if ((res.headers.get('content-type') ?? '').startsWith('application/wasm'))
      return await WebAssembly.compileStreaming(res);
    return await WebAssembly.compile(await res.arrayBuffer());
  } catch (e) {
    throw new VideoError(
      'video-model',
      withWasmCspHint(`MediaPipe wasm could not be compiled from ${url}: ${String(e)}`, e),
      {
        cause: e,
      },
    );
  }
}

/**
 * An Emscripten module config whose instantiateWasm hook instantiates `wasm`; `failed` rejects if
 * that fails (Emscripten's callback has no error path, so the start would otherwise never settle).
 */
export function instantiateFrom(wasm: WebAssembly.Module): { config: object; failed: Promise<never> } {
  let fail: (e: unknown) => void = () => undefined;
  const failed = new Promise<never>((_, reject) => {
    fail = reject;
  });
  failed.catch(() => undefined);
  const config = {
    instantiateWasm(imports: WebAssembly.Imports, done: (instance: WebAssembly.Instance) => void): object {
      WebAssembly.instantiate(wasm, imports).then(done, fail);
      return {};
    },
  };
  return { config, failed };
}
