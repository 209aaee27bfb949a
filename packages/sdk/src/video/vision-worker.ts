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
import { median } from './pose-cues.ts';
import { StreamRun, type StreamRunStats } from './stream-run.ts';

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

export type { StreamRunStats } from './stream-run.ts';

const BATCH = 5;

let engine: FaceEngine | undefined;
let pose: PoseEngine | undefined;
/** Why the configured pose landmarker did not start (the face still runs: posture goes first). */
let poseError: string | undefined;
/** The live stream being analysed, for stopStream(). */
let stream: StreamRun | undefined;

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
      if (poses !== undefined) pose?.release();
    }
    return {
      ...file.info,
      analysed,
      wallMs: performance.now() - t0,
      detectMsMedian: median(detectMs) ?? Number.NaN,
      resetMs,
      decodeWaitMs,
      detectMs: detectMs.reduce((a, b) => a + b, 0),
      poseAnalysed: poses?.analysed ?? 0,
      poseMs: poses?.totalMs ?? 0,
    };
  },

  /**
   * Analyses a live VideoFrame stream (from MediaStreamTrackProcessor) at `fps` (stream-run.ts).
   * Resolves when the stream ends or stopStream() is called. `t0` offsets row times (resume after restart).
   */
  async analyzeStream(
    readable: ReadableStream<VideoFrame>,
    fps: number,
    sink: RowSink,
    t0 = 0,
    poseSink?: PoseSink,
  ): Promise<StreamRunStats> {
    const run = new StreamRun(
      readable,
      need(),
      poseSink === undefined ? undefined : { engine: pose, error: poseError, sink: poseSink },
    );
    stream = run;
    try {
      return await run.run(fps, sink, t0);
    } finally {
      if (stream === run) stream = undefined;
    }
  },

  async stopStream(): Promise<void> {
    await stream?.stop();
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
