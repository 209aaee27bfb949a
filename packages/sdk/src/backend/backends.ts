/**
 * tfjs backend selection. Backends are imported lazily so a page only downloads the ones it
 * uses, and only tfjs-core plus the backend packages are used (not the whole '@tensorflow/tfjs'
 * bundle). The wasm binaries are always self-hosted: pass `wasmPaths` in browsers (see
 * wasm-urls.vite.ts for Vite apps); in Node they are read from node_modules.
 */
import * as tf from '@tensorflow/tfjs-core';
import { withWasmCspHint } from '../util/wasm-csp.ts';
import { HireNetError } from '../util/errors.ts';

export type BackendName = 'cpu' | 'wasm' | 'webgl' | 'webgpu';

/** In order of preference for a first try; speed here is measured, not assumed (see bench/). */
export const backendNames: readonly BackendName[] = ['wasm', 'cpu', 'webgl', 'webgpu'];

/** Names of the wasm binaries shipped in @tensorflow/tfjs-backend-wasm/dist. */
export type WasmBinaryName =
  | 'tfjs-backend-wasm.wasm'
  | 'tfjs-backend-wasm-simd.wasm'
  | 'tfjs-backend-wasm-threaded-simd.wasm';

/**
 * Where the wasm backend fetches its binaries: a URL prefix ending in '/' under which all three
 * files are served, or one URL per binary (all three required).
 */
export type WasmPaths = string | Readonly<Record<WasmBinaryName, string>>;

export interface BackendOptions {
  /**
   * Required for 'wasm' in browsers (nothing is fetched from a CDN); ignored by other backends. Node default:
   * node_modules.
   */
  readonly wasmPaths?: WasmPaths;
  /**
   * The wasm binary's bytes, fetched (and checked) by the caller: tfjs instantiates them instead
   * of fetching `url` a second time. `url` is the binary's URL under `wasmPaths`.
   */
  readonly wasmBinary?: { readonly url: string; readonly bytes: Uint8Array };
}

export interface BackendInfo {
  readonly name: BackendName;
  /** Wall time of import + initialisation, ms (0 when the backend was already active). */
  readonly initMs: number;
}

/** A backend could not be imported or initialised here (no WebGPU adapter, no WebGL2, …). */
export class BackendUnavailableError extends HireNetError {
  readonly backend: BackendName;
  constructor(backend: BackendName, reason: string, options?: { cause?: unknown }) {
    super('backend-unavailable', `tfjs backend '${backend}' is unavailable: ${reason}`, options);
    this.backend = backend;
  }
}

// Importing a backend package registers its factory with tfjs-core as a side effect.
const loaders: Record<BackendName, () => Promise<unknown>> = {
  cpu: () => import('@tensorflow/tfjs-backend-cpu'),
  wasm: () => import('@tensorflow/tfjs-backend-wasm'),
  webgl: () => import('@tensorflow/tfjs-backend-webgl'),
  webgpu: () => import('@tensorflow/tfjs-backend-webgpu'),
};

const isBrowser =
  typeof window !== 'undefined' || typeof (globalThis as { importScripts?: unknown }).importScripts === 'function';

async function configureWasm(paths: WasmPaths | undefined, platformFetch: boolean): Promise<void> {
  if (paths === undefined) {
    if (isBrowser)
      throw new HireNetError(
        'invalid-options',
        'pass opts.wasmPaths: the wasm binaries must be served by the page itself',
      );
    return;
  }
  const wasm = await import('@tensorflow/tfjs-backend-wasm');
  // After a successful init the call is a no-op, which is what a second initBackend wants.
  // With platformFetch, tfjs loads the binary through tf.env().platform.fetch (see withBinary).
  wasm.setWasmPaths(typeof paths === 'string' ? paths : { ...paths }, platformFetch);
}

/** The smallest valid wasm module: magic number and version. */
const EMPTY_WASM_MODULE = new Uint8Array([0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00]);

