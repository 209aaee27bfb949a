import { FaceLandmarker } from '@mediapipe/tasks-vision';

type WasmFileset = Parameters<typeof FaceLandmarker.createFromOptions>[0];
import { VideoError } from './errors.ts';
import { buildFrameRow, type VideoFrameRow } from './frame-row.ts';
import { LumaMeter } from './luma.ts';
import { compileWasm, rebuildGraph, startLandmarker } from './mediapipe-wasm.ts';
import { loadTaskModel } from './task-model.ts';
import type { ResolvedFaceOptions } from './options.ts';

/**
 * Face Landmarker in VIDEO mode, inside the worker. Loads the wasm and the model once, checks
 * the model's sha256, and turns frames into rows.
 *
 * Why the explicit fileset: tasks-vision loads its wasm glue with `importScripts`, which module
 * workers do not have. Its fallback is a dynamic `import()`, which only works with the ES-module
 * flavour of the glue (`vision_wasm_module_internal.js`, what `forVisionTasks(base, true)`
 * selects): that file assigns `globalThis.ModuleFactory`, whereas the classic one declares a
 * script-scoped `var` that a module never exposes ("ModuleFactory not set"). We import it
 * ourselves first so a wrong URL fails here with a clear `video-model` error.
 */
export class FaceEngine {
  private landmarker: FaceLandmarker | undefined;
  private model: Uint8Array | undefined;
  private fileset: WasmFileset | undefined;
  private moduleFactory: unknown;
  // The 13 MB wasm, fetched and compiled once: MediaPipe otherwise fetches and compiles it again
  // for every landmarker it starts (one per job), i.e. once per answer.
  private wasm: WebAssembly.Module | undefined;
  // VIDEO mode demands strictly increasing timestamps over the landmarker's whole life.
  private lastTs = -1;
  // A landmarker that has seen frames carries tracking state; the next job needs a fresh graph,
  // which is rebuilt right after a job ends so that it overlaps idle time.
  private used = false;
  private pending: Promise<void> | undefined;
  private readonly luma = new LumaMeter();

  /** `wasm`: MediaPipe's binary compiled by the page (from bytes it verified); else fetched here. */
  constructor(
    private readonly opts: ResolvedFaceOptions,
    private readonly given?: WebAssembly.Module,
  ) {}

  /** The compiled MediaPipe wasm (after init), for the pose engine in the same worker. */
  get wasmModule(): WebAssembly.Module {
    if (!this.wasm) throw new Error('FaceEngine.init() first');
    return this.wasm;
  }

  /** Loads everything; returns the milliseconds spent. */
  async init(): Promise<number> {
    const t0 = performance.now();
    this.fileset = await loadFileset(this.opts);
    // tasks-vision clears globalThis.ModuleFactory after each start, and a module is evaluated
    // only once, so keep the factory to start a second landmarker (reset()) in this worker.
    this.moduleFactory = (globalThis as { ModuleFactory?: unknown }).ModuleFactory;
    [this.wasm, this.model] = await Promise.all([
      this.given ?? compileWasm(this.opts.wasmBinaryUrl),
      loadTaskModel(this.opts.modelUrl, this.opts.modelSha256, 'face model'),
    ]);
    await this.reset();
    return performance.now() - t0;
  }

  /**
   * Fresh landmarker: VIDEO mode tracks the face from frame to frame, so a new file starts
   * without the previous file's face region and the same file always yields the same rows.
   */
  async fresh(): Promise<void> {
    if (this.pending) await this.pending.catch(() => undefined);
    if (this.used || !this.landmarker) await this.reset();
  }

  /** Call when a job ends: makes the landmarker fresh again in the background. */
  release(): void {
    this.pending = this.reset();
    this.pending.catch(() => undefined);
  }

