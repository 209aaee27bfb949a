/**
 * The audio analysis worker's lifetime: `openAudioWorker` starts one under a guard and waits for
 * its first answer (a worker that cannot load fails there, naming its URL); `AudioWorkerPool`
 * keeps the started workers of one HireNet and lends them out, so a session starts its worker
 * once and reuses it for every live answer and uploaded file (issue 15: the script was fetched
 * and evaluated once per answer). A worker is started again only when the one kept has died or
 * does not answer, or when two analyses run at the same time (one worker per analysis: the
 * worker holds one analysis state).
 */
import * as Comlink from 'comlink';
import type { AudioWorkerApi } from './audio-worker.ts';
import { AudioInputError } from './errors.ts';
import { installErrorTransfer } from '../video/comlink-errors.ts';
import { checkScriptAsset } from '../util/script-asset.ts';
import { WorkerGuard, WorkerTimeoutError } from '../util/worker-guard.ts';
import { bundledAudioWorker, bundledLabel } from '../workers/bundled.ts';

export interface AudioWorkerOptions {
  /**
   * URL of the compiled audio worker module, for hosts that serve it themselves (a relocatable
   * worker). Default: workers/bundled.ts (the host bundler's build of audio-worker.ts in the
   * workspace; the prebuilt dist/workers/audio-worker.js in the published package).
   */
  readonly workerUrl?: string | URL;
  /** Creates the analysis worker (instead of `workerUrl`). */
  readonly workerFactory?: () => Worker;
  /** Borrow the worker from this pool (started once, reused) instead of starting one for the call. */
  readonly workers?: AudioWorkerPool;
}

/** How long a new worker may take to answer its first call (an error event usually comes first). */
export const STARTUP_MS = 15_000;
/**
 * How long a kept worker may take to answer before it is lent again. A terminated worker sends
 * no event (its heartbeat notices only after 10 s); past this it is replaced by a fresh one.
 */
const REUSE_PING_MS = 1500;

export interface AudioWorkerLink {
  readonly api: Comlink.Remote<AudioWorkerApi>;
  readonly guard: WorkerGuard;
  close(): void;
}

export const workerError = (message: string, cause?: unknown): AudioInputError =>
  new AudioInputError('audio-worker-failed', message, { cause });

/** Starts the worker under a guard and waits for its first answer, so a worker that cannot load fails here. */
export async function openAudioWorker(o: AudioWorkerOptions): Promise<AudioWorkerLink> {
  const given = o.workerUrl === undefined ? undefined : new URL(o.workerUrl, globalThis.location?.href).href;
  const url = given ?? (o.workerFactory !== undefined ? 'host workerFactory' : bundledLabel('audio'));
  if (given !== undefined) {
    // Keeps the code hosts handle (audio-worker-failed); the message says which file and why.
    await checkScriptAsset(given, 'the prebuilt audio worker (npx hirenet assets)').catch((e: unknown) => {
      throw workerError(`the audio worker could not be loaded: ${(e as Error).message}`, e);
    });
  }
  let worker: Worker;
  try {
    worker =
      given !== undefined
        ? new Worker(given, { type: 'module', name: 'hirenet-audio' })
        : (o.workerFactory ?? bundledAudioWorker)();
  } catch (e) {
    throw workerError(`the audio worker (${url}) could not be created: ${(e as Error).message}`, e);
  }
  installErrorTransfer();
  const api = Comlink.wrap<AudioWorkerApi>(worker);
  const guard = new WorkerGuard(worker, {
    kind: 'audio',
    url,
    error: workerError,
    ping: () => api.ping(),
    probe: { progress: () => api.progress() },
  });
  const link = {
    api,
    guard,
    close() {
      api[Comlink.releaseProxy]();
      guard.dispose();
    },
  };
  try {
    await settle(guard, api.ping(), STARTUP_MS, 'its first call');
  } catch (e) {
    link.close();
    throw e;
  }
  return link;
}

/** A guarded call whose timeout also ends the worker: a worker that misses a deadline is not trusted again. */
export async function settle<T>(
  guard: WorkerGuard,
  p: Promise<T>,
  timeoutMs: number | undefined,
  what: string,
): Promise<T> {
  try {
    return await guard.call(p, timeoutMs, what);
  } catch (e) {
    if (e instanceof WorkerTimeoutError) {
      guard.die(e.message);
      throw workerError(e.message, e);
    }
    throw e;
  }
}

/** The audio workers of one HireNet: started on demand, kept while idle, closed with it. */
export class AudioWorkerPool {
  private idle: AudioWorkerLink[] = [];
  private closed = false;

  constructor(private readonly options: Omit<AudioWorkerOptions, 'workers'> = {}) {}

  /** Starts the first worker now (a host learns at start-up that its URL is wrong) and keeps it. */
  async warm(): Promise<void> {
    this.release(await this.lease(), true);
  }

  /** A live worker for one analysis: a kept one that still answers, or a new one. */
  async lease(): Promise<AudioWorkerLink> {
    for (let link = this.idle.pop(); link !== undefined; link = this.idle.pop()) {
      if (!link.guard.alive) continue;
      try {
        await settle(link.guard, link.api.ping(), REUSE_PING_MS, 'a ping before reuse');
        return link;
      } catch {
        link.close();
      }
    }
    return openAudioWorker(this.options);
  }

  /**
   * Gives a worker back. `reusable` is false when the analysis did not end cleanly (a live tap
   * that may still send samples, a call past its deadline): that worker is closed, not kept.
   */
  release(link: AudioWorkerLink, reusable: boolean): void {
    if (this.closed || !reusable || !link.guard.alive) link.close();
    else this.idle.push(link);
  }

  /** Closes the kept workers; those lent out are closed when given back. Idempotent. */
  close(): void {
    this.closed = true;
    for (const link of this.idle.splice(0)) link.close();
  }
}

/** A worker for one call: borrowed from `o.workers`, or started for it and closed afterwards. */
export async function borrowAudioWorker(
  o: AudioWorkerOptions,
): Promise<{ link: AudioWorkerLink; giveBack(reusable: boolean): void }> {
  const pool = o.workers;
  if (pool !== undefined) {
    const link = await pool.lease();
    return { link, giveBack: (reusable) => pool.release(link, reusable) };
  }
  const link = await openAudioWorker(o);
  return { link, giveBack: () => link.close() };
}
