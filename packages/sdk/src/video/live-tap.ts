import * as Comlink from 'comlink';
import { VideoError } from './errors.ts';
import type { VideoFrameRow } from './frame-row.ts';
import type { PoseFrame } from './pose-frame.ts';
import { isRestartable, type WorkerHandle } from './worker-handle.ts';

export type LiveMode = 'track-processor' | 'video-frame-callback';

export interface LiveOptions {
  /** Analysed frames per second. Default: the analyser's `fps` (15). */
  readonly fps?: number;
  /**
   * `'auto'` (default) uses MediaStreamTrackProcessor where it exists (Chromium): its readable
   * is transferred to the worker, since a MediaStreamTrack itself cannot be. Otherwise a
   * hidden <video> with requestVideoFrameCallback + createImageBitmap.
   */
  readonly mode?: 'auto' | LiveMode;
  readonly onRows?: (rows: VideoFrameRow[]) => void;
  /**
   * Pose frames, when the analyser has a pose model (options `pose`); track-processor mode only
   * (the fallback path analyses the face alone). Called once with no frame and a reason when the
   * pose model could not be loaded (the face goes on alone).
   */
  readonly onPose?: (frames: PoseFrame[], unavailable?: string) => void;
}

export interface LiveAnalysis {
  readonly rows: VideoFrameRow[];
  readonly mode: LiveMode;
  /** Wall-clock seconds from start to stop (or to the end of the track). */
  readonly duration: number;
  readonly analysed: number;
  /** analysed ÷ (duration × fps), at most 1: how much of the requested rate was achieved. */
  readonly coverage: number;
  readonly restarts: number;
  /** `video-track-ended` when the track ended before stop(); the rows so far are kept. */
  readonly warnings: VideoError[];
}

export interface LiveSession {
  readonly mode: LiveMode;
  /** Rows received so far (live array). */
  readonly rows: readonly VideoFrameRow[];
  /** Stops analysis and resolves with everything extracted. */
  stop(): Promise<LiveAnalysis>;
  /** Settles when analysis ends by stop() or by the track ending. */
  readonly done: Promise<LiveAnalysis>;
  /**
   * Gives up on a worker that did not answer stop() in time: it is declared dead (the analyser
   * starts a fresh one for the next job) and the loop ends; `rows` keeps what arrived.
   */
  abandon(reason: string): void;
}

type GetWorker = () => Promise<WorkerHandle>;

/** The frame source a live tap uses for `mode` (`'auto'`: the track processor where the browser has one). */
export function liveModeFor(mode: LiveOptions['mode']): LiveMode {
  if (mode !== 'auto' && mode !== undefined) return mode;
  const hasProcessor =
    typeof (globalThis as { MediaStreamTrackProcessor?: unknown }).MediaStreamTrackProcessor === 'function';
  return hasProcessor ? 'track-processor' : 'video-frame-callback';
}

/** Wired by FaceAnalyzer.startLive; not meant to be called directly. */
export function startLiveTap(
  track: MediaStreamTrack,
  opts: LiveOptions & { fps: number },
  getWorker: GetWorker,
): LiveSession {
  const mode = liveModeFor(opts.mode);
  const rows: VideoFrameRow[] = [];
  const warnings: VideoError[] = [];
  const started = performance.now();
  let signalStop = (): void => undefined;
  const stopped = new Promise<null>((resolve) => {
    signalStop = () => resolve(null);
  });
  const state: LoopState = { stopping: false, restarts: 0, handle: undefined, stopDelivered: false, stopped };
  // Raced against the worker's death: a dead worker never answers stopStream().
  const requestStop = (): Promise<void> | undefined => {
    const h = state.handle;
    return h?.call(h.api.stopStream()).catch(() => undefined);
  };
  const sink = (batch: VideoFrameRow[]): void => {
    rows.push(...batch);
    opts.onRows?.(batch);
    // Pending stop: this worker remembers a stop() that reaches it before its stream reader exists
    // (stream-run.ts), but an older vision-worker.js a host serves itself dropped it. A row proves
    // the reader exists now, so the stop is delivered again, once; stopStream() is harmless twice.
    if (state.stopping && !state.stopDelivered && mode === 'track-processor') {
      state.stopDelivered = true;
      void requestStop();
    }
  };
  const elapsed = (): number => (performance.now() - started) / 1000;

  const loop =
    mode === 'track-processor'
      ? runProcessor(track, opts.fps, sink, getWorker, state, elapsed, opts.onPose)
      : runFrameCallback(track, opts.fps, sink, getWorker, state, elapsed);

  const done = loop.then(() => {
    if (!state.stopping)
      warnings.push(
        new VideoError(
          'video-track-ended',
          [
            `the camera track ended after ${elapsed().toFixed(1)} s, before analysis was stopped;`,
            `${rows.length} frames kept`,
          ].join(' '),
        ),
      );
    const duration = elapsed();
    return {
      rows,
      mode,
      duration,
      analysed: rows.length,
      coverage: Math.min(1, rows.length / Math.max(1e-9, duration * opts.fps)),
      restarts: state.restarts,
      warnings,
    };
  });
  return {
    mode,
    rows,
    done,
    async stop() {
      // Remembered in state: a loop that has not attached to its worker yet sees it and does not
      // start streaming; one that is attaching gets it again with its first row (see sink).
      state.stopping = true;
      signalStop();
      await requestStop();
      return done;
    },
    abandon(reason) {
      state.stopping = true;
      signalStop();
      state.handle?.abandon(reason);
    },
  };
}

