/**
 * @hirenet/sdk — public surface, grouped by purpose. Everything here runs in the browser;
 * file-system helpers live in '@hirenet/sdk/node'.
 */

// Model: HireNet (Hemamou et al., AAAI 2019) and its ablations.
export { HireNetModel, type ModelMetadata } from './model/hirenet-model.ts';
export type { HireNetConfig, HireNetVariant, InterviewInput, InterviewOutput } from './model/types.ts';
export { resolveConfig, DEFAULT_SIZES, type HireNetConfigInput } from './model/config.ts';
export { weightSpecs, type WeightSpec } from './model/weight-spec.ts';
export type { WeightData, WeightMap, InitOptions } from './model/init.ts';
export { padBatch, type PaddedBatch } from './model/batch.ts';
export type { ForwardResult } from './model/forward.ts';

// Model files: tfjs weights format with per-shard sha256.
export {
  loadModel,
  encodeModel,
  decodeModel,
  sha256Hex,
  MODEL_FORMAT,
  type ModelJson,
  type ModelArtifacts,
} from './model/io.ts';

// Backends: tfjs cpu / wasm / webgl / webgpu, loaded lazily, wasm binaries self-hosted.
export { initBackend, availableBackends, BackendUnavailableError, type BackendName } from './backend/backends.ts';
export { selectBackend, type BackendSelection, type BackendTiming, type SelectOptions } from './backend/select.ts';

// Words: tokenizer and the compact 100-d word vectors that feed the question and job-title GRUs.
export { tokenize } from './text/tokenizer.ts';
export { Vocabulary, loadVocabulary, decodeVocabulary, VOCAB_FORMAT, type VocabManifest } from './text/vocabulary.ts';
export {
  embedText,
  embedTokens,
  resolveToken,
  type EmbedOptions,
  type UnknownWordStrategy,
  type TokenResolution,
} from './text/embed.ts';

// Audio channel: eGeMAPS-style prosody in an AudioWorklet + module worker.
export {
  startAudioCapture,
  analyzeAudioFile,
  type AudioCapture,
  type AudioCaptureOptions,
  type AudioFileOptions,
  type AudioWorkerOptions,
} from './audio/capture.ts';
export type { AudioBatch, AudioResult, AudioWorkerApi } from './audio/audio-worker.ts';
export {
  AudioFeatureExtractor,
  extractAudioFeatures,
  type AudioFrame,
  type AudioExtractorOptions,
} from './audio/frames.ts';
export type { AudioSummary } from './audio/summary.ts';
export {
  AUDIO_FEATURE_SCHEMA,
  AUDIO_FRAME_FEATURES,
  AUDIO_POOLED_FEATURES,
  VOICED_ONLY_FEATURES,
  audioSchemaId,
  assertAudioSchema,
  type AudioFeatureSchema,
  type AudioFrameFeature,
} from './audio/schema.ts';
export { poolAudioFrames, createAudioWindowPooler, pushAudioFrame } from './audio/pooling.ts';
export { AudioInputError, type AudioErrorCode } from './audio/errors.ts';
export { parseWavHeader, decodeWavFrames, looksLikeWav, type WavFormat } from './audio/wav.ts';
export { WindowPooler, poolWindows, type PooledWindow, type WindowOptions } from './features/windows.ts';

// Video channel: face features (MediaPipe Face Landmarker in a worker).
export {
  createFaceAnalyzer,
  type FaceAnalyzer,
  type FileAnalysis,
  type FileAnalysisStats,
} from './video/face-analyzer.ts';
export {
  FACE_LANDMARKER_SHA256,
  resolveFaceOptions,
  frameTimes,
  type FaceAnalyzerOptions,
  type ResolvedFaceOptions,
} from './video/options.ts';
export type { LiveOptions, LiveSession, LiveAnalysis, LiveMode } from './video/live-tap.ts';
export { VideoError, isVideoError, type VideoErrorCode } from './video/errors.ts';
export { buildFrameRow, emptyFrameRow, frameRowValues, frameRowsToCsv, type VideoFrameRow } from './video/frame-row.ts';
export { AU_CODES, AU_TABLE, mapActionUnits, type AuCode, type AuFrame, type AuSpec } from './video/au-map.ts';
export { BLENDSHAPE_NAMES, BLENDSHAPE_PAIRS, type BlendshapeName } from './video/blendshapes.ts';
export { headPoseFromMatrix, matrixLayout, type HeadPose } from './video/head-pose.ts';
export { gazeFromBlendshapes, type Gaze } from './video/gaze.ts';
export { lipsApart, lipGapRatio } from './video/lips.ts';
export { poolVideoWindows, pooledFrameValues, type VideoWindow } from './video/windows.ts';
export {
  VIDEO_FEATURE_SCHEMA,
  VIDEO_SCHEMA_VERSION,
  FRAME_COLUMNS,
  WINDOW_COLUMNS,
  POOLED_COLUMNS,
  videoSchemaId,
  assertVideoSchema,
  type VideoFeatureSchema,
} from './video/schema.ts';

// Accountability: session event log, consent notice.
export { EventLog, parseEventLog, warningCodeOf } from './session/event-log.ts';
export { EventLogError } from './session/event-log-validate.ts';
export {
  EVENT_LOG_FORMAT,
  WARNING_CODES,
  type EventInput,
  type LoggedEvent,
  type EventLogJson,
} from './session/event-log-types.ts';
export {
  NOTICE_TEMPLATE_EN,
  renderNotice,
  validateNoticeTemplate,
  NoticeError,
  NOTICE_PLACEHOLDERS,
  type NoticeTemplate,
  type NoticeValues,
  type RenderedNotice,
} from './session/notice.ts';

// Session: the interview API a host page uses (consent gate, capture, scoring, key moments,
// feedback, persistence and deletion, dataset export). docs/session-api.md.
export { HireNet } from './session/hirenet.ts';
export { InterviewSession, type ConsentInput } from './session/interview.ts';
export { HOST_TEXT_LIMITS } from './session/host-text.ts';
export {
  resolveOptions,
  validateInterviewSpec,
  type HireNetOptions,
  type ResolvedOptions,
  type BackendChoice,
  type LoadProgress,
  type InterviewSpec,
} from './session/options.ts';
export { SessionError, type SessionErrorCode } from './session/errors.ts';
export { requestInterviewMedia } from './session/media.ts';
export type {
  InterviewResult,
  KeyMoment,
  Cue,
  CueCode,
  FeedbackItem,
  AnswerFeedback,
  AnswerRecord,
  ModalityRows,
  SessionWarning,
  SessionWarningCode,
  ConsentRecord,
  SessionModality,
} from './session/types.ts';
export type { ExportedDataset, ExportOptions } from './session/export.ts';
export type { StoredSession } from './session/store.ts';

// Errors: every deliberate failure is a HireNetError with a stable `code`.
export {
  AssetError,
  HireNetError,
  HireNetInputError,
  ModelIntegrityError,
  type AssetErrorCode,
} from './util/errors.ts';