/**
 * Runs `init` with tfjs' platform fetch answering `binary.url` from the bytes in hand (any other
 * URL goes to the network as before), so initialising the wasm backend fetches nothing twice.
 */
async function withBinary<T>(binary: BackendOptions['wasmBinary'], init: () => Promise<T>): Promise<T> {
  if (binary === undefined) return init();
  // tfjs' platform-fetch path calls WebAssembly.instantiate with no catch: a refused compile (a CSP
  // without 'wasm-unsafe-eval') would leave the backend's init pending forever. An empty module
  // meets the same policy, so a refusal surfaces here as an error instead.
  await WebAssembly.compile(EMPTY_WASM_MODULE);
  const platform = tf.env().platform;
  const fetchOriginal = platform.fetch;
  platform.fetch = (path, requestInits, options) =>
    path === binary.url
      ? Promise.resolve(
          new Response(binary.bytes as Uint8Array<ArrayBuffer>, { headers: { 'Content-Type': 'application/wasm' } }),
        )
      : fetchOriginal.call(platform, path, requestInits, options);
  try {
    return await init();
  } finally {
    platform.fetch = fetchOriginal;
  }
}

function describe(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}

/** A failed setBackend leaves its name as the engine's backendName with no instance behind it. */
function initialised(name: string): boolean {
  return tf.engine().backendName === name && tf.engine().registry[name] !== undefined;
}

/** The reason, plus "needs 'wasm-unsafe-eval'" when a CSP is what stopped the wasm backend. */
function reasonFor(name: BackendName, reason: string, cause?: unknown): string {
  return name === 'wasm' ? withWasmCspHint(reason, cause) : reason;
}

/**
 * Make `name` the active tfjs backend and wait until it is ready.
 * @throws BackendUnavailableError when it cannot be imported or initialised.
 */
export async function initBackend(name: BackendName, opts: BackendOptions = {}): Promise<BackendInfo> {
  const loader = loaders[name];
  if (loader === undefined) throw new BackendUnavailableError(name, 'unknown backend name');
  if (initialised(name)) return { name, initMs: 0 };
  const t0 = performance.now();
  try {
    await loader();
    if (name === 'wasm') await configureWasm(opts.wasmPaths, opts.wasmBinary !== undefined);
  } catch (e) {
    throw new BackendUnavailableError(name, `import failed: ${describe(e)}`, { cause: e });
  }
  let ok: boolean;
  try {
    // Resolves false (with a console warning from tfjs) when the factory fails, e.g. no adapter.
    ok = await withBinary(name === 'wasm' ? opts.wasmBinary : undefined, async () => {
      const set = await tf.setBackend(name);
      await tf.ready();
      return set;
    });
  } catch (e) {
    throw new BackendUnavailableError(name, reasonFor(name, describe(e), e), { cause: e });
  }
  if (!ok || tf.getBackend() !== name)
    throw new BackendUnavailableError(name, reasonFor(name, 'initialisation failed (see the tfjs warning above)'));
  return { name, initMs: performance.now() - t0 };
}

/**
 * Which backends initialise here, tried one after another in `backendNames` order. Afterwards the
 * backend that was active before is active again; if none was, the first one found is, so the
 * probe never leaves the last (slowest to set up) backend selected by accident.
 */
export async function availableBackends(opts: BackendOptions = {}): Promise<BackendInfo[]> {
  // engine().backendName, unlike getBackend(), does not initialise a default backend.
  const current = tf.engine().backendName as BackendName | null;
  const before = current !== null && initialised(current) ? current : null;
  const found: BackendInfo[] = [];
  for (const name of backendNames) {
    try {
      found.push(await initBackend(name, opts));
    } catch (e) {
      if (!(e instanceof BackendUnavailableError)) throw e;
    }
  }
  const restore = before ?? found[0]?.name;
  if (restore !== undefined && restore !== tf.getBackend()) await tf.setBackend(restore);
  return found;
}
