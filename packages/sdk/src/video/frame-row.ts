import { mapActionUnits, type AuFrame } from './au-map.ts';
import { BLENDSHAPE_NAMES, blendshapeVector } from './blendshapes.ts';
import { gazeFromBlendshapes, type Gaze } from './gaze.ts';
import { headPoseFromMatrix, type HeadPose } from './head-pose.ts';
import { lipsApart, type Point } from './lips.ts';
import { FRAME_COLUMNS } from './schema.ts';

/** Everything measured on one analysed frame. Plain data, so it crosses postMessage as is. */
export interface VideoFrameRow {
  /** Seconds from the start of the file or stream. */
  readonly time: number;
  readonly face: 0 | 1;
  /** 52 scores in BLENDSHAPE_NAMES order; NaN when no face. */
  readonly blendshapes: Float32Array;
  readonly au: AuFrame;
  readonly pose: HeadPose;
  readonly gaze: Gaze;
  /** Mean luma of the frame (Rec. 601, 0–255; video/luma.ts), when the worker measured it. */
  readonly luma?: number;
}

/** The subset of a FaceLandmarkerResult this module reads (first face only). */
export interface FaceResultLike {
  readonly faceLandmarks: readonly (readonly Point[])[];
  readonly faceBlendshapes: readonly { readonly categories: readonly { categoryName: string; score: number }[] }[];
  readonly facialTransformationMatrixes?: readonly { readonly data: ArrayLike<number> }[];
}

function nanArray(n: number): Float32Array {
  return new Float32Array(n).fill(Number.NaN);
}

/** A frame where no face was found: measurements are NaN (masked), never zeros. */
export function emptyFrameRow(time: number): VideoFrameRow {
  const n = mapActionUnits([], 0).intensity.length;
  return {
    time,
    face: 0,
    blendshapes: nanArray(BLENDSHAPE_NAMES.length),
    au: { intensity: nanArray(n), presence: new Uint8Array(n), left: nanArray(n), right: nanArray(n) },
    pose: { yaw: NaN, pitch: NaN, roll: NaN, tx: NaN, ty: NaN, tz: NaN },
    gaze: { gazeX: NaN, gazeY: NaN },
  };
}

/**
 * Builds the row for one frame from a Face Landmarker result. Only the first face counts: an
 * interview has one candidate, and a second face (someone passing behind) must not swap in.
 */
export function buildFrameRow(time: number, result: FaceResultLike, width: number, height: number): VideoFrameRow {
  const landmarks = result.faceLandmarks[0];
  const cats = result.faceBlendshapes[0]?.categories;
  if (!landmarks || landmarks.length === 0 || !cats) return emptyFrameRow(time);
  const blendshapes = blendshapeVector(cats);
  const matrix = result.facialTransformationMatrixes?.[0]?.data;
  const pose =
    matrix && matrix.length === 16
      ? headPoseFromMatrix(matrix)
      : { yaw: NaN, pitch: NaN, roll: NaN, tx: NaN, ty: NaN, tz: NaN };
  return {
    time,
    face: 1,
    blendshapes,
    au: mapActionUnits(blendshapes, lipsApart(landmarks, width, height)),
    pose,
    gaze: gazeFromBlendshapes(blendshapes),
  };
}

/** The row's values in FRAME_COLUMNS order (NaN where not measured). */
export function frameRowValues(row: VideoFrameRow): number[] {
  const p = row.pose;
  return [
    row.time,
    row.face,
    ...row.blendshapes,
    ...row.au.intensity,
    p.yaw,
    p.pitch,
    p.roll,
    p.tx,
    p.ty,
    p.tz,
    row.gaze.gazeX,
    row.gaze.gazeY,
  ];
}

function cell(v: number): string {
  if (!Number.isFinite(v)) return '';
  // 6 significant digits: blendshape scores carry no more, and CSVs stay small.
  return Number.isInteger(v) ? String(v) : String(Number(v.toPrecision(6)));
}

/** CSV (header + one line per row). Unmeasured values are empty cells, not zeros. */
export function frameRowsToCsv(rows: readonly VideoFrameRow[]): string {
  const lines = [FRAME_COLUMNS.join(',')];
  for (const r of rows) lines.push(frameRowValues(r).map(cell).join(','));
  return `${lines.join('\n')}\n`;
}
