/**
 * Options of `HireNet.create`, every default documented and resolved once. All assets are
 * self-hosted: by default they live under one directory, `assetsBaseUrl`, laid out as
 *
 *   <assetsBaseUrl>model/                 fusion.json + audio/ + video/ (or a single model.json)
 *   <assetsBaseUrl>vocab/                 vocab.json, vectors, words (models/vocab)
 *   <assetsBaseUrl>tfjs/                  tfjs-backend-wasm*.wasm
 *   <assetsBaseUrl>mediapipe/             vision_wasm_module_internal.{js,wasm}
 *   <assetsBaseUrl>face_landmarker.task.gz  MediaPipe's face model, gzip-compressed (optional: absent = audio only)
 *   <assetsBaseUrl>capture-worklet.js     the compiled audio capture worklet
 *   <assetsBaseUrl>{audio,vision}-worker.js  the prebuilt workers (published package; docs/packaging.md)
 *   <assetsBaseUrl>model/manifest.json    sha256 of every file above but the face model and worklet
 *
 * packages/cli/src/assets-layout.ts lists it (`npx hirenet assets`, the demo's Vite plugin).
 */
import type { BackendName } from '../backend/backends.ts';
import { FACE_MODEL_FILE } from '../video/options.ts';
import { resolvePoseOptions, type PoseOptions } from '../video/pose-options.ts';
import { SessionError } from './errors.ts';
import { checkHostText, HOST_TEXT_LIMITS } from './host-text.ts';
import { defaultManifestUrl } from './manifest.ts';
import type { SessionModality } from './types.ts';
import { PREBUILT_WORKERS } from '../workers/bundled.ts';

export type BackendChoice = 'auto' | BackendName;

export interface LoadProgress {
  readonly stage: 'backend' | 'model' | 'vocabulary' | 'face-model' | 'warm-up' | 'ready';
  /** 0–1 over all stages. */
  readonly fraction: number;
}

export interface HireNetOptions {
  /** Directory URL of the self-hosted assets (layout above). Required. */
  readonly assetsBaseUrl: string;
  /** Fusion directory (with fusion.json) or a model.json URL. Default `<assetsBaseUrl>model/`. */
  readonly modelUrl?: string;
  /**
   * MediaPipe's face_landmarker.task, gzip-compressed (what `npx hirenet assets` writes, 11 % smaller
   * on the wire; unpacked in the vision worker) or plain (a URL of the .task as MediaPipe ships it
   * works too). Default `<assetsBaseUrl>face_landmarker.task.gz`; `null` turns the
   * face channel off. When it cannot be loaded the session runs audio-only and says so
   * (warning `face-model-missing`).
   */
  readonly faceModelUrl?: string | null;
  /**
   * Channels to use. Default ['audio', 'video']. ['audio'] analyses no video frame at all. 'text'
   * (opt-in) analyses transcripts of the answers: the host's (`session.setTranscript`) or an
   * on-device transcriber's; the consent notice then names the words, and the candidate may
   * consent without them.
   */
  readonly modalities?: readonly SessionModality[];
  /**
   * tfjs backend. Default 'auto': the backends that initialise here are timed on a warm-up
   * prediction of the loaded model and the fastest is kept (measured, not assumed), and the
   * choice is remembered for this browser and SDK version (localStorage, erased by deleteAll).
   */
  readonly backend?: BackendChoice;
  /**
   * Backends 'auto' may time. Default: wasm, cpu, and webgl / webgpu only where they run on a
   * hardware GPU (on a software renderer such as SwiftShader their first call takes seconds
   * and they lose to wasm). Naming them here times them anyway and skips the remembered choice.
   */
  readonly backendCandidates?: readonly BackendName[];
  /** Called as loading advances. */
  readonly onProgress?: (p: LoadProgress) => void;
  /** Default `<assetsBaseUrl>vocab/`. */
  readonly vocabUrl?: string;
  /** URL prefix of the tfjs wasm binaries. Default `<assetsBaseUrl>tfjs/`. */
  readonly wasmPaths?: string;
  /** MediaPipe module loader and binary. Default under `<assetsBaseUrl>mediapipe/`. */
  readonly visionWasm?: { readonly wasmLoaderUrl: string; readonly wasmBinaryUrl: string };
  /** Compiled capture worklet. Default `<assetsBaseUrl>capture-worklet.js`. */
  readonly audioWorkletUrl?: string;
  /**
   * Compiled audio worker module (relocatable worker). Default: `<assetsBaseUrl>audio-worker.js` with
   * the published package (`npx hirenet assets` copies it there); in the workspace sources, the one
   * the bundler emits from audio-worker.ts.
   */
  readonly audioWorkerUrl?: string;
  /** Compiled vision worker module. Default: `<assetsBaseUrl>vision-worker.js` (as `audioWorkerUrl`). */
  readonly visionWorkerUrl?: string;
  /** Keep session state in IndexedDB so a reload loses nothing. Default true. */
  readonly persist?: boolean;
  /** Analysed video frames per second. Default 15. */
  readonly faceFps?: number;
  /**
   * A self-hosted MediaPipe PoseLandmarker bundle (URL + sha256, as in the live room): the video
   * channel then also measures posture per window (docs/face-features.md). Default none. A pose
   * model that cannot be loaded is the warning `pose-model-missing`; the face channel runs on.
   */
  readonly pose?: PoseOptions;
  /** The asset manifest (manifest.ts). Default: manifest.json beside fusion.json / model.json. */
  readonly manifestUrl?: string;
  /**
   * sha256 (64 hex) the manifest file must have: pins the model and every asset it lists. Without
   * it any consistent manifest is accepted and its sha256 is logged as the model identity.
   */
  readonly manifestSha256?: string;
}

