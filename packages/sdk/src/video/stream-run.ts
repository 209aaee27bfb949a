/**
 * One live stream's analysis in the vision worker (`analyzeStream`, frames from a
 * MediaStreamTrackProcessor): at `fps`, dropping the frames that arrive before the next analysis
 * time instead of queueing them, the pose taking its own slots (pose-schedule.ts). Ends when the
 * stream ends or on `stop()`.
 */
import type { FaceEngine } from './face-engine.ts';
import { median } from './pose-cues.ts';
import type { PoseEngine } from './pose-engine.ts';
import { InterleaveSchedule } from './pose-schedule.ts';
import type { PoseSink, RowSink } from './vision-worker.ts';

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

export class StreamRun {
  private reader: ReadableStreamDefaultReader<VideoFrame> | undefined;
  private stopped = false;

  constructor(
    private readonly readable: ReadableStream<VideoFrame>,
    private readonly face: FaceEngine,
    /** The pose engine (only with a pose sink), or why it is unavailable (told to the sink first). */
    private readonly pose: { engine: PoseEngine | undefined; error: string | undefined; sink: PoseSink } | undefined,
  ) {}

  /**
   * Ends the run: cancels its reader, or, while the landmarkers are still being made fresh (no
   * reader yet), makes `run` end as soon as they are, so a stop never waits on a frame that a
   * stalled track may never deliver.
   */
  async stop(): Promise<void> {
    this.stopped = true;
    await this.reader?.cancel();
  }

  /** `t0` offsets row times (a resume after a restart). */
  async run(fps: number, sink: RowSink, t0: number): Promise<StreamRunStats> {
    const e = this.face;
    const called = performance.now();
    await e.fresh();
    const p = this.pose?.engine;
    if (this.pose?.error !== undefined) this.pose.sink([], this.pose.error);
    await p?.fresh();
    // Face alone: poseFps 0 gives exactly the face's own grid of k / fps.
    const schedule = new InterleaveSchedule({
      faceFps: fps,
      poseFps: p === undefined ? 0 : p.fps,
      ...(p === undefined ? {} : { minFaceCoverage: p.minFaceCoverage }),
    });
    const poseMs: number[] = [];
    const detectMs: number[] = [];
    const reader = this.readable.getReader();
    this.reader = reader;
    if (this.stopped) await reader.cancel();
    let first: number | undefined;
    let last = 0;
    let seen = 0;
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
        // Next slot on the k / fps grid after this frame: a slow frame skips slots, never queues.
        const use = schedule.next(rel);
        if (use === 'pose' && p !== undefined && this.pose !== undefined) {
          try {
            const d0 = performance.now();
            const pf = await p.detect(frame, t0 + rel);
            poseMs.push(performance.now() - d0);
            this.pose.sink([pf]);
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
        sink([row]);
      }
    } finally {
      reader.releaseLock();
      e.release();
      p?.release();
    }
    return {
      seen,
      analysed: detectMs.length,
      duration: last,
      detectMsMedian: median(detectMs) ?? Number.NaN,
      poseAnalysed: poseMs.length,
      poseMsMedian: median(poseMs) ?? Number.NaN,
      poseSkipped: schedule.poseSkipped,
    };
  }
}
