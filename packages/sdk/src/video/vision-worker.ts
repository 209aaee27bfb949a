/// <reference lib="webworker" />
/**
 * The vision worker (module worker, comlink). All MediaPipe work happens here so the page's
 * main thread only receives finished rows.
 */
import * as Comlink from 'comlink';
import { installErrorTransfer } from './comlink-errors.ts';
import { FaceEngine } from './face-engine.ts';
import { openVideoFile, type FileInfo } from './file-frames.ts';
import { emptyFrameRow, type VideoFrameRow } from './frame-row.ts';
import { blockTelemetry } from './no-telemetry.ts';
import type { ResolvedFaceOptions } from './options.ts';

installErrorTransfer();
blockTelemetry(self);

/** Receives rows in small batches so a crash loses at most one batch. */
export type RowSink = (rows: VideoFrameRow[]) => void;

export interface FileRunStats extends FileInfo {
  readonly analysed: number;
  readonly wallMs: number;
  /** Median milliseconds of detectForVideo per frame. */
  readonly detectMsMedian: number;
  /** Where the wall time went: starting a fresh landmarker, waiting for decoded frames, detecting. */
  readonly resetMs: number;
  readonly decodeWaitMs: number;
  readonly detectMs: number;
}

export interface StreamRunStats {
  /** Frames delivered by the track. */
  readonly seen: number;
  readonly analysed: number;
  /** Stream time covered, seconds (first to last frame). */
  readonly duration: number;
  readonly detectMsMedian: number;
}

const BATCH = 5;

let engine: FaceEngine | undefined;
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
  async init(opts: ResolvedFaceOptions): Promise<{ initMs: number }> {
    engine?.close();
    engine = new FaceEngine(opts);
    return { initMs: await engine.init() };
  },

  /** Duration, size and codec, without decoding. */
  async probeFile(blob: Blob, fps: number): Promise<FileInfo> {
    const file = await openVideoFile(blob, fps);
    file.close();
    return file.info;
  },

  /** Analyses the times k / fps in [from, to) of a file (a part of it when split or resumed). */
  async analyzeFile(blob: Blob, fps: number, sink: RowSink, from = 0, to = Infinity): Promise<FileRunStats> {
    const e = need();
    const t0 = performance.now();
    const file = await openVideoFile(blob, fps, from, to);
    const r0 = performance.now();
    await e.fresh();
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
          sink(batch);
          batch = [];
        }
      }
    } finally {
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
  ): Promise<StreamRunStats> {
    const e = need();
    const called = performance.now();
    await e.fresh();
    const reader = readable.getReader();
    streamReader = reader;
    const detectMs: number[] = [];
    let first: number | undefined;
    let last = 0;
    let due = 0;
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
        if (rel + 1e-3 < due) {
          frame.close();
          continue;
        }
        // Next slot on the k / fps grid after this frame: a slow frame skips slots, never queues.
        // The same 1 ms tolerance as the acceptance test above, or a frame just before a slot
        // boundary would leave that slot open and the next frame would take it again.
        due = (Math.floor((rel + 1e-3) * fps + 1e-6) + 1) / fps;
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
    return { seen, analysed, duration: last, detectMsMedian: median(detectMs) };
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

  /** Test hook: the worker's thread stays busy for `ms` right after this call returns, as a long GC or a stalled wasm call would. */
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
  },
};

export type VisionWorkerApi = typeof api;

Comlink.expose(api);