export interface ResolvedOptions {
  readonly assetsBaseUrl: string;
  readonly modelUrl: string;
  readonly faceModelUrl: string | null;
  readonly modalities: readonly SessionModality[];
  readonly backend: BackendChoice;
  readonly backendCandidates: readonly BackendName[] | null;
  readonly onProgress: (p: LoadProgress) => void;
  readonly vocabUrl: string;
  readonly wasmPaths: string;
  readonly visionWasm: { readonly wasmLoaderUrl: string; readonly wasmBinaryUrl: string };
  readonly audioWorkletUrl: string;
  /** null: the bundled worker. */
  readonly audioWorkerUrl: string | null;
  readonly visionWorkerUrl: string | null;
  readonly persist: boolean;
  readonly faceFps: number;
  /** Checked, URL absolute; null without a pose model (or without the video channel). */
  readonly pose: PoseOptions | null;
  readonly manifestUrl: string;
  readonly manifestSha256: string | null;
}

const BACKENDS: readonly BackendChoice[] = ['auto', 'cpu', 'wasm', 'webgl', 'webgpu'];
const MODALITIES: readonly SessionModality[] = ['audio', 'video', 'text'];
/** The default leaves the words out: a host that supplies transcripts (or a transcriber) adds 'text'. */
const DEFAULT_MODALITIES: readonly SessionModality[] = ['audio', 'video'];

function bad(message: string): SessionError {
  return new SessionError('invalid-options', message);
}

const URL_FIELDS = [
  'assetsBaseUrl',
  'modelUrl',
  'faceModelUrl',
  'vocabUrl',
  'wasmPaths',
  'audioWorkletUrl',
  'audioWorkerUrl',
  'visionWorkerUrl',
  'manifestUrl',
] as const;

