/**
 * One answer's posture in plain numbers for the descriptive feedback ("a hand near the face for
 * 2.1 s", "shoulders tilted in 40 % of the answer"). Same measures as the window columns
 * (posture-windows.ts); what the recording shows, never what it would mean about the person.
 */
import { postureFrameMeasures, startingWidth } from './posture-windows.ts';
import type { PoseFrame } from './pose-frame.ts';

/**
 * A shoulder line this many degrees or more from level counts as tilted. A judgement, not a
 * calibrated limit: sitting square to the camera measures under 1° here (vrt_face_1: 0.2°), and
 * 8° is a shoulder visibly higher than the other at webcam distance.
 */
export const TILTED_DEG = 8;
/** Shoulders this much wider (narrower) than at the start of the answer count as leaning toward (away). */
export const LEAN_SHARE = 0.1;

export interface PostureAnswerStats {
  /** Length of the answer, seconds. */
  readonly seconds: number;
  readonly poseFrames: number;
  /** Pose frames with both shoulders visible and in frame. */
  readonly inFrameFrames: number;
  /** Share of pose frames without the upper body in frame. */
  readonly outOfFrameFraction: number;
  /** Share of pose frames with a hand near the face × the answer's length: seconds, estimated. */
  readonly handNearFaceSeconds: number;
  /** Share of in-frame frames whose shoulder line is at least TILTED_DEG from level. */
  readonly shoulderTiltedFraction: number;
  /** Shares of in-frame frames leaning toward / away (LEAN_SHARE); null without a starting width. */
  readonly leanTowardFraction: number | null;
  readonly leanAwayFraction: number | null;
  /** Mean visible wrist speed, shoulder widths per second; null when no wrist was seen twice in a row. */
  readonly handMovement: number | null;
}

/** Null without any pose frame (no pose model, or none analysed in this answer). */
export function postureAnswerStats(frames: readonly PoseFrame[], seconds: number): PostureAnswerStats | null {
  if (frames.length === 0) return null;
  const m = postureFrameMeasures(frames);
  const inFrame = m.filter((x) => x.inFrame);
  const share = (n: number, of: number): number => (of === 0 ? 0 : n / of);
  const base = startingWidth(m);
  const lean = (dir: 1 | -1): number | null =>
    base === null
      ? null
      : share(inFrame.filter((x) => dir * (x.width! / base - 1) >= LEAN_SHARE).length, inFrame.length);
  const speeds = m.map((x) => x.speed).filter((v): v is number => v !== null);
  return {
    seconds,
    poseFrames: m.length,
    inFrameFrames: inFrame.length,
    outOfFrameFraction: 1 - inFrame.length / m.length,
    handNearFaceSeconds: share(m.filter((x) => x.near === true).length, m.length) * seconds,
    shoulderTiltedFraction: share(inFrame.filter((x) => x.tilt! >= TILTED_DEG).length, inFrame.length),
    leanTowardFraction: lean(1),
    leanAwayFraction: lean(-1),
    handMovement: speeds.length === 0 ? null : speeds.reduce((s, x) => s + x, 0) / speeds.length,
  };
}
