import * as Comlink from 'comlink';
import { VideoError } from './errors.ts';
import { registerFaceCrasher } from '../util/test-seams.ts';
import type { VideoFrameRow } from './frame-row.ts';
import { startLiveTap, type LiveOptions, type LiveSession } from './live-tap.ts';
import { resolveFaceOptions, type FaceAnalyzerOptions, type ResolvedFaceOptions } from './options.ts';
import type { PoseFrame } from './pose-frame.ts';
import type { FileRunStats } from './vision-worker.ts';
import { defaultWorkerFactory, isRestartable, WorkerHandle, workerAt, type WorkerFactory } from './worker-handle.ts';

export interface FileAnalysisStats extends FileRunStats {
  readonly restarts: number;
  readonly faceRatio: number;
  /** Seconds of video analysed per second of wall time. */
  readonly speed: number;
  /** Workers the file was split across. */
  readonly workers: number;
}

export interface FileAnalysis {
  /** One row per analysed time k / fps, in time order. */
  readonly rows: VideoFrameRow[];
  readonly stats: FileAnalysisStats;
  /**
   * Pose frames in time order (options `pose`, about `pose.fps` per second), or null without a
   * pose model or when it could not be loaded (`poseUnavailable` then says why).
   */
  readonly poses: PoseFrame[] | null;
  readonly poseUnavailable?: string;
}

export interface FaceAnalyzer {
  readonly options: ResolvedFaceOptions;
  /** Resolves once the first worker has loaded the wasm and the model (ms spent). */
  readonly ready: Promise<number>;
  /**
   * Resolves with the first worker: null when the pose model (options `pose`) started, else why not
   * (`'no pose model configured'` without options `pose`). The face runs either way.
   */
  readonly poseReady: Promise<string | null>;
  /**
   * Analyses a recorded Blob/File (mp4 H.264, webm VP8/VP9/AV1) faster than real time.
   * `onRows` batches arrive as workers produce them (out of time order when the file is split);
   * the resolved `rows` are sorted.
   */
  analyzeFile(blob: Blob, onRows?: (rows: VideoFrameRow[]) => void): Promise<FileAnalysis>;
  /** Taps a live camera track; see {@link LiveSession}. */
  startLive(track: MediaStreamTrack, opts?: LiveOptions): LiveSession;
  close(): void;
}

export interface FaceAnalyzerInternals {
  /** Override the worker (bundlers that cannot see `new URL('./vision-worker.ts', …)`). */
  readonly workerFactory?: WorkerFactory;
  /** URL of the compiled vision worker module (a relocatable worker); used when no factory is given. */
  readonly workerUrl?: string | URL;
  /** MediaPipe's wasm, compiled by the caller (from bytes it verified): workers skip their own fetch. */
  readonly wasmModule?: Promise<WebAssembly.Module>;
}

/**
 * Starts the vision worker(s) and returns the analyser. After a crash a new worker is started
 * (up to `maxRestarts` in total) and the job resumes after the last row received, so nothing
 * already extracted is lost.
 */
