/**
 * `hn.watchFace(track)`: "is a face in view?" on a camera track, before and between answers, through
 * the HireNet's own face analyser (its vision worker, its once-fetched MediaPipe module and face
 * model), so a page's preview indicator costs no second worker, model or wasm compilation.
 *
 * One worker runs one job at a time (its landmarker tracks one face over time), so a watch yields it:
 * while an answer records or a file is analysed (FaceShare), every watch pauses (state `paused`) and
 * resumes when the last such job ends. Presence only — whether a face was found in a frame; no
 * landmark, no measurement and nothing stored.
 */
import type { FaceAnalyzer } from '../video/face-analyzer.ts';
import type { LiveSession } from '../video/live-tap.ts';
import { HireNetError } from '../util/errors.ts';
import { deferredLive } from './deferred-live.ts';
import { SessionError } from './errors.ts';

export interface FaceWatchOptions {
  /** Frames analysed per second, 0.5–15. Default 2: enough for an indicator, light on a shared core. */
  readonly fps?: number;
}

/**
 * - `watching`: frames are analysed;
 * - `paused`: an answer records or a file is analysed on the same worker; resumes by itself after it;
 * - `stopped`: `stop()`, the track ended, the HireNet closed, or the worker failed (`reason` says which).
 */
export type FaceWatchState = 'watching' | 'paused' | 'stopped';

/** `presence`: one per analysed frame. */
export interface FaceWatchPresence {
  /** Whether the frame had a face. */
  readonly present: boolean;
  /** Seconds since `watchFace` (paused time included). */
  readonly seconds: number;
}

/** `state`: each change of state after `watchFace` returned (read `watch.state` for the first), with why. */
export interface FaceWatchStateChange {
  readonly state: FaceWatchState;
  readonly reason: 'answer' | 'resumed' | 'stopped' | 'track-ended' | 'closed' | 'failed';
}

/** Event name → what its listener receives. `error` precedes the `stopped` state change (reason `failed`). */
export interface FaceWatchEventDetails {
  presence: FaceWatchPresence;
  state: FaceWatchStateChange;
  error: HireNetError;
}

export interface FaceWatch {
  readonly state: FaceWatchState;
  readonly fps: number;
  /** Calls `listener(detail)` for each `type` event; returns the function that removes it. */
  on<K extends keyof FaceWatchEventDetails>(type: K, listener: (detail: FaceWatchEventDetails[K]) => void): () => void;
  /** Ends the watch (the track stays the host's). Resolves once its worker job has ended. */
  stop(): Promise<void>;
}

/** How long a watch's job may take to end before its worker is given up (the answer then gets a fresh one). */
const STOP_DEADLINE_MS = 3000;
const MIN_FPS = 0.5;
const MAX_FPS = 15;

type Listener<K extends keyof FaceWatchEventDetails> = (d: FaceWatchEventDetails[K]) => void;
type Listeners = { [K in keyof FaceWatchEventDetails]: Set<Listener<K>> };

class Watch implements FaceWatch {
  state: FaceWatchState;
  private live: LiveSession | undefined;
  /** Settles when the current job has ended and its worker slot is free again. */
  private ended: Promise<void> = Promise.resolve();
  private readonly t0 = performance.now();
  private readonly listeners: Listeners = { presence: new Set(), state: new Set(), error: new Set() };

  constructor(
    private readonly faces: FaceAnalyzer,
    private readonly track: MediaStreamTrack,
    readonly fps: number,
    /** False while an answer or a file holds the worker. */
    private readonly mayRun: () => boolean,
    private readonly forget: (w: Watch) => void,
  ) {
    this.state = mayRun() ? 'watching' : 'paused';
    if (mayRun()) this.start();
  }

  on<K extends keyof FaceWatchEventDetails>(type: K, listener: Listener<K>): () => void {
    const set = this.listeners[type] as Set<Listener<K>>;
    set.add(listener);
    return () => set.delete(listener);
  }

  private emit<K extends keyof FaceWatchEventDetails>(type: K, detail: FaceWatchEventDetails[K]): void {
    for (const l of this.listeners[type] as Set<Listener<K>>) {
      try {
        l(detail);
      } catch (e) {
        // A host listener's bug must not end the watch; it surfaces as an uncaught error, not silence.
        queueMicrotask(() => {
          throw e;
        });
      }
    }
  }

  private to(state: FaceWatchState, reason: FaceWatchStateChange['reason']): void {
    if (this.state === 'stopped' || this.state === state) return;
    this.state = state;
    this.emit('state', { state, reason });
  }

  /** After an answer: starts again once the paused job has let go of its worker. */
  resume(): void {
    void this.ended.then(() => {
      if (this.state === 'paused' && this.live === undefined && this.mayRun()) {
        this.to('watching', 'resumed');
        this.start();
      }
    });
  }

