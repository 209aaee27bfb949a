import { HireNetError } from '../util/errors.ts';

/**
 * The audio feature schema: which per-frame descriptors exist, in which order, and which window
 * statistics the model reads. A model file records `name@version`; a model trained on one
 * version must refuse another (the order of columns is the contract).
 */
export const AUDIO_FRAME_STEP_SECONDS = 0.01;
export const AUDIO_ANALYSIS_RATE = 16_000;

/** Per-10 ms descriptors, in CSV/row order (time first). */
export const AUDIO_FRAME_FEATURES = [
  'time',
  'F0_Hz',
  'F0_semitones',
  'voicing',
  'loudness',
  'intensity_dB',
  'jitterLocal',
  'shimmerLocaldB',
  'HNRdB',
  'alphaRatio',
  'hammarbergIndex',
  'slope0_500',
  'slope500_1500',
  'spectralFlux',
  'mfcc1',
  'mfcc2',
  'mfcc3',
  'mfcc4',
  'F1_Hz',
  'F2_Hz',
  'F3_Hz',
  'F1_bandwidth_Hz',
  'speech',
  'filledPause',
] as const;

export type AudioFrameFeature = (typeof AUDIO_FRAME_FEATURES)[number];

/**
 * Descriptors only defined on voiced frames (0 elsewhere, openSMILE's "nz" convention): their
 * window statistics use voiced frames only.
 */
export const VOICED_ONLY_FEATURES: readonly AudioFrameFeature[] = [
  'F0_Hz',
  'F0_semitones',
  'jitterLocal',
  'shimmerLocaldB',
  'HNRdB',
  'F1_Hz',
  'F2_Hz',
  'F3_Hz',
  'F1_bandwidth_Hz',
];

/** Descriptors pooled into windows (everything but time; F0 in semitones only, as eGeMAPS). */
export const AUDIO_POOLED_FEATURES: readonly AudioFrameFeature[] = AUDIO_FRAME_FEATURES.filter(
  (f) => f !== 'time' && f !== 'F0_Hz',
);

export interface AudioFeatureSchema {
  readonly name: string;
  readonly version: number;
  readonly frameStepSeconds: number;
  readonly windowSeconds: number;
  readonly hopSeconds: number;
  /** Names of the window vector, in order: `<descriptor>_mean`, `<descriptor>_std`, …, `voicedFraction`. */
  readonly windowFeatures: readonly string[];
}

export const AUDIO_FEATURE_SCHEMA: AudioFeatureSchema = Object.freeze({
  name: 'hirenet-audio-lld',
  version: 1,
  frameStepSeconds: AUDIO_FRAME_STEP_SECONDS,
  windowSeconds: 0.5,
  hopSeconds: 0.25,
  windowFeatures: Object.freeze([...AUDIO_POOLED_FEATURES.flatMap((f) => [`${f}_mean`, `${f}_std`]), 'voicedFraction']),
});

/** `name@version`, the string a model file stores. */
export function audioSchemaId(schema: AudioFeatureSchema = AUDIO_FEATURE_SCHEMA): string {
  return `${schema.name}@${schema.version}`;
}

/**
 * Throws unless `recorded` (from a model file) names this schema and version: a model trained
 * on other columns would read garbage without any error otherwise.
 */
export function assertAudioSchema(recorded: string, schema: AudioFeatureSchema = AUDIO_FEATURE_SCHEMA): void {
  const expected = audioSchemaId(schema);
  if (recorded !== expected) {
    throw new HireNetError(
      'schema-mismatch',
      `model expects audio features "${recorded}", this SDK computes "${expected}"`,
    );
  }
}
