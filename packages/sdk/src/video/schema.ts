import { HireNetError } from '../util/errors.ts';
import { AU_CODES } from './au-map.ts';
import { BLENDSHAPE_NAMES } from './blendshapes.ts';

/**
 * Named, versioned video feature schema. Bump `version` whenever a column is added, removed,
 * reordered or changes meaning: trained weights record the version they were trained on, and a
 * mismatch must fail loudly rather than feed shifted columns to the model.
 */
export const VIDEO_SCHEMA_VERSION = '1.0.0';

export const POSE_COLUMNS = ['yaw', 'pitch', 'roll', 'tx', 'ty', 'tz'] as const;
export const GAZE_COLUMNS = ['gazeX', 'gazeY'] as const;

/**
 * One row per analysed frame (CSV header of `hirenet features video`). Rows without a face keep
 * `face = 0` and leave every other measurement empty (NaN in memory), never 0.
 */
export const FRAME_COLUMNS: readonly string[] = [
  'time',
  'face',
  ...BLENDSHAPE_NAMES,
  ...AU_CODES,
  ...POSE_COLUMNS,
  ...GAZE_COLUMNS,
];

/** Per-frame values pooled into windows, in order (see pooledFrameValues in windows.ts). */
export const POOLED_COLUMNS: readonly string[] = [
  ...AU_CODES.map((c) => `${c}_int`),
  ...AU_CODES.map((c) => `${c}_pres`),
  ...POSE_COLUMNS,
  ...GAZE_COLUMNS,
];

/**
 * One vector per 0.5 s window (0.25 s hop), the video half of a HireNet answer step: mean and
 * population standard deviation of each pooled column over the window's frames *with a face*,
 * interleaved like the shared pooler (features/windows.ts): `[c0_mean, c0_std, c1_mean, …]`.
 * The mean of an `_pres` column is the fraction of face frames where the AU is present; the std
 * of an angle is head movement within the window. A window without any face frame is masked
 * (values null), never zero-filled; its face ratio is reported beside the values.
 */
export const WINDOW_COLUMNS: readonly string[] = POOLED_COLUMNS.flatMap((c) => [`${c}_mean`, `${c}_std`]);

export interface VideoFeatureSchema {
  readonly name: 'hirenet.video';
  readonly version: string;
  readonly frameColumns: readonly string[];
  readonly windowColumns: readonly string[];
  /** Window length and hop, seconds. */
  readonly window: { readonly length: number; readonly hop: number };
}

export const VIDEO_FEATURE_SCHEMA: VideoFeatureSchema = Object.freeze({
  name: 'hirenet.video',
  version: VIDEO_SCHEMA_VERSION,
  frameColumns: FRAME_COLUMNS,
  windowColumns: WINDOW_COLUMNS,
  window: Object.freeze({ length: 0.5, hop: 0.25 }),
});

/** The id trained weights record, e.g. `hirenet.video@1.0.0`. */
export function videoSchemaId(schema: VideoFeatureSchema = VIDEO_FEATURE_SCHEMA): string {
  return `${schema.name}@${schema.version}`;
}

/** Fails loudly when a model was trained on other video columns than this SDK computes. */
export function assertVideoSchema(recorded: string, schema: VideoFeatureSchema = VIDEO_FEATURE_SCHEMA): void {
  const expected = videoSchemaId(schema);
  if (recorded !== expected) {
    throw new HireNetError(
      'schema-mismatch',
      `model expects video features "${recorded}", this SDK computes "${expected}"`,
    );
  }
}
