/**
 * The session API's factory: `await HireNet.create(options)` loads the model(s), the word
 * vectors and the face analyser from the host's origin, picks a tfjs backend by measurement,
 * and starts interviews. `close()` frees workers and tensors; `deleteAll()` erases every trace.
 */
import type { BackendName } from '../backend/backends.ts';
import { loadVocabulary } from '../text/vocabulary.ts';
import { AUDIO_FEATURE_SCHEMA } from '../audio/schema.ts';
import { featureMetadata } from '../model/model-features.ts';
import { createFaceAnalyzer, type FaceAnalyzer } from '../video/face-analyzer.ts';
import { compileVisionWasm } from '../video/vision-wasm.ts';
import { AudioWorkerPool } from '../audio/worker-pool.ts';
import { WINDOW_COLUMNS } from '../video/schema.ts';
import { loadModels } from './assets.ts';
import { loadManifest } from './manifest.ts';
import { verifyTfjsWasm, verifyVisionWasm } from './manifest-session.ts';
import { initialBackend, rememberChoice } from './backend-select.ts';
import { BackendModels } from './backend-models.ts';
import { selectBackend, type BackendTiming } from '../backend/select.ts';
import type { SessionContext } from './context.ts';
import { SessionError } from './errors.ts';
import { InterviewSession } from './interview.ts';
import { warmUp } from './warm-up.ts';
import {
  resolveOptions,
  validateInterviewSpec,
  type HireNetOptions,
  type InterviewSpec,
  type ResolvedOptions,
} from './options.ts';
import { assertSameNames } from './rows.ts';
import { assertVideoColumns } from './video-columns.ts';
import { crashFaceWorker, registerFaceCrasher } from '../util/test-seams.ts';
import { CURRENT_KEY, listSessions, loadSession, wipeAll, type StoredSession } from './store.ts';
import type { DescriptorSessionModality, SessionModality, SessionWarning } from './types.ts';
import { checkScriptAsset } from '../util/script-asset.ts';
import { FaceShare, watchTrack, type FaceWatch, type FaceWatchOptions } from './face-watch.ts';

const PRODUCED: Record<DescriptorSessionModality, readonly string[]> = {
  audio: AUDIO_FEATURE_SCHEMA.windowFeatures,
  video: WINDOW_COLUMNS,
};

export class HireNet {
  private readonly sessions = new Set<InterviewSession>();
  private closed = false;

  private constructor(
    readonly options: ResolvedOptions,
    private readonly ctx: SessionContext,
    /** Warm-up timings behind the backend choice (ms, median). */
    readonly backendTimings: readonly BackendTiming[],
    private readonly faceShare: FaceShare | null,
  ) {}

  /** Channels in use: the requested ones the model and the face model allow. */
  get modalities(): readonly SessionModality[] {
    return this.ctx.modalities;
  }

  get backend(): BackendName {
    return this.ctx.backend;
  }

  get modelVersion(): string {
    return this.ctx.modelVersion;
  }

  /** Warnings from loading (e.g. `face-model-missing`: the face channel is off). */
  get warnings(): readonly SessionWarning[] {
    return this.ctx.loadWarnings;
  }

