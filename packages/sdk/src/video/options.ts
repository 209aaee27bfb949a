import { HireNetError } from '../util/errors.ts';
import { resolvePoseOptions, type PoseOptions, type ResolvedPoseOptions } from './pose-options.ts';

/**
 * Options of the face analyser, with every default documented and resolved once.
 * Nothing is fetched from a CDN: the host says where the MediaPipe wasm and the model live.
 */
export interface FaceAnalyzerOptions {
  /**
   * URL of `vision_wasm_module_internal.js` from @mediapipe/tasks-vision/wasm (the ES-module
   * flavour; the classic one cannot load in a module worker). Required; with Vite use
   * `viteVisionWasm` from `mediapipe-urls.vite.ts`.
   */
  readonly wasmLoaderUrl: string;
  /** URL of `vision_wasm_module_internal.wasm`. Required. */
  readonly wasmBinaryUrl: string;
  /** URL of `face_landmarker.task` or its gzip `face_landmarker.task.gz` (self-hosted). Required. */
  readonly modelUrl: string;
  /**
   * Expected sha256 (hex) of the model bytes; a mismatch fails with `video-model`. Default: the
   * published float16 v1 bundle, {@link FACE_LANDMARKER_SHA256}. Pass `null` to skip the check.
   */
  readonly modelSha256?: string | null;
  /** MediaPipe delegate. Default `'CPU'`: the GPU delegate on SwiftShader is ~9× slower. */
  readonly delegate?: 'CPU' | 'GPU';
  /** Analysed frames per second, for files and live streams. Default 15. */
  readonly fps?: number;
  /** Worker restarts allowed after a crash before giving up with `video-worker`. Default 2. */
  readonly maxRestarts?: number;
  /**
   * Frames whose longer side exceeds this many pixels are downscaled before detection. The
   * landmark model sees a 192 px crop of the face anyway, so 480 px loses nothing for a face
   * filling less than ~40 % of the frame, and makes each frame much cheaper to hand to MediaPipe.
   * Default 480; 0 disables.
   */
  readonly maxInputSide?: number;
  /**
   * Workers that analyse a file in parallel, each on its own contiguous part (the split point
   * starts a fresh face tracker, so rows depend on this number, deterministically). Extra
   * workers start with the first file and stay, each holding its own wasm heap. Default: 2 when
   * the browser reports ≥ 2 cores, else 1. Live analysis uses one.
   */
  readonly fileWorkers?: number;
  /**
   * Pose landmarker for posture cues on live streams, taking turns with the face on the worker's
   * frames (pose-schedule.ts). Default: none (no pose model is fetched).
   */
  readonly pose?: PoseOptions;
}

/**
 * The face model's file name under `assetsBaseUrl`: MediaPipe's bundle gzip-compressed (a stored zip: gzip
 * takes 11 % off), written by `npx hirenet assets` and unpacked in the vision worker (task-model.ts).
 */
export const FACE_MODEL_FILE = 'face_landmarker.task.gz';

/** sha256 of MediaPipe's face_landmarker.task, float16, version 1 (the plain bundle, also when served gzipped). */
export const FACE_LANDMARKER_SHA256 = '64184e229b263107bc2b804c6625db1341ff2bb731874b0bcc2fe6544e0bc9ff';

export interface ResolvedFaceOptions {
  readonly wasmLoaderUrl: string;
  readonly wasmBinaryUrl: string;
  readonly modelUrl: string;
  readonly modelSha256: string | null;
  readonly delegate: 'CPU' | 'GPU';
  readonly fps: number;
  readonly maxRestarts: number;
  readonly maxInputSide: number;
  readonly fileWorkers: number;
  readonly pose: ResolvedPoseOptions | null;
}

/**
 * Fills defaults and validates. URLs are made absolute against `base` because the worker
 * resolves relative URLs against its own script, not against the page.
 */
export function resolveFaceOptions(o: FaceAnalyzerOptions, base?: string): ResolvedFaceOptions {
  const abs = (name: string, u: string | undefined): string => {
    if (typeof u !== 'string' || u === '')
      throw new HireNetError('invalid-options', `FaceAnalyzerOptions.${name} is required`);
    return base === undefined ? u : new URL(u, base).href;
  };
  const fps = o.fps ?? 15;
  if (!(fps > 0 && fps <= 60)) throw new HireNetError('invalid-options', `fps must be in (0, 60], got ${fps}`);
  const sha = o.modelSha256 === undefined ? FACE_LANDMARKER_SHA256 : o.modelSha256;
  if (sha !== null && !/^[0-9a-f]{64}$/i.test(sha))
    throw new HireNetError('invalid-options', 'modelSha256 must be 64 hex digits or null');
  return {
    wasmLoaderUrl: abs('wasmLoaderUrl', o.wasmLoaderUrl),
    wasmBinaryUrl: abs('wasmBinaryUrl', o.wasmBinaryUrl),
    modelUrl: abs('modelUrl', o.modelUrl),
    modelSha256: sha === null ? null : sha.toLowerCase(),
    delegate: o.delegate ?? 'CPU',
    fps,
    maxRestarts: o.maxRestarts ?? 2,
    maxInputSide: o.maxInputSide ?? 480,
    fileWorkers: Math.max(
      1,
      Math.floor(o.fileWorkers ?? ((globalThis.navigator?.hardwareConcurrency ?? 1) >= 2 ? 2 : 1)),
    ),
    pose: o.pose === undefined ? null : resolvePoseOptions(o.pose, base),
  };
}

/** Deterministic analysis times k / fps in [0, duration): identical on every run and machine. */
export function frameTimes(duration: number, fps: number): number[] {
  const n = Math.max(0, Math.ceil(duration * fps - 1e-9));
  return Array.from({ length: n }, (_, k) => k / fps);
}
