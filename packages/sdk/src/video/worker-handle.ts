import * as Comlink from 'comlink';
import { checkScriptAsset } from '../util/script-asset.ts';
import { WorkerGuard } from '../util/worker-guard.ts';
import { bundledLabel, bundledVisionWorker } from '../workers/bundled.ts';
import { installErrorTransfer } from './comlink-errors.ts';
import { VideoError } from './errors.ts';
import type { ResolvedFaceOptions } from './options.ts';
import type { VisionWorkerApi } from './vision-worker.ts';

/** Creates the module worker; injectable so hosts with their own bundling can supply it. */
export type WorkerFactory = () => Worker;

/** workers/bundled.ts: the host bundler's build in the workspace, the prebuilt file when published. */
export const defaultWorkerFactory: WorkerFactory = bundledVisionWorker;

/** A factory for a worker served at `url` (relocatable worker), and that URL made absolute. */
export function workerAt(url: string | URL): { factory: WorkerFactory; url: string } {
  const href = new URL(url, globalThis.location?.href).href;
  return { factory: () => new Worker(href, { type: 'module', name: 'hirenet-vision' }), url: href };
}

/**
 * One vision worker plus a promise that rejects when it dies (error event, messageerror, or a
 * heartbeat unanswered for 10 s). Comlink calls never settle if the worker is gone, so every
 * call is raced against `crashed`.
 */
export class WorkerHandle {
  readonly api: Comlink.Remote<VisionWorkerApi>;
  readonly crashed: Promise<never>;
  initMs = NaN;
  /** Why the configured pose model did not start (the face runs alone); null when it did or none was asked for. */
  poseError: string | null = null;
  private readonly guard: WorkerGuard;
  private terminated = false;

  constructor(
    factory: WorkerFactory,
    private readonly url = bundledLabel('vision'),
  ) {
    installErrorTransfer();
    let worker: Worker;
    try {
      worker = factory();
    } catch (e) {
      // new Worker() throws synchronously for a malformed or cross-origin URL.
      throw new VideoError('video-worker', `the vision worker (${url}) could not be created: ${(e as Error).message}`, {
        cause: e,
      });
    }
    this.api = Comlink.wrap<VisionWorkerApi>(worker);
    this.guard = new WorkerGuard(worker, {
      kind: 'vision',
      url,
      error: (message, cause) => new VideoError('video-worker', message, { cause }),
      ping: () => this.api.ping(),
      probe: { block: (ms = 0) => this.api.blockForTest(ms) },
    });
    this.crashed = this.guard.dead;
  }

  get alive(): boolean {
    return this.guard.alive;
  }

  async init(opts: ResolvedFaceOptions, wasmModule?: Promise<WebAssembly.Module>): Promise<void> {
    // A 404 or an HTML page for the worker URL otherwise surfaces as a bare error event.
    await checkScriptAsset(this.url, 'the prebuilt vision worker (npx hirenet assets)').catch((e: unknown) => {
      throw new VideoError('video-worker', `the vision worker could not be loaded: ${(e as Error).message}`, {
        cause: e,
      });
    });
    const wasm = wasmModule === undefined ? undefined : await wasmModule;
    const { initMs, poseError } = await this.call(this.api.init(opts, wasm));
    this.initMs = initMs;
    this.poseError = poseError;
  }

  call<T>(p: Promise<T>): Promise<T> {
    return this.guard.call(p);
  }

  /** Declares the worker dead (pending calls reject with `video-worker`) and terminates it. */
  abandon(message: string): void {
    this.guard.die(`${this.guard.describe()} ${message}`);
  }

  terminate(): void {
    if (this.terminated) return;
    this.terminated = true;
    this.api[Comlink.releaseProxy]();
    this.guard.dispose();
  }
}

/** True for failures that a fresh worker may not repeat (crash, wasm abort), not for bad input. */
export function isRestartable(e: unknown): boolean {
  if (e instanceof VideoError) return e.code === 'video-worker';
  // Errors without a code came from inside MediaPipe/wasm (RuntimeError, abort()).
  return e instanceof Error;
}
