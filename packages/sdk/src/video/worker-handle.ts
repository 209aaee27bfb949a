import * as Comlink from 'comlink';
import { installErrorTransfer } from './comlink-errors.ts';
import { VideoError } from './errors.ts';
import type { ResolvedFaceOptions } from './options.ts';
import type { VisionWorkerApi } from './vision-worker.ts';

/** Creates the module worker; injectable so hosts with their own bundling can supply it. */
export type WorkerFactory = () => Worker;

export const defaultWorkerFactory: WorkerFactory = () =>
  new Worker(new URL('./vision-worker.ts', import.meta.url), { type: 'module', name: 'hirenet-vision' });

/**
 * One vision worker plus a promise that rejects when it dies. Comlink calls never settle if the
 * worker crashes, so every call is raced against `crashed`.
 */
export class WorkerHandle {
  readonly api: Comlink.Remote<VisionWorkerApi>;
  readonly crashed: Promise<never>;
  initMs = NaN;
  private readonly worker: Worker;
  private dead = false;
  private terminated = false;

  constructor(factory: WorkerFactory) {
    installErrorTransfer();
    this.worker = factory();
    this.api = Comlink.wrap<VisionWorkerApi>(this.worker);
    this.crashed = new Promise<never>((_, reject) => {
      this.worker.addEventListener('error', (ev) => {
        ev.preventDefault();
        this.dead = true;
        reject(new VideoError('video-worker', `vision worker crashed: ${ev.message || 'unknown error'}`));
      });
    });
    // Callers race against this promise; an unobserved rejection must not surface as unhandled.
    this.crashed.catch(() => undefined);
  }

  get alive(): boolean {
    return !this.dead;
  }

  async init(opts: ResolvedFaceOptions): Promise<void> {
    const { initMs } = await this.call(this.api.init(opts));
    this.initMs = initMs;
  }

  call<T>(p: Promise<T>): Promise<T> {
    return Promise.race([p, this.crashed]);
  }

  terminate(): void {
    if (this.terminated) return;
    this.terminated = true;
    this.dead = true;
    this.api[Comlink.releaseProxy]();
    this.worker.terminate();
  }
}

/** True for failures that a fresh worker may not repeat (crash, wasm abort), not for bad input. */
export function isRestartable(e: unknown): boolean {
  if (e instanceof VideoError) return e.code === 'video-worker';
  // Errors without a code came from inside MediaPipe/wasm (RuntimeError, abort()).
  return e instanceof Error;
}
