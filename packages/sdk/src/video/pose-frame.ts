/**
 * One analysed frame of the pose landmarker, reduced to the few body points the posture cues
 * read. It stays on the candidate's device (worker → page); only the cues of pose-cues.ts leave.
 *
 * Coordinates are isotropic: x and y are both in units of the frame's height (x = normalised x ×
 * width / height), so a distance or an angle means the same along both axes whatever the aspect.
 * `v` is MediaPipe's visibility (0–1): the model's belief that the point is in frame and not hidden.
 */
import { HireNetError } from '../util/errors.ts';

export interface BodyPoint {
  readonly x: number;
  readonly y: number;
  readonly v: number;
}

export interface PoseFrame {
  /** Seconds on the same clock as the face rows. */
  readonly time: number;
  /** 1 when a person was found. Without one every point is null. */
  readonly found: 0 | 1;
  readonly nose: BodyPoint | null;
  readonly leftShoulder: BodyPoint | null;
  readonly rightShoulder: BodyPoint | null;
  readonly leftWrist: BodyPoint | null;
  readonly rightWrist: BodyPoint | null;
  readonly leftIndex: BodyPoint | null;
  readonly rightIndex: BodyPoint | null;
}

/** BlazePose landmark indices (MediaPipe's 33-point topology). */
export const POSE_POINTS = {
  nose: 0,
  leftShoulder: 11,
  rightShoulder: 12,
  leftWrist: 15,
  rightWrist: 16,
  leftIndex: 19,
  rightIndex: 20,
} as const;

export interface LandmarkLike {
  readonly x: number;
  readonly y: number;
  readonly visibility?: number;
}

/** A frame with nobody found. */
export function emptyPoseFrame(time: number): PoseFrame {
  return {
    time,
    found: 0,
    nose: null,
    leftShoulder: null,
    rightShoulder: null,
    leftWrist: null,
    rightWrist: null,
    leftIndex: null,
    rightIndex: null,
  };
}

/**
 * The first pose's points (PoseLandmarkerResult.landmarks[0], normalised to the frame) → a frame.
 * Throws RangeError on a malformed landmark list rather than reading shifted points.
 */
export function buildPoseFrame(
  time: number,
  landmarks: readonly LandmarkLike[] | undefined,
  width: number,
  height: number,
): PoseFrame {
  if (landmarks === undefined || landmarks.length === 0) return emptyPoseFrame(time);
  if (landmarks.length < 33)
    throw new HireNetError('invalid-input', `pose has ${landmarks.length} landmarks, expected 33`);
  if (!(width > 0 && height > 0)) throw new HireNetError('invalid-input', `frame size ${width}×${height}`);
  const aspect = width / height;
  const at = (i: number): BodyPoint | null => {
    const p = landmarks[i];
    if (p === undefined || !Number.isFinite(p.x) || !Number.isFinite(p.y)) return null;
    return { x: p.x * aspect, y: p.y, v: Number.isFinite(p.visibility) ? (p.visibility as number) : 0 };
  };
  return {
    time,
    found: 1,
    nose: at(POSE_POINTS.nose),
    leftShoulder: at(POSE_POINTS.leftShoulder),
    rightShoulder: at(POSE_POINTS.rightShoulder),
    leftWrist: at(POSE_POINTS.leftWrist),
    rightWrist: at(POSE_POINTS.rightWrist),
    leftIndex: at(POSE_POINTS.leftIndex),
    rightIndex: at(POSE_POINTS.rightIndex),
  };
}