export function createFaceAnalyzer(options: FaceAnalyzerOptions, internals: FaceAnalyzerInternals = {}): FaceAnalyzer {
  const opts = resolveFaceOptions(options, globalThis.location?.href);
  const at =
    internals.workerFactory === undefined && internals.workerUrl !== undefined
      ? workerAt(internals.workerUrl)
      : undefined;
  const factory = internals.workerFactory ?? at?.factory ?? defaultWorkerFactory;
  const url = at?.url ?? (internals.workerFactory === undefined ? undefined : 'host workerFactory');
  const slots: (Promise<WorkerHandle> | undefined)[] = [];
  const handles: (WorkerHandle | undefined)[] = [];
  // Slots held by a running job: a worker runs one job at a time (its landmarker tracks one
  // face over time), so two live answers on one page each get their own worker.
  const busy = new Set<number>();
  let restarts = 0;
  let closed = false;

  function start(slot: number): Promise<WorkerHandle> {
    handles[slot]?.terminate();
    let p: Promise<WorkerHandle>;
    try {
      const h = new WorkerHandle(factory, url);
      handles[slot] = h;
      p = h.init(opts, internals.wasmModule).then(() => h);
    } catch (e) {
      handles[slot] = undefined;
      p = Promise.reject(e);
    }
    p.catch(() => undefined);
    slots[slot] = p;
    return p;
  }

  /** The `n` lowest free slots, marked busy until `release`. */
  function acquire(n: number): number[] {
    const got: number[] = [];
    for (let slot = 0; got.length < n; slot++) if (!busy.has(slot)) got.push(slot);
    for (const slot of got) busy.add(slot);
    return got;
  }
  const release = (taken: readonly number[]): void => {
    for (const slot of taken) busy.delete(slot);
  };
  // Only the first worker starts now: a live-only host never pays for the others, which start
  // with the first file (their ~1 s start-up overlaps the first worker's share of it).
  start(0);
  const ready = slots[0]!.then((h) => h.initMs);
  ready.catch(() => undefined);
  const poseReady = slots[0]!.then((h) => (opts.pose === null ? 'no pose model configured' : h.poseError));
  poseReady.catch(() => undefined);

  /** The live worker in `slot`, restarting a dead one (counted against maxRestarts). */
  async function worker(slot: number): Promise<WorkerHandle> {
    if (closed) throw new VideoError('video-worker', 'the face analyser is closed');
    const h = await (slots[slot] ?? start(slot));
    if (h.alive) return h;
    if (restarts >= opts.maxRestarts)
      throw new VideoError('video-worker', `vision worker died ${restarts + 1} times; giving up`);
    restarts++;
    return start(slot);
  }

  /** Times [from, to) of the file in one worker slot, resuming after crashes. */
  async function segment(
    slot: number,
    blob: Blob,
    from: number,
    to: number,
    sink: (rows: VideoFrameRow[]) => void,
    poses: PoseCollector | null,
  ): Promise<FileRunStats> {
    let last = -Infinity;
    const track = (batch: VideoFrameRow[]): void => {
      last = batch[batch.length - 1]?.time ?? last;
      sink(batch);
    };
    for (;;) {
      const h = await worker(slot);
      const resume = last === -Infinity ? from : last + 0.5 / opts.fps;
      // A restarted worker analyses the pose again from `resume`: drop what the dead one sent after it.
      poses?.dropFrom(resume, to);
      const poseSink = poses === null ? undefined : Comlink.proxy(poses.sink);
      try {
        return await h.call(h.api.analyzeFile(blob, opts.fps, Comlink.proxy(track), resume, to, poseSink));
      } catch (e) {
        if (!isRestartable(e)) throw e;
        h.terminate();
      }
    }
  }

  async function analyzeFile(blob: Blob, onRows?: (rows: VideoFrameRow[]) => void): Promise<FileAnalysis> {
    const taken = acquire(opts.fileWorkers);
    try {
      return await analyzeFileIn(taken, blob, onRows);
    } finally {
      release(taken);
    }
  }

  async function analyzeFileIn(
    taken: readonly number[],
    blob: Blob,
    onRows?: (rows: VideoFrameRow[]) => void,
  ): Promise<FileAnalysis> {
    const t0 = performance.now();
    const first = await worker(taken[0]!);
    const info = await first.call(first.api.probeFile(blob, opts.fps));
    const parts = Math.max(1, Math.min(taken.length, Math.floor(info.frames / 30)));
    const bounds = Array.from({ length: parts + 1 }, (_, i) =>
      i === parts ? Infinity : Math.ceil((i * info.frames) / parts) / opts.fps,
    );
    const rows: VideoFrameRow[] = [];
    const sink = (batch: VideoFrameRow[]): void => {
      rows.push(...batch);
      onRows?.(batch);
    };
    const startRestarts = restarts;
    const poses = opts.pose === null ? null : new PoseCollector();
    const runs = await Promise.all(
      bounds.slice(0, parts).map((from, i) => segment(taken[i]!, blob, from, bounds[i + 1]!, sink, poses)),
    );
    rows.sort((a, b) => a.time - b.time);
    const wallMs = performance.now() - t0;
    const faces = rows.reduce((n, r) => n + r.face, 0);
    const sum = (f: (s: FileRunStats) => number): number => runs.reduce((a, s) => a + f(s), 0);
    return {
      rows,
      stats: {
        ...info,
        analysed: rows.length,
        wallMs,
        detectMsMedian:
          sum((s) => s.detectMsMedian * s.analysed) /
          Math.max(
            1,
            sum((s) => s.analysed),
          ),
        resetMs: sum((s) => s.resetMs),
        decodeWaitMs: sum((s) => s.decodeWaitMs),
        detectMs: sum((s) => s.detectMs),
        restarts: restarts - startRestarts,
        faceRatio: rows.length === 0 ? 0 : faces / rows.length,
        speed: info.duration / (wallMs / 1000),
        workers: parts,
        poseAnalysed: sum((s) => s.poseAnalysed),
        poseMs: sum((s) => s.poseMs),
      },
      ...(poses === null || poses.unavailable !== undefined
        ? { poses: null, ...(poses?.unavailable === undefined ? {} : { poseUnavailable: poses.unavailable }) }
        : { poses: poses.sorted() }),
    };
  }

  const analyzer: FaceAnalyzer = {
    options: opts,
    ready,
    poseReady,
    analyzeFile,
    startLive(track, liveOpts) {
      const taken = acquire(1);
      const session = startLiveTap(track, { fps: opts.fps, ...liveOpts }, () => worker(taken[0]!));
      void session.done.finally(() => release(taken)).catch(() => undefined);
      return session;
    },
    close() {
      closed = true;
      for (const h of handles) h?.terminate();
      handles.length = 0;
    },
  };
  registerFaceCrasher(analyzer, (slot) => void handles[slot]?.api.crashForTest());
  return analyzer;
}

/** Pose frames of one file analysis, from all its segments and restarts. */
class PoseCollector {
  private frames: PoseFrame[] = [];
  unavailable: string | undefined;
  readonly sink = (batch: PoseFrame[], unavailable?: string): void => {
    if (unavailable !== undefined) this.unavailable = unavailable;
    this.frames.push(...batch);
  };
  dropFrom(from: number, to: number): void {
    this.frames = this.frames.filter((f) => f.time < from || f.time >= to);
  }
  sorted(): PoseFrame[] {
    return [...this.frames].sort((a, b) => a.time - b.time);
  }
}
