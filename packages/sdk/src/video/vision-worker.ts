/// <reference lib="webworker" />
/**
 * The vision worker (module worker, comlink). All MediaPipe work happens here so the page's
 * main thread only receives finished rows.
 */
import * as Comlink from 'comlink';
import { installErrorTransfer } from './comlink-errors.ts';
import { FaceEngine } from './face-engine.ts';
import type { FileInfo } from './file-frames.ts';
import { openFile } from './file-open.ts';
import { emptyFrameRow, type VideoFrameRow } from './frame-row.ts';
import { blockTelemetry } from './no-telemetry.ts';
import type { ResolvedFaceOptions } from './options.ts';
import { PoseEngine } from './pose-engine.ts';
import type { PoseFrame } from './pose-frame.ts';
import { FilePoseTap } from './pose-file.ts';
import { InterleaveSchedule } from './pose-schedule.ts';

installErrorTransfer();

blockTelemetry(self);

/** Receives rows in small batches so a crash loses at most one batch. */
export type RowSink = (rows: VideoFrameRow[]) => void;
/**
 * Receives pose frames (live streams with a pose model only), one per call; or, once at the start
 * of a stream, no frame and why the pose landmarker is not available (the face runs alone).
 */
export type PoseSink = (frames: PoseFrame[], unavailable?: string) => void;

export interface FileRunStats extends FileInfo {
  readonly analysed: number;
  readonly wallMs: number;
  /** Median milliseconds of detectForVideo per frame. */
  readonly detectMsMedian: number;
  /** Where the wall time went: starting a fresh landmarker, waiting for decoded frames, detecting. */
  readonly resetMs: number;
  readonly decodeWaitMs: number;
  readonly detectMs: number;
  /** Frames given to the pose landmarker (0 without a pose sink or model) and the milliseconds they took. */
  readonly poseAnalysed: number;
  readonly poseMs: number;
}

export interface StreamRunStats {
  /** Frames delivered by the track. */
  readonly seen: number;
  readonly analysed: number;
  /** Stream time covered, seconds (first to last frame). */
  readonly duration: number;
  readonly detectMsMedian: number;
  /** Frames given to the pose landmarker, its median milliseconds per frame, and pose slots skipped for load. */
  readonly poseAnalysed: number;
  readonly poseMsMedian: number;
  readonly poseSkipped: number;
}

const BATCH = 5;

let engine: FaceEngine | undefined;
let pose: PoseEngine | undefined;
/** Why the configured pose landmarker did not start (the face still runs: posture goes first). */
let poseError: string | undefined;
let streamReader: ReadableStreamDefaultReader<VideoFrame> | undefined;

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s.length === 0 ? NaN : (s[(s.length - 1) >> 1]! + s[s.length >> 1]!) / 2;
}

function need(): FaceEngine {
  if (!engine) throw new Error('vision worker: init() first');
  return engine;
}

