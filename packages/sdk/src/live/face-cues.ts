/**
 * Face cues of one span from the face analyser's rows: how often a face was found, how often head
 * and eyes pointed at the camera, and how much the head moved. Only these three numbers leave.
 */
import type { VideoFrameRow } from '../video/frame-row.ts';
import type { FaceCues } from './cue-schema.ts';
import { round } from './round.ts';

export type FaceRowLike = Pick<VideoFrameRow, 'face' | 'pose' | 'gaze'>;

/**
 * "Towards the camera": head within ±15° of frontal and eyes within 0.3 of centre on both axes
 * (gaze is relative to the head, docs/face-features.md). A coarse, documented threshold: it
 * separates looking at the screen from looking away, not a precise gaze target.
 */
export const ON_CAMERA = { maxHeadDeg: 15, maxEye: 0.3 } as const;

function onCamera(r: FaceRowLike): boolean {
  return (
    Math.abs(r.pose.yaw) <= ON_CAMERA.maxHeadDeg &&
    Math.abs(r.pose.pitch) <= ON_CAMERA.maxHeadDeg &&
    Math.abs(r.gaze.gazeX) <= ON_CAMERA.maxEye &&
    Math.abs(r.gaze.gazeY) <= ON_CAMERA.maxEye
  );
}

function variance(v: readonly number[]): number {
  const m = v.reduce((a, b) => a + b, 0) / v.length;
  return v.reduce((a, b) => a + (b - m) ** 2, 0) / v.length;
}

/** Null when no frame was analysed in the span (the analyser is still loading, or fell behind). */
export function faceCues(rows: readonly FaceRowLike[]): FaceCues | null {
  if (rows.length === 0) return null;
  const faces = rows.filter((r) => r.face === 1);
  // Rows with a face but no pose (no transformation matrix) count as visible, not as on-camera.
  const posed = faces.filter((r) => Number.isFinite(r.pose.yaw) && Number.isFinite(r.pose.pitch));
  const spread = (): number =>
    Math.sqrt(variance(posed.map((r) => r.pose.yaw)) + variance(posed.map((r) => r.pose.pitch)));
  return {
    visible: round(faces.length / rows.length, 3),
    gazeOnCamera: faces.length === 0 ? null : round(posed.filter(onCamera).length / faces.length, 3),
    headMovement: posed.length < 2 ? null : round(Math.min(180, spread()), 2),
  };
}