/** Every URL option: a string of at most HOST_TEXT_LIMITS.url characters, no control character. */
function checkUrls(o: HireNetOptions): void {
  const url = { max: HOST_TEXT_LIMITS.url };
  for (const field of URL_FIELDS) {
    const v = o[field];
    if (v !== undefined && v !== null) checkHostText(v, field, url);
  }
  if (o.visionWasm !== undefined) {
    if (o.visionWasm === null || typeof o.visionWasm !== 'object')
      throw bad('visionWasm must be { wasmLoaderUrl, wasmBinaryUrl }');
    checkHostText(o.visionWasm.wasmLoaderUrl, 'visionWasm.wasmLoaderUrl', url);
    checkHostText(o.visionWasm.wasmBinaryUrl, 'visionWasm.wasmBinaryUrl', url);
  }
}

/**
 * Fills defaults and validates. URLs are made absolute against `base` (the page), because
 * workers resolve relative URLs against their own script.
 */
export function resolveOptions(o: HireNetOptions, base?: string): ResolvedOptions {
  if (o === null || typeof o !== 'object') throw bad('HireNet.create needs an options object');
  if (typeof o.assetsBaseUrl !== 'string' || o.assetsBaseUrl === '')
    throw bad('assetsBaseUrl is required (directory of the self-hosted assets)');
  checkUrls(o);
  const abs = (u: string): string => (base === undefined ? u : new URL(u, base).href);
  const dir = (u: string): string => abs(u.endsWith('/') ? u : `${u}/`);
  const assets = dir(o.assetsBaseUrl);
  // Default paths are plain children of the assets directory, so appending is exact.
  const at = (rel: string): string => `${assets}${rel}`;
  const modalities = o.modalities ?? DEFAULT_MODALITIES;
  if (
    !Array.isArray(modalities) ||
    modalities.length === 0 ||
    modalities.some((m) => !MODALITIES.includes(m)) ||
    new Set(modalities).size !== modalities.length
  ) {
    throw bad(
      `modalities must be a non-empty subset of ${JSON.stringify(MODALITIES)}, got ${JSON.stringify(modalities)}`,
    );
  }
  const backend = o.backend ?? 'auto';
  if (!BACKENDS.includes(backend))
    throw bad(`backend must be one of ${BACKENDS.join(', ')}, got ${JSON.stringify(backend)}`);
  const candidates = o.backendCandidates ?? null;
  if (
    candidates !== null &&
    (!Array.isArray(candidates) ||
      candidates.length === 0 ||
      candidates.some((b) => !BACKENDS.includes(b) || b === 'auto'))
  ) {
    throw bad(
      [
        'backendCandidates must be a non-empty list of',
        `${BACKENDS.filter((b) => b !== 'auto').join(', ')}, got ${JSON.stringify(candidates)}`,
      ].join(' '),
    );
  }
  const faceFps = o.faceFps ?? 15;
  if (!(faceFps > 0 && faceFps <= 60)) throw bad(`faceFps must be in (0, 60], got ${faceFps}`);
  if (o.onProgress !== undefined && typeof o.onProgress !== 'function') throw bad('onProgress must be a function');
  const pin = o.manifestSha256 ?? null;
  if (pin !== null && (typeof pin !== 'string' || !/^[0-9a-fA-F]{64}$/.test(pin)))
    throw bad(`manifestSha256 must be 64 hex digits, got ${JSON.stringify(pin)}`);
  const face =
    o.faceModelUrl === undefined ? at(FACE_MODEL_FILE) : o.faceModelUrl === null ? null : abs(o.faceModelUrl);
  const modelUrl = o.modelUrl === undefined ? at('model/') : abs(o.modelUrl);
  let pose: PoseOptions | null = null;
  if (o.pose !== undefined && o.pose !== null && modalities.includes('video')) {
    if (typeof o.pose !== 'object') throw bad('pose must be { modelUrl, modelSha256 }');
    checkHostText(o.pose.modelUrl, 'pose.modelUrl', { max: HOST_TEXT_LIMITS.url });
    let r: ReturnType<typeof resolvePoseOptions>;
    try {
      r = resolvePoseOptions(o.pose, base);
    } catch (e) {
      throw bad((e as Error).message);
    }
    pose = Object.freeze({ ...o.pose, modelUrl: r.modelUrl, modelSha256: r.modelSha256 });
  }
  return Object.freeze({
    assetsBaseUrl: assets,
    modelUrl,
    faceModelUrl: modalities.includes('video') ? face : null,
    modalities: Object.freeze([...modalities]),
    backend,
    backendCandidates: candidates === null ? null : Object.freeze([...candidates]),
    onProgress: o.onProgress ?? (() => undefined),
    vocabUrl: o.vocabUrl === undefined ? at('vocab/') : dir(o.vocabUrl),
    wasmPaths: o.wasmPaths === undefined ? at('tfjs/') : dir(o.wasmPaths),
    visionWasm: o.visionWasm ?? {
      wasmLoaderUrl: at('mediapipe/vision_wasm_module_internal.js'),
      wasmBinaryUrl: at('mediapipe/vision_wasm_module_internal.wasm'),
    },
    audioWorkletUrl: o.audioWorkletUrl === undefined ? at('capture-worklet.js') : abs(o.audioWorkletUrl),
    // Published: prebuilt workers beside the other assets, so no host bundler has to find them.
    audioWorkerUrl:
      o.audioWorkerUrl !== undefined ? abs(o.audioWorkerUrl) : PREBUILT_WORKERS ? at('audio-worker.js') : null,
    visionWorkerUrl:
      o.visionWorkerUrl !== undefined ? abs(o.visionWorkerUrl) : PREBUILT_WORKERS ? at('vision-worker.js') : null,
    persist: o.persist ?? true,
    faceFps,
    pose,
    manifestUrl: o.manifestUrl === undefined ? defaultManifestUrl(modelUrl) : abs(o.manifestUrl),
    manifestSha256: pin === null ? null : pin.toLowerCase(),
  });
}

