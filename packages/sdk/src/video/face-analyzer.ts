import * as Comlink from 'comlink';
import { VideoError } from './errors.ts';
import type { VideoFrameRow } from './frame-row.ts';
import { startLiveTap, type LiveOptions, type LiveSession } from './live-tap.ts';
import { resolveFaceOptions, type FaceAnalyzerOptions, type ResolvedFaceOptions } from './options.ts';
import type { FileRunStats } from './vision-worker.ts';
import { defaultWorkerFactory, isRestartable, WorkerHandle, type WorkerFactory } from './worker-handle.ts';

export interface FileAnalysis {
  /** One row per analysed time k / fps, in time order. */
  readonly rows: VideoFrameRow[];
  /** Stats of the last (or only) worker run, plus restarts. */
  readonly stats: FileRunStats & { readonly restarts: number; readonly faceRatio: number; readonly speed: number };
}

export interface FaceAnalyzer {
  readonly options: ResolvedFaceOptions;
  /** Resolves once the worker has loaded the wasm and the model (ms spent). */
  readonly ready: Promise<number>;
  /** Analyses a recorded Blob/File (mp4 H.264, webm VP8/VP9/AV1) faster than real time. */
  analyzeFile(blob: Blob, onRows?: (rows: VideoFrameRow[]) => void): Promise<FileAnalysis>;
  /** Taps a live camera track; see {@link LiveSession}. */
  startLive(track: MediaStreamTrack, opts?: LiveOptions): LiveSession;
  /** Test hook: make the current worker die as a wasm abort would. */
  crashWorkerForTest(): void;
  close(): void;
}

export interface FaceAnalyzerInternals {
  /** Override the worker (bundlers that cannot see `new URL('./vision-worker.ts', …)`). */
  readonly workerFactory?: WorkerFactory;
}

/**
 * Starts the vision worker and returns the analyser. One worker, one job at a time; after a
 * crash a new worker is started (up to `maxRestarts`) and the job resumes after the last row
 * received, so nothing already extracted is lost.
 */
export function createFaceAnalyzer(options: FaceAnalyzerOptions, internals: FaceAnalyzerInternals = {}): FaceAnalyzer {
  const opts = resolveFaceOptions(options, globalThis.location?.href);
  const factory = internals.workerFactory ?? defaultWorkerFactory;
  let handle: WorkerHandle | undefined;
  let restarts = 0;
  let closed = false;

  async function fresh(): Promise<WorkerHandle> {
    handle?.terminate();
    const h = new WorkerHandle(factory);
    handle = h;
    await h.init(opts);
    return h;
  }
  const ready = fresh().then((h) => h.initMs);
  ready.catch(() => undefined);

  /** The live worker, restarting a dead one (counted against maxRestarts). */
  async function current(): Promise<WorkerHandle> {
    if (closed) throw new VideoError('video-worker', 'the face analyser is closed');
    await ready;
    if (handle?.alive) return handle;
    if (restarts >= opts.maxRestarts) throw new VideoError('video-worker', `vision worker died ${restarts + 1} times; giving up`);
    restarts++;
    return fresh();
  }

  async function analyzeFile(blob: Blob, onRows?: (rows: VideoFrameRow[]) => void): Promise<FileAnalysis> {
    const rows: VideoFrameRow[] = [];
    const sink = (batch: VideoFrameRow[]): void => {
      rows.push(...batch);
      onRows?.(batch);
    };
    const startRestarts = restarts;
    for (;;) {
      const h = await current();
      const from = rows.length === 0 ? 0 : (rows[rows.length - 1]?.time ?? 0) + 0.5 / opts.fps;
      try {
        const stats = await h.call(h.api.analyzeFile(blob, opts.fps, Comlink.proxy(sink), from));
        const faces = rows.reduce((n, r) => n + r.face, 0);
        return {
          rows,
          stats: {
            ...stats,
            restarts: restarts - startRestarts,
            faceRatio: rows.length === 0 ? 0 : faces / rows.length,
            speed: stats.duration / (stats.wallMs / 1000),
          },
        };
      } catch (e) {
        if (!isRestartable(e)) throw e;
        h.terminate();
      }
    }
  }

  return {
    options: opts,
    ready,
    analyzeFile,
    startLive: (track, liveOpts) => startLiveTap(track, { fps: opts.fps, ...liveOpts }, current),
    crashWorkerForTest: () => void handle?.api.crashForTest(),
    close() {
      closed = true;
      handle?.terminate();
      handle = undefined;
    },
  };
}