  async reset(): Promise<void> {
    if (!this.fileset || !this.model || !this.wasm) throw new Error('FaceEngine.init() first');
    this.used = false;
    this.lastTs = -1;
    if (this.landmarker && (await rebuildGraph(this.landmarker))) return;
    this.landmarker?.close();
    this.landmarker = undefined;
    const fileset = this.fileset;
    const model = this.model;
    this.landmarker = await startLandmarker('FaceLandmarker', this.moduleFactory, this.wasm, () =>
      FaceLandmarker.createFromOptions(fileset, {
        // A copy: MediaPipe may take ownership of (and detach) the buffer it is given.
        baseOptions: { modelAssetBuffer: model.slice(), delegate: this.opts.delegate },
        runningMode: 'VIDEO',
        numFaces: 1,
        outputFaceBlendshapes: true,
        outputFacialTransformationMatrixes: true,
      }),
    );
  }

  /**
   * One frame → one row; closes the frame. Large frames are first downscaled (maxInputSide) by
   * createImageBitmap, which is cheaper than MediaPipe's own conversion of the full frame.
   * Memory: each frame read this way (or by drawImage / MediaPipe on the VideoFrame) leaves ~1.2 MB
   * in Chromium's discardable shared memory, which the browser caps (~485 MB reached after ~450
   * frames, then flat for a 53-s file or a 60-s live answer) and frees under memory pressure.
   * Closing earlier or copying the frame first does not change it (bench/video-memory.ts).
   */
  async detectAndClose(frame: VideoFrame | ImageBitmap, time: number): Promise<VideoFrameRow> {
    if (this.pending) await this.pending.catch(() => undefined);
    let input: VideoFrame | ImageBitmap = frame;
    try {
      const w = 'displayWidth' in frame ? frame.displayWidth : frame.width;
      const h = 'displayHeight' in frame ? frame.displayHeight : frame.height;
      const max = this.opts.maxInputSide;
      if (max > 0 && Math.max(w, h) > max) {
        const s = max / Math.max(w, h);
        input = await createImageBitmap(frame, {
          resizeWidth: Math.round(w * s),
          resizeHeight: Math.round(h * s),
          resizeQuality: 'medium',
        });
      }
      // Measured on the (downscaled) input the landmarker reads, so it costs a 32 × 24 draw.
      const luma = this.luma.measure(input);
      const row = this.detect(input, time);
      return Number.isFinite(luma) ? { ...row, luma } : row;
    } finally {
      if (input !== frame) input.close();
      frame.close();
    }
  }

  /** One frame → one row. `time` is seconds in the source; the frame is not closed here. */
  detect(frame: VideoFrame | ImageBitmap, time: number): VideoFrameRow {
    if (!this.landmarker) throw new Error('FaceEngine.init() first');
    this.used = true;
    const ts = Math.max(this.lastTs + 1, Math.round(time * 1000));
    this.lastTs = ts;
    const width = 'displayWidth' in frame ? frame.displayWidth : frame.width;
    const height = 'displayHeight' in frame ? frame.displayHeight : frame.height;
    const result = this.landmarker.detectForVideo(frame, ts);
    return buildFrameRow(time, result, width, height);
  }

  close(): void {
    this.landmarker?.close();
    this.landmarker = undefined;
  }
}

async function loadFileset(o: ResolvedFaceOptions): Promise<WasmFileset> {
  try {
    await import(/* @vite-ignore */ o.wasmLoaderUrl);
  } catch (e) {
    throw new VideoError('video-model', `MediaPipe wasm loader failed to load from ${o.wasmLoaderUrl}: ${String(e)}`, {
      cause: e,
    });
  }
  if (typeof (globalThis as { ModuleFactory?: unknown }).ModuleFactory !== 'function') {
    throw new VideoError(
      'video-model',
      `${o.wasmLoaderUrl} is not the ES-module loader (vision_wasm_module_internal.js)`,
    );
  }
  return { wasmLoaderPath: o.wasmLoaderUrl, wasmBinaryPath: o.wasmBinaryUrl };
}