  static async create(options: HireNetOptions): Promise<HireNet> {
    const o = resolveOptions(options, globalThis.location?.href);
    const progress = (stage: Parameters<ResolvedOptions['onProgress']>[0]['stage'], fraction: number): void =>
      o.onProgress({ stage, fraction });
    const warnings: SessionWarning[] = [];
    progress('backend', 0);
    // One audio worker per HireNet, started here (a worker that cannot load fails now, naming its
    // URL, not at the first answer) and reused by every answer and file.
    const audioWorkers = new AudioWorkerPool(o.audioWorkerUrl === null ? {} : { workerUrl: o.audioWorkerUrl });
    if (o.modalities.includes('audio'))
      await audioWorkers.warm().catch((e: unknown) => {
        throw new SessionError('audio-worker-failed', (e as Error).message, { cause: e });
      });
    // The worklet too (AssetError naming it), rather than an opaque addModule failure at the first answer.
    if (o.modalities.includes('audio'))
      await checkScriptAsset(o.audioWorkletUrl, 'the capture worklet (capture-worklet.js)');
    // Every byte loaded below is checked against the manifest (pinned by the host when it says so).
    const manifest = await loadManifest(o.manifestUrl, o.manifestSha256);
    // Any choice may end on wasm (a requested backend that fails falls back to measuring the others).
    const wasmBinary = await verifyTfjsWasm(manifest, o.wasmPaths);
    const start = await initialBackend(o.backend, { wasmPaths: o.wasmPaths, wasmBinary }, o.backendCandidates);
    if (start.fallbackFrom !== undefined)
      warnings.push({
        code: 'backend-fallback',
        message: `backend '${start.fallbackFrom}' is unavailable here; measuring the others instead`,
      });
    progress('model', 0.15);
    const loaded = await loadModels(o.modelUrl, o.modalities, manifest);
    const copies = new BackendModels(loaded.models);
    let faces: FaceAnalyzer | null = null;
    try {
      const names: Partial<Record<SessionModality, readonly string[]>> = {};
      for (const [m, model] of loaded.models) {
        // Text rows are word vectors made from the transcript (text-channel.ts): no window columns.
        if (m === 'text') continue;
        names[m] = featureMetadata(model).standardizer.names;
        // Video by name: the face columns, plus posture columns only for a model trained with them.
        if (m === 'video') assertVideoColumns(names[m]!, o.pose !== null);
        else assertSameNames(m, PRODUCED[m], names[m]!);
      }
      progress('vocabulary', 0.35);
      const vocab = await loadVocabulary(o.vocabUrl, manifest.fetcherFor('vocab', o.vocabUrl), {
        vectors: 'on-demand',
      });
      if (loaded.models.has('video') && o.faceModelUrl !== null) {
        progress('face-model', 0.55);
        const visionWasm = await verifyVisionWasm(manifest, o.visionWasm);
        faces = await startFaces(o, warnings, visionWasm);
      } else if (o.modalities.includes('video')) {
        warnings.push({
          code: 'face-model-missing',
          message:
            o.faceModelUrl === null
              ? 'no face model configured: audio only'
              : 'the model has no video member: audio only',
        });
      }
      // Text stays without a text model: transcripts then give lexical feedback, without a text score.
      const modalities = o.modalities.filter(
        (m) => m === 'text' || (loaded.models.has(m) && (m !== 'video' || faces !== null)),
      );
      if (modalities.length === 0)
        throw new SessionError(
          'invalid-options',
          `none of the requested channels (${o.modalities.join(', ')}) can run: check the model and the face model`,
        );
      progress('warm-up', 0.75);
      const run = (): Promise<void> => warmUp(copies.active(), vocab);
      // 'auto' times the loaded model on every backend found; an explicit choice is only warmed.
      const picked =
        start.candidates.length > 1
          ? await selectBackend({ candidates: start.candidates, wasmPaths: o.wasmPaths, wasmBinary, warmup: run })
          : await run().then(() => ({ selected: start.active, timings: [] as BackendTiming[] }));
      if (o.backend === 'auto' && o.backendCandidates === null && start.candidates.length > 1)
        rememberChoice(picked.selected);
      const models = copies.keep(picked.selected);
      // Answers and files reach the analyser through the share, which pauses `watchFace` previews for them.
      const share = faces === null ? null : new FaceShare(faces);
      const ctx: SessionContext = {
        models,
        names,
        vocab,
        faces: share?.analyzer ?? null,
        modalities,
        modelVersion: loaded.version,
        modelSha256: loaded.sha256,
        backend: picked.selected,
        audioWorkletUrl: o.audioWorkletUrl,
        audioWorkers,
        persist: o.persist,
        loadWarnings: warnings,
        forget: () => undefined,
      };
      const hn = new HireNet(o, ctx, picked.timings, share);
      registerFaceCrasher(hn, (slot) => {
        if (faces !== null) crashFaceWorker(faces, slot);
      });
      (ctx as { forget: (s: object) => void }).forget = (s) => hn.sessions.delete(s as InterviewSession);
      progress('ready', 1);
      return hn;
    } catch (e) {
      faces?.close();
      audioWorkers.close();
      copies.disposeAll();
      throw e;
    }
  }

