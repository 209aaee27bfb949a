/**
 * @hirenet/sdk/features — the descriptors the session computes, for hosts and research code that
 * analyse audio or video themselves: audio capture and files (eGeMAPS-style prosody in an
 * AudioWorklet + worker), the face analyser (MediaPipe Face Landmarker in a worker) and the pure
 * calculators, column schemas and window pooling behind them. docs/audio-features.md, docs/face-features.md.
 */

// Audio: capture, files, frame descriptors, pooling, schema.
export {
  startAudioCapture,
  analyzeAudioFile,
  type AudioCapture,
  type AudioCaptureOptions,
  type AudioFileOptions,
  type AudioWorkerOptions,
} from '../audio/capture.ts';
export type { AudioBatch, AudioResult, AudioWorkerApi } from '../audio/audio-worker.ts';
export {
  AudioFeatureExtractor,
  extractAudioFeatures,
  type AudioFrame,
  type AudioExtractorOptions,
} from '../audio/frames.ts';
export type { AudioSummary } from '../audio/summary.ts';
export {
  AUDIO_FEATURE_SCHEMA,
  AUDIO_FRAME_FEATURES,
  AUDIO_POOLED_FEATURES,
  VOICED_ONLY_FEATURES,
  audioSchemaId,
  assertAudioSchema,
  type AudioFeatureSchema,
  type AudioFrameFeature,
} from '../audio/schema.ts';
export { poolAudioFrames, createAudioWindowPooler, pushAudioFrame } from '../audio/pooling.ts';
export { parseWavHeader, decodeWavFrames, looksLikeWav, type WavFormat } from '../audio/wav.ts';
export { AudioInputError, type AudioErrorCode } from '../audio/errors.ts';

// Windows: the one time-based pooler both channels use.
export { WindowPooler, poolWindows, type PooledWindow, type WindowOptions } from '../features/windows.ts';

// Video: the face analyser and its per-frame calculators.
export {
  createFaceAnalyzer,
  type FaceAnalyzer,
  type FileAnalysis,
  type FileAnalysisStats,
} from '../video/face-analyzer.ts';
export {
  FACE_LANDMARKER_SHA256,
  resolveFaceOptions,
  frameTimes,
  type FaceAnalyzerOptions,
  type ResolvedFaceOptions,
} from '../video/options.ts';
export type { LiveOptions, LiveSession, LiveAnalysis, LiveMode } from '../video/live-tap.ts';
export {
  buildFrameRow,
  emptyFrameRow,
  frameRowValues,
  frameRowsToCsv,
  type VideoFrameRow,
} from '../video/frame-row.ts';
export { AU_CODES, AU_TABLE, mapActionUnits, type AuCode, type AuFrame, type AuSpec } from '../video/au-map.ts';
export { BLENDSHAPE_NAMES, BLENDSHAPE_PAIRS, type BlendshapeName } from '../video/blendshapes.ts';
export { headPoseFromMatrix, matrixLayout, type HeadPose } from '../video/head-pose.ts';
export { gazeFromBlendshapes, type Gaze } from '../video/gaze.ts';
export { lipsApart, lipGapRatio } from '../video/lips.ts';
export { poolVideoWindows, pooledFrameValues, type VideoWindow } from '../video/windows.ts';
export {
  VIDEO_FEATURE_SCHEMA,
  VIDEO_SCHEMA_VERSION,
  FRAME_COLUMNS,
  WINDOW_COLUMNS,
  POOLED_COLUMNS,
  videoSchemaId,
  assertVideoSchema,
  type VideoFeatureSchema,
} from '../video/schema.ts';
export { VideoError, isVideoError, type VideoErrorCode } from '../video/errors.ts';