  private start(): void {
    if (this.track.readyState !== 'live') {
      this.finish('track-ended');
      return;
    }
    const offset = (performance.now() - this.t0) / 1000;
    const live = this.faces.startLive(this.track, {
      fps: this.fps,
      onRows: (rows) => {
        if (this.live !== live) return;
        for (const r of rows) this.emit('presence', { present: r.face === 1, seconds: offset + r.time });
      },
    });
    this.live = live;
    // The analyser frees the worker slot in a `finally` on `done` registered before ours: one more
    // task and the slot is free for the answer that waits on `ended`.
    this.ended = live.done
      .then(
        (a) => {
          if (this.live === live && a.warnings.some((w) => w.code === 'video-track-ended')) this.finish('track-ended');
        },
        (e: unknown) => {
          if (this.live !== live) return;
          this.emit(
            'error',
            e instanceof HireNetError ? e : new SessionError('invalid-state', String(e), { cause: e }),
          );
          this.finish('failed');
        },
      )
      .then(() => new Promise((r) => setTimeout(r, 0)));
  }

  /** An answer needs the worker: ends the current job; resolves once its worker slot is free. */
  pause(): Promise<void> {
    this.to('paused', 'answer');
    return this.endJob();
  }

  private async endJob(): Promise<void> {
    const live = this.live;
    this.live = undefined;
    if (live === undefined) return this.ended;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const late = new Promise<'late'>((r) => {
      timer = setTimeout(() => r('late'), STOP_DEADLINE_MS);
    });
    const outcome = await Promise.race([live.stop().catch(() => undefined), late]);
    clearTimeout(timer);
    if (outcome === 'late') live.abandon(`the face watch did not stop within ${STOP_DEADLINE_MS} ms`);
    await this.ended;
  }

  private finish(reason: FaceWatchStateChange['reason']): void {
    this.live = undefined;
    this.to('stopped', reason);
    this.forget(this);
  }

  stop(): Promise<void> {
    return this.close('stopped');
  }

  async close(reason: 'stopped' | 'closed'): Promise<void> {
    if (this.state === 'stopped') return this.ended;
    const done = this.endJob();
    this.finish(reason);
    await done;
  }
}

/**
 * The HireNet's face analyser as its interviews see it: each live answer and each file first pauses
 * the watches (awaiting their jobs' end, so the answer gets the same worker, not a second one) and
 * resumes them when the last job ends.
 */
export class FaceShare {
  private readonly watches = new Set<Watch>();
  private jobs = 0;
  readonly analyzer: FaceAnalyzer;

  constructor(private readonly faces: FaceAnalyzer) {
    const begin = async (): Promise<void> => {
      this.jobs++;
      await Promise.all([...this.watches].map((w) => w.pause()));
    };
    const end = (): void => {
      this.jobs--;
      if (this.jobs === 0) for (const w of this.watches) w.resume();
    };
    this.analyzer = {
      options: faces.options,
      ready: faces.ready,
      poseReady: faces.poseReady,
      close: () => faces.close(),
      analyzeFile: async (blob, onRows) => {
        await begin();
        try {
          return await faces.analyzeFile(blob, onRows);
        } finally {
          setTimeout(end, 0);
        }
      },
      startLive: (track, opts) => {
        // Started once the watches have let go of the worker (at once when none runs).
        const started = begin().then(() => faces.startLive(track, opts));
        const done = started.then((s) => s.done);
        // After the analyser's own `finally` that frees the slot (a failed start ends the job too).
        done.finally(() => setTimeout(end, 0)).catch(() => undefined);
        return deferredLive(started, done, opts?.mode);
      },
    };
  }

  watch(track: MediaStreamTrack, fps: number): FaceWatch {
    const w = new Watch(
      this.faces,
      track,
      fps,
      () => this.jobs === 0,
      (x) => this.watches.delete(x),
    );
    if (w.state !== 'stopped') this.watches.add(w);
    return w;
  }

  /** `hn.close()`: every watch ends (state `stopped`, reason `closed`). */
  async close(): Promise<void> {
    await Promise.all([...this.watches].map((w) => w.close('closed')));
  }
}

/** `hn.watchFace` argument checks; the typed refusals of docs/session-api.md#face-watch. */
export function watchTrack(
  source: MediaStream | MediaStreamTrack,
  opts: FaceWatchOptions,
): { track: MediaStreamTrack; fps: number } {
  const fps = opts.fps ?? 2;
  if (typeof fps !== 'number' || !Number.isFinite(fps) || fps < MIN_FPS || fps > MAX_FPS)
    throw new SessionError('invalid-options', `watchFace: fps must be a number from ${MIN_FPS} to ${MAX_FPS}`);
  const track = 'getVideoTracks' in source ? source.getVideoTracks()[0] : source;
  if (track === undefined) throw new SessionError('no-media', 'watchFace: the stream has no video track');
  if (track.kind !== 'video') throw new SessionError('no-media', `watchFace: the track is ${track.kind}, not video`);
  if (track.readyState !== 'live') throw new SessionError('no-media', 'watchFace: the camera track has ended');
  return { track, fps };
}
