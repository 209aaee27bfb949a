/**
 * Death detection for one module worker. A comlink call into a worker that failed to load,
 * crashed or was terminated never settles, so every call goes through `call`, which races it
 * against the worker's death: an `error` event (script or import failed to load, uncaught
 * exception), a `messageerror`, or a heartbeat left unanswered for `silentMs`.
 */

import { HireNetError } from './errors.ts';

/** Opt-in debug registry: a page that sets `globalThis[WORKER_DEBUG]` to an array sees every guarded worker. */
export const WORKER_DEBUG: unique symbol = Symbol.for('hirenet.debug.workers');

export interface GuardedWorkerInfo {
  /** 'audio' or 'vision'. */
  readonly kind: string;
  /** The script URL, or a description of the bundled default. */
  readonly url: string;
  /** Terminates the worker without any event, as a killed process would look from the page. */
  kill(): void;
  /** Calls the owner exposes for tests (audio: `progress()`; vision: `block(ms)`). */
  readonly probe: Readonly<Record<string, (arg?: number) => Promise<unknown>>>;
}

export interface WorkerGuardOptions {
  readonly kind: string;
  readonly url: string;
  /** Builds the typed error for this worker (the message already names the URL). */
  readonly error: (message: string, cause?: unknown) => Error;
  /** A cheap round trip into the worker; when given, it is sent every `intervalMs`. */
  readonly ping?: () => Promise<unknown>;
  /** Unanswered heartbeat that counts as death. Default 10 s (above any synchronous step measured here). */
  readonly silentMs?: number;
  readonly intervalMs?: number;
  /** Calls listed in the debug registry entry (see WORKER_DEBUG). */
  readonly probe?: Readonly<Record<string, (arg?: number) => Promise<unknown>>>;
}

/** Thrown by `WorkerGuard.call` when a call outlives its own deadline while the worker lives. */
export class WorkerTimeoutError extends HireNetError {
  constructor(message: string) {
    super('worker-timeout', message);
  }
}

export class WorkerGuard {
  readonly dead: Promise<never>;
  private isDead = false;
  private fail: (e: Error) => void = () => undefined;
  private timer: ReturnType<typeof setInterval> | undefined;
  private pingSent = 0;
  private pingOpen = false;

  constructor(
    private readonly worker: Worker,
    private readonly o: WorkerGuardOptions,
  ) {
    this.dead = new Promise<never>((_, reject) => {
      this.fail = reject;
    });
    // Callers race against this promise; an unobserved rejection must not surface as unhandled.
    this.dead.catch(() => undefined);
    worker.addEventListener('error', (ev) => {
      ev.preventDefault();
      // A script or import that fails to load fires a plain Event; an uncaught exception an ErrorEvent.
      const why =
        ev instanceof ErrorEvent && ev.message !== ''
          ? ev.message
          : 'the script or one of its imports could not be loaded or evaluated';
      this.die(`${this.describe()} failed: ${why}`);
    });
    worker.addEventListener('messageerror', () =>
      this.die(`${this.describe()} sent a message that could not be deserialised`),
    );
    if (o.ping !== undefined) this.timer = setInterval(() => this.beat(), o.intervalMs ?? 1000);
    const registry = (globalThis as { [WORKER_DEBUG]?: unknown })[WORKER_DEBUG];
    if (Array.isArray(registry)) {
      const info: GuardedWorkerInfo = {
        kind: o.kind,
        url: o.url,
        kill: () => worker.terminate(),
        probe: o.probe ?? {},
      };
      registry.push(info);
    }
  }

  get alive(): boolean {
    return !this.isDead;
  }

  /** "the audio worker (URL)" — for messages. */
  describe(): string {
    return `the ${this.o.kind} worker (${this.o.url})`;
  }

  /**
   * `p` unless the worker dies first; with `timeoutMs`, also rejects (WorkerTimeoutError) when
   * `p` takes longer, without declaring the worker dead.
   */
  call<T>(p: Promise<T>, timeoutMs?: number, what = 'a call'): Promise<T> {
    if (timeoutMs === undefined) return Promise.race([p, this.dead]);
    let t: ReturnType<typeof setTimeout> | undefined;
    const late = new Promise<never>((_, reject) => {
      const message = `${this.describe()} did not answer ${what} within ${(timeoutMs / 1000).toFixed(1)} s`;
      t = setTimeout(() => reject(new WorkerTimeoutError(message)), timeoutMs);
    });
    return Promise.race([p, this.dead, late]).finally(() => clearTimeout(t));
  }

  /** Declares the worker dead (rejecting every pending call with the typed error) and terminates it. */
  die(message: string, cause?: unknown): void {
    if (this.isDead) return;
    this.isDead = true;
    clearInterval(this.timer);
    this.fail(this.o.error(message, cause));
    this.worker.terminate();
  }

  /** Normal end: stops the heartbeat and terminates; pending calls are rejected. */
  dispose(): void {
    this.die(`${this.describe()} was closed`);
  }

  private beat(): void {
    const now = performance.now();
    const silent = this.o.silentMs ?? 10_000;
    if (this.pingOpen) {
      if (now - this.pingSent > silent) {
        this.die(`${this.describe()} did not answer for ${(silent / 1000).toFixed(0)} s (blocked or terminated)`);
      }
      return;
    }
    this.pingOpen = true;
    this.pingSent = now;
    this.o.ping!().then(
      () => {
        this.pingOpen = false;
      },
      () => undefined,
    );
  }
}