const api = {
  async init(
    opts: ResolvedFaceOptions,
    wasm?: WebAssembly.Module,
  ): Promise<{ initMs: number; poseInitMs: number | null; poseError: string | null }> {
    engine?.close();
    pose?.close();
    pose = undefined;
    poseError = undefined;
    // The pose landmarker needs the wasm's ModuleFactory, which tasks-vision clears once the face
    // landmarker has started: evaluate the loader first and keep the factory (see pose-engine.ts).
    // `?? null`: resolved options built by older hosts have no pose field at all.
    const poseOpts = opts.pose ?? null;
    let factory: unknown;
    if (poseOpts !== null) {
      await import(/* @vite-ignore */ opts.wasmLoaderUrl).catch(() => undefined);
      factory = (globalThis as { ModuleFactory?: unknown }).ModuleFactory;
    }
    engine = new FaceEngine(opts, wasm);
    const initMs = await engine.init();
    if (poseOpts === null) return { initMs, poseInitMs: null, poseError: null };
    const fileset = { wasmLoaderPath: opts.wasmLoaderUrl, wasmBinaryPath: opts.wasmBinaryUrl };
    const p = new PoseEngine(poseOpts, fileset, factory, engine.wasmModule, opts.delegate, opts.maxInputSide);
    try {
      const poseInitMs = await p.init();
      pose = p;
      return { initMs, poseInitMs, poseError: null };
    } catch (e) {
      // A missing or mismatched pose model must not take the face cues down with it.
      p.close();
      poseError = e instanceof Error ? e.message : String(e);
      return { initMs, poseInitMs: null, poseError };
    }
  },

  /** Duration, size and codec, without decoding. */
  async probeFile(blob: Blob, fps: number): Promise<FileInfo> {
    const file = await openFile(blob, fps);
    file.close();
    return file.info;
  },

  /** Analyses the times k / fps in [from, to) of a file (a part of it when split or resumed); pose-file.ts. */
  async analyzeFile(
    blob: Blob,
    fps: number,
    sink: RowSink,
    from = 0,
    to = Infinity,
    poseSink?: PoseSink,
  ): Promise<FileRunStats> {
    const e = need();
    const t0 = performance.now();
    const file = await openFile(blob, fps, from, to);
    const r0 = performance.now();
    await e.fresh();
    if (poseSink !== undefined && poseError !== undefined) poseSink([], poseError);
    await (poseSink === undefined ? undefined : pose)?.fresh();
    const poses = poseSink === undefined || pose === undefined ? undefined : new FilePoseTap(pose, poseSink, from);
    const resetMs = performance.now() - r0;
    const detectMs: number[] = [];
    let batch: VideoFrameRow[] = [];
    let analysed = 0;
    let decodeWaitMs = 0;
    try {
      for (;;) {
        const w0 = performance.now();
        const next = await file.frames.next();
        decodeWaitMs += performance.now() - w0;
        if (next.done) break;
        const { time, frame } = next.value;
        let row: VideoFrameRow;
        if (frame && poses !== undefined)
          await poses.offer(frame, time).catch((err: unknown) => {
            frame.close(); // the face never got it
            throw err;
          });
        if (frame) {
          const d0 = performance.now();
          row = await e.detectAndClose(frame, time);
          detectMs.push(performance.now() - d0);
        } else {
          row = emptyFrameRow(time);
        }
        analysed++;
        batch.push(row);
        if (batch.length >= BATCH) {
          poses?.flush();
          sink(batch);
          batch = [];
        }
      }
    } finally {
      poses?.flush();
      if (batch.length > 0) sink(batch);
      file.close();
      e.release();
    }
    return {
      ...file.info,
      analysed,
      wallMs: performance.now() - t0,
      detectMsMedian: median(detectMs),
      resetMs,
      decodeWaitMs,
      detectMs: detectMs.reduce((a, b) => a + b, 0),
      poseAnalysed: poses?.analysed ?? 0,
      poseMs: poses?.totalMs ?? 0,
    };
  },

  /**
   * Analyses a live VideoFrame stream (from MediaStreamTrackProcessor) at `fps`, dropping the
   * frames that arrive before the next analysis time instead of queueing them. Resolves when
   * the stream ends or stopStream() is called. `t0` offsets row times (resume after restart).
   */
  async analyzeStream(
    readable: ReadableStream<VideoFrame>,
    fps: number,
    sink: RowSink,
    t0 = 0,
    poseSink?: PoseSink,
  ): Promise<StreamRunStats> {
    const e = need();
    const called = performance.now();
    await e.fresh();
    const p = poseSink === undefined ? undefined : pose;
    if (poseSink !== undefined && poseError !== undefined) poseSink([], poseError);
    await p?.fresh();
    // Face alone: poseFps 0 gives exactly the face's own grid of k / fps.
    const schedule = new InterleaveSchedule({
      faceFps: fps,
      poseFps: p === undefined ? 0 : p.fps,
      ...(p === undefined ? {} : { minFaceCoverage: p.minFaceCoverage }),
    });
    const poseMs: number[] = [];
    const reader = readable.getReader();
    streamReader = reader;
    const detectMs: number[] = [];
    let first: number | undefined;
    let last = 0;
    let seen = 0;
    let analysed = 0;
    try {
      for (;;) {
        const { done, value: frame } = await reader.read();
        if (done) break;
        seen++;
        // The first frame is read after the landmarker started: its time includes that wait, so
        // row times stay on the caller's clock and a late start shows as a gap, not a shifted answer.
        if (first === undefined) {
          first = frame.timestamp;
          t0 += (performance.now() - called) / 1000;
        }
        const rel = (frame.timestamp - first) / 1e6;
        last = rel;
        // Next slot on the k / fps grid after this frame: a slow frame skips slots, never queues
        // (pose-schedule.ts; the pose takes its own slots on frames the face does not use).
        const use = schedule.next(rel);
        if (use === 'pose' && p !== undefined && poseSink !== undefined) {
          try {
            const d0 = performance.now();
            const pf = await p.detect(frame, t0 + rel);
            poseMs.push(performance.now() - d0);
            poseSink([pf]);
          } finally {
            frame.close();
          }
          continue;
        }
        if (use !== 'face') {
          frame.close();
          continue;
        }
        const d0 = performance.now();
        const row = await e.detectAndClose(frame, t0 + rel);
        detectMs.push(performance.now() - d0);
        analysed++;
        sink([row]);
      }
    } finally {
      if (streamReader === reader) streamReader = undefined;
      reader.releaseLock();
      e.release();
    }
    return {
      seen,
      analysed,
      duration: last,
      detectMsMedian: median(detectMs),
      poseAnalysed: poseMs.length,
      poseMsMedian: median(poseMs),
      poseSkipped: schedule.poseSkipped,
    };
  },

  async stopStream(): Promise<void> {
    await streamReader?.cancel();
  },

  /** One frame from the fallback path (requestVideoFrameCallback + createImageBitmap). */
  analyzeBitmap(bitmap: ImageBitmap, time: number): Promise<VideoFrameRow> {
    return need().detectAndClose(bitmap, time);
  },

  /** Heartbeat: answers at once unless the worker is blocked. */
  ping(): true {
    return true;
  },

  /** Test hook: an uncaught error outside any call, as a wasm abort would raise. */
  crashForTest(): void {
    setTimeout(() => {
      engine?.close();
      engine = undefined;
      throw new Error('simulated vision worker crash');
    }, 0);
  },

  /**
   * Test hook: the worker's thread stays busy for `ms` right after this call returns, as a long GC or a stalled wasm
   * call would.
   */
  blockForTest(ms: number): void {
    setTimeout(() => {
      const end = performance.now() + ms;
      while (performance.now() < end) {
        // Busy on purpose: nothing else runs on this thread meanwhile.
      }
    }, 0);
  },

  close(): void {
    engine?.close();
    engine = undefined;
    pose?.close();
    pose = undefined;
  },
};

export type VisionWorkerApi = typeof api;

Comlink.expose(api);
