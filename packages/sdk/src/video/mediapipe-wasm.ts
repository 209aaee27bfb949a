/**
 * MediaPipe pieces the face and pose engines share in the vision worker: the 13 MB wasm compiled
 * once and instantiated per landmarker start, and that start itself (the checked fetch of a
 * landmarker model: task-model.ts).
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

/**
 * Starts a landmarker (`create`: its `createFromOptions` call) on the compiled `wasm`. tasks-vision
 * clears `globalThis.ModuleFactory` after each start and a module is evaluated only once, so the
 * factory captured from the loader is put back first; it hands `self.Module` (when set) to that
 * factory as the Emscripten config, whose instantiateWasm hook makes an instance of `wasm`. Any
 * failure, the instantiation's included, is a `video-model` error naming `what` (with the CSP hint).
 */
export async function startLandmarker<T>(
  what: string,
  moduleFactory: unknown,
  wasm: WebAssembly.Module,
  create: () => Promise<T>,
): Promise<T> {
  (globalThis as { ModuleFactory?: unknown }).ModuleFactory = moduleFactory;
  const { config, failed } = instantiateFrom(wasm);
  (globalThis as { Module?: unknown }).Module = config;
  try {
    const start = create();
    start.catch(() => undefined);
    return await Promise.race([start, failed]);
  } catch (e) {
    throw new VideoError('video-model', withWasmCspHint(`${what} could not start: ${String(e)}`, e), { cause: e });
  }
}

/**
 * Makes a used landmarker fresh for the next job: setOptions rebuilds MediaPipe's graph inside the
 * landmarker's own wasm instance, so tracking and landmark smoothing start over and the output matches
 * a new landmarker's to the byte (video-file and video-pose-refresh tests). A new landmarker would be a
 * second wasm instance whose memory lives beside the old one's until the worker's GC runs: ~50 MB at
 * the end of every file, the peak of `hirenet analyze` (issue 15). False when the graph cannot be
 * rebuilt: the caller then starts a new landmarker.
 */
export async function rebuildGraph(landmarker: {
  setOptions(options: { runningMode: 'VIDEO' }): Promise<void>;
}): Promise<boolean> {
  try {
    await landmarker.setOptions({ runningMode: 'VIDEO' });
    return true;
  } catch {
    return false;
  }
}