export interface InterviewSpec {
  readonly jobTitle: string;
  readonly questions: readonly string[];
}

/**
 * Validates `startInterview` input: a job title of at most 200 characters and 1–50 non-empty
 * questions of at most 1,000 characters each (HOST_TEXT_LIMITS), valid Unicode text.
 */
export function validateInterviewSpec(spec: InterviewSpec): InterviewSpec {
  if (spec === null || typeof spec !== 'object') throw bad('startInterview needs { jobTitle, questions }');
  const jobTitle = checkHostText(spec.jobTitle, 'jobTitle', { max: HOST_TEXT_LIMITS.jobTitle });
  const most = HOST_TEXT_LIMITS.questions;
  if (!Array.isArray(spec.questions) || spec.questions.length === 0 || spec.questions.length > most) {
    const n = Array.isArray(spec.questions) ? ` (got ${spec.questions.length})` : '';
    throw bad(`questions must be a list of 1–${most} strings${n}`);
  }
  const rule = { max: HOST_TEXT_LIMITS.question, multiline: true, nonEmpty: true };
  const questions = spec.questions.map((q: unknown, i) => checkHostText(q, `questions[${i}]`, rule));
  return Object.freeze({ jobTitle, questions: Object.freeze(questions) });
}

/**
 * Length and text checks of `session.consent({ noticeVersion, noticeLocale })`, as
 * `invalid-options`, before the event log matches them against its semver / BCP 47 patterns.
 */
export function validateConsentNotice(c: { readonly noticeVersion: unknown; readonly noticeLocale?: unknown }): void {
  if (c === null || typeof c !== 'object') throw bad('consent needs { noticeVersion, modalities }');
  checkHostText(c.noticeVersion, 'noticeVersion', { max: HOST_TEXT_LIMITS.noticeVersion, nonEmpty: true });
  if (c.noticeLocale !== undefined)
    checkHostText(c.noticeLocale, 'noticeLocale', { max: HOST_TEXT_LIMITS.noticeLocale, nonEmpty: true });
}
