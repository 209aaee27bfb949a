/**
 * Pose Landmarker (lite) in VIDEO mode, inside the vision worker beside the face engine. It
 * shares the worker's MediaPipe wasm: tasks-vision clears `globalThis.ModuleFactory` after each
 * landmarker starts and a module is evaluated once, so the factory the worker captured before the
 * face started is put back before every start here (as FaceEngine does for its own restarts).
 */
import { PoseLandmarker } from '@mediapipe/tasks-vision';
import { VideoError } from './errors.ts';
import { rebuildGraph, startLandmarker } from './mediapipe-wasm.ts';
import { loadTaskModel } from './task-model.ts';
import { buildPoseFrame, type PoseFrame } from './pose-frame.ts';
import type { ResolvedPoseOptions } from './pose-options.ts';

type WasmFileset = Parameters<typeof PoseLandmarker.createFromOptions>[0];

export class PoseEngine {
  private landmarker: PoseLandmarker | undefined;
  private model: Uint8Array | undefined;
  // VIDEO mode demands strictly increasing timestamps (ms) over the landmarker's whole life, its
  // rebuilt graphs included (reset). A job's timestamps are `epoch` + its times: the same steps
  // between frames on a new landmarker and on a rebuilt graph. Never 0, not even on a new one:
  // MediaPipe's landmark smoothing (OneEuroFilter) takes a last timestamp of 0 for "none yet" and
  // keeps its default rate for the next frame, so a job starting at 0 would smooth differently from
  // the same job on a rebuilt graph (video-pose-refresh.test.ts caught it).
  private lastTs = 0;
  private epoch = 1;
  private used = false;
  // The graph rebuild after a job (release) runs in the background, overlapping idle time (~40 ms).
  private pending: Promise<void> | undefined;

  constructor(
    private readonly opts: ResolvedPoseOptions,
    private readonly fileset: WasmFileset,
    private readonly moduleFactory: unknown,
    // The face engine's compiled wasm: instantiated per start, never fetched or compiled again.
    private readonly wasm: WebAssembly.Module,
    private readonly delegate: 'CPU' | 'GPU',
    private readonly maxInputSide: number,
  ) {}

  /** Pose frames per second and the face coverage below which the pose is skipped (pose-options.ts). */
  get fps(): number {
    return this.opts.fps;
  }
  get minFaceCoverage(): number {
    return this.opts.minFaceCoverage;
  }

  /** Fetches and checks the model, starts the landmarker; returns the milliseconds spent. */
  async init(): Promise<number> {
    const t0 = performance.now();
    this.model = await loadTaskModel(this.opts.modelUrl, this.opts.modelSha256, 'pose model');
    await this.reset();
    return performance.now() - t0;
  }

  /** A landmarker without the previous stream's tracking state (VIDEO mode tracks the body). */
  async fresh(): Promise<void> {
    if (this.pending) await this.pending.catch(() => undefined);
    if (this.used || !this.landmarker) await this.reset();
  }

  /** Call when a job ends: makes the landmarker fresh again in the background (as FaceEngine does). */
  release(): void {
    if (!this.used) return;
    this.pending = this.reset();
    this.pending.catch(() => undefined); // a failure shows at fresh(), which resets again
  }

  async reset(): Promise<void> {
    if (!this.model) throw new Error('PoseEngine.init() first');
    this.used = false;
    // Unlike the face's, this landmarker sends a `free_memory` packet after each frame at the latest
    // timestamp it has seen, which a graph rebuild does not forget: the next job's timestamps start
    // after the last one's (the graph rejects a step back with "Packet timestamp mismatch").
    if (this.landmarker && (await rebuildGraph(this.landmarker))) {
      this.epoch = this.lastTs + 1;
      return;
    }
    this.landmarker?.close();
    this.landmarker = undefined;
    this.lastTs = 0;
    this.epoch = 1;
    if (typeof this.moduleFactory !== 'function')
      throw new VideoError('video-model', 'pose: the MediaPipe wasm loader did not set ModuleFactory');
    const model = this.model;
    this.landmarker = await startLandmarker('PoseLandmarker', this.moduleFactory, this.wasm, () =>
      PoseLandmarker.createFromOptions(this.fileset, {
        baseOptions: { modelAssetBuffer: model.slice(), delegate: this.delegate },
        runningMode: 'VIDEO',
        numPoses: 1,
        outputSegmentationMasks: false,
      }),
    );
  }

  /** One frame → one pose frame; the frame is not closed here (the face engine may read it next). */
  async detect(frame: VideoFrame | ImageBitmap, time: number): Promise<PoseFrame> {
    if (this.pending) await this.pending.catch(() => undefined);
    if (!this.landmarker) throw new Error('PoseEngine.init() first');
    this.used = true;
    const w = 'displayWidth' in frame ? frame.displayWidth : frame.width;
    const h = 'displayHeight' in frame ? frame.displayHeight : frame.height;
    let input: VideoFrame | ImageBitmap = frame;
    const max = this.maxInputSide;
    if (max > 0 && Math.max(w, h) > max) {
      const s = max / Math.max(w, h);
      input = await createImageBitmap(frame, {
        resizeWidth: Math.round(w * s),
        resizeHeight: Math.round(h * s),
        resizeQuality: 'medium',
      });
    }
    try {
      const ts = Math.max(this.lastTs + 1, this.epoch + Math.round(time * 1000));
      this.lastTs = ts;
      const result = this.landmarker.detectForVideo(input, ts);
      try {
        return buildPoseFrame(time, result.landmarks[0], w, h);
      } finally {
        result.close();
      }
    } finally {
      if (input !== frame) input.close();
    }
  }

  close(): void {
    this.landmarker?.close();
    this.landmarker = undefined;
  }
}