interface LoopState {
  /** stop() was called; honoured whenever the loop gets to it, even before the worker attaches. */
  stopping: boolean;
  restarts: number;
  handle: WorkerHandle | undefined;
  /** stopStream() was re-sent after a row proved the worker's stream reader exists. */
  stopDelivered: boolean;
  /** Resolves on stop(): a loop still waiting for its worker (a fresh one takes seconds to start) ends at once. */
  readonly stopped: Promise<null>;
}

async function runProcessor(
  track: MediaStreamTrack,
  fps: number,
  sink: (rows: VideoFrameRow[]) => void,
  getWorker: GetWorker,
  state: LoopState,
  elapsed: () => number,
  onPose?: (frames: PoseFrame[], unavailable?: string) => void,
): Promise<void> {
  while (!state.stopping && track.readyState === 'live') {
    const h = await Promise.race([getWorker(), state.stopped]);
    // stop() while the worker was being obtained: never start a stream nobody would end.
    if (h === null || state.stopping) return;
    state.handle = h;
    // maxBufferSize 1: when the worker is busy the browser keeps only the newest frame.
    const processor = new MediaStreamTrackProcessor({ track, maxBufferSize: 1 });
    const readable = processor.readable;
    try {
      await h.call(
        h.api.analyzeStream(
          Comlink.transfer(readable, [readable as unknown as Transferable]),
          fps,
          Comlink.proxy(sink),
          elapsed(),
          onPose === undefined ? undefined : Comlink.proxy(onPose),
        ),
      );
      return;
    } catch (e) {
      if (!isRestartable(e)) throw e;
      h.terminate();
      state.restarts++;
    }
  }
}

async function runFrameCallback(
  track: MediaStreamTrack,
  fps: number,
  sink: (rows: VideoFrameRow[]) => void,
  getWorker: GetWorker,
  state: LoopState,
  elapsed: () => number,
): Promise<void> {
  const video = document.createElement('video');
  video.muted = true;
  video.playsInline = true;
  video.srcObject = new MediaStream([track]);
  await video.play();
  let due = 0;
  let busy = false;
  await new Promise<void>((resolve, reject) => {
    let failed = false;
    // A stopped track fires no 'ended' event and delivers no more frames: poll as well.
    const poll = setInterval(() => {
      if (state.stopping || track.readyState !== 'live') finish();
    }, 250);
    const finish = (error?: unknown): void => {
      clearInterval(poll);
      video.srcObject = null;
      if (error === undefined) resolve();
      else reject(error);
    };
    track.addEventListener('ended', () => finish(), { once: true });
    const onFrame = (): void => {
      if (failed) return;
      if (state.stopping || track.readyState !== 'live') {
        finish();
        return;
      }
      video.requestVideoFrameCallback(onFrame);
      const t = elapsed();
      // Drop instead of queueing: skip while the previous frame is still being analysed.
      if (busy || t + 1e-3 < due) return;
      busy = true;
      due = (Math.floor(t * fps + 1e-6) + 1) / fps;
      void (async () => {
        let h: WorkerHandle;
        try {
          h = await getWorker();
        } catch (e) {
          // Closed analyser or restarts exhausted: nothing more can be analysed.
          failed = true;
          return finish(e);
        }
        try {
          state.handle = h;
          const bitmap = await createImageBitmap(video);
          sink([await h.call(h.api.analyzeBitmap(Comlink.transfer(bitmap, [bitmap]), t))]);
        } catch (e) {
          if (isRestartable(e)) {
            h.terminate();
            state.restarts++;
          } else {
            failed = true;
            finish(e);
          }
        } finally {
          busy = false;
        }
      })();
    };
    video.requestVideoFrameCallback(onFrame);
  });
}