  /** A new interview; nothing is captured until its `consent(…)` and `attach(…)`. */
  startInterview(spec: InterviewSpec): InterviewSession {
    this.assertOpen();
    const s = new InterviewSession(this.ctx, validateInterviewSpec(spec));
    this.sessions.add(s);
    // Fetch the question words' vector blocks while the candidate answers; scoring awaits them again
    // (score-session.ts), where a failed fetch is retried and reported.
    this.ctx.vocab.prepare([spec.jobTitle, ...spec.questions]).catch(() => undefined);
    return s;
  }

  /** Reopens a stored interview (default: the last one this page worked on), or undefined. */
  async resumeInterview(id?: string): Promise<InterviewSession | undefined> {
    this.assertOpen();
    const key = id ?? globalThis.localStorage?.getItem(CURRENT_KEY) ?? undefined;
    if (key === undefined) return undefined;
    const stored = await loadSession(key);
    if (stored === undefined) return undefined;
    const s = new InterviewSession(
      this.ctx,
      validateInterviewSpec({ jobTitle: stored.jobTitle, questions: [...stored.questions] }),
      stored,
    );
    this.sessions.add(s);
    return s;
  }

  /**
   * "Is a face in view?" on a camera track before and between answers, on this instance's own face
   * analyser (no second worker, model or wasm); pauses while an answer records or a file is analysed.
   * docs/session-api.md#face-watch. `invalid-state` when closed or audio-only, `no-media` for a track
   * that is not a live video track, `invalid-options` for an fps outside 0.5–15.
   */
  watchFace(source: MediaStream | MediaStreamTrack, opts: FaceWatchOptions = {}): FaceWatch {
    this.assertOpen();
    if (this.faceShare === null)
      throw new SessionError('invalid-state', 'watchFace: this HireNet runs without the face channel (audio only)');
    const { track, fps } = watchTrack(source, opts);
    return this.faceShare.watch(track, fps);
  }

  /** Interviews stored on this device. */
  async storedInterviews(): Promise<StoredSession[]> {
    return listSessions();
  }

  /** Closes every interview and erases all SDK state on this device (IndexedDB, Cache Storage, localStorage). */
  async deleteAll(): Promise<void> {
    await Promise.all([...this.sessions].map((s) => s.close()));
    await wipeAll();
  }

  /** Frees workers and tensors. Stored interviews stay (use deleteAll to erase them). */
  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    await Promise.all([...this.sessions].map((s) => s.close()));
    await this.faceShare?.close();
    this.ctx.faces?.close();
    this.ctx.audioWorkers.close();
    for (const m of this.ctx.models.values()) m.dispose();
  }

  private assertOpen(): void {
    if (this.closed) throw new SessionError('invalid-state', 'this HireNet is closed');
  }
}

async function startFaces(
  o: ResolvedOptions,
  warnings: SessionWarning[],
  wasmBytes: Uint8Array,
): Promise<FaceAnalyzer | null> {
  // Compiled here (asynchronously, off the main thread) from the verified bytes and handed to the
  // worker: one fetch and one compilation of the 13 MB binary per page.
  const wasmModule = compileVisionWasm(wasmBytes);
  const faces = createFaceAnalyzer(
    {
      ...o.visionWasm,
      modelUrl: o.faceModelUrl!,
      fps: o.faceFps,
      fileWorkers: 1,
      ...(o.pose === null ? {} : { pose: o.pose }),
    },
    { ...(o.visionWorkerUrl === null ? {} : { workerUrl: o.visionWorkerUrl }), wasmModule },
  );
  try {
    await faces.ready;
    const poseError = o.pose === null ? null : await faces.poseReady;
    // Posture goes first: the face channel runs on without it, and the host hears why.
    if (poseError !== null)
      warnings.push({
        code: 'pose-model-missing',
        message: `the pose model could not be loaded (${poseError}): the video channel has no posture columns`,
      });
    return faces;
  } catch (e) {
    faces.close();
    // A worker that could not load or start is not a missing model: the host fixes another file.
    const workerFailed = (e as { code?: unknown }).code === 'video-worker';
    warnings.push(
      workerFailed
        ? { code: 'vision-worker-failed', message: `${(e as Error).message}: audio only` }
        : {
            code: 'face-model-missing',
            message: `the face model could not be loaded (${(e as Error).message}): audio only`,
          },
    );
    return null;
  }
}
