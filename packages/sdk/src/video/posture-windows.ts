/**
 * Posture columns of the asynchronous session's video windows: the live room's posture cues
 * (pose-cues.ts) with the same descriptive definitions, reduced over each 0.5 s window (0.25 s
 * hop) of one answer instead of each 2 s cue span. Observable geometry only; no label here says
 * what a posture means.
 *
 * Per window: the pose frames whose time falls in [start, start + length). A window without any
 * pose frame (no pose model, pose not yet started, dropped for load) is masked: no values at all.
 * A window with pose frames but nobody in frame has `outOfFrame` 1 and the other columns null,
 * never 0 (a measurement that was not made is not a level posture or a still hand).
 */
import { HireNetError } from '../util/errors.ts';
import {
  BASELINE_FRAMES,
  dist,
  HAND_NEAR_FACE,
  MAX_MOVE_GAP_S,
  median,
  seen,
  shoulderTiltDeg,
  upper,
} from './pose-cues.ts';
import type { PoseFrame } from './pose-frame.ts';
import { VIDEO_FEATURE_SCHEMA } from './schema.ts';

/** Window columns, in order; the units and definitions are those of the live cues (docs/face-features.md). */
export const POSTURE_COLUMNS = [
  'posture_outOfFrame',
  'posture_shoulderTilt',
  'posture_lean',
  'posture_headOffset',
  'posture_handNearFace',
  'posture_handMovement',
] as const;
export type PostureColumn = (typeof POSTURE_COLUMNS)[number];

/** One pose frame's measures (null where the frame does not allow one). */
export interface PostureFrameMeasure {
  readonly time: number;
  /** Both shoulders visible and in frame. */
  readonly inFrame: boolean;
  readonly tilt: number | null;
  /** Shoulder width, frame heights. */
  readonly width: number | null;
  /** Sideways nose offset from the shoulders' midpoint, shoulder widths (needs the nose). */
  readonly offset: number | null;
  /** A hand within HAND_NEAR_FACE shoulder widths of the nose; null when in frame without a visible nose. */
  readonly near: boolean | null;
  /** Mean wrist speed since the previous pose frame, shoulder widths per second. */
  readonly speed: number | null;
}

export interface PostureWindow {
  readonly index: number;
  readonly startSeconds: number;
  readonly endSeconds: number;
  /** Pose frames in the window. */
  readonly frames: number;
  /** No pose frame in the window: `values` is null. */
  readonly masked: boolean;
  /** In POSTURE_COLUMNS order; null = not measurable in this window. */
  readonly values: readonly (number | null)[] | null;
}

/** Per-frame measures in time order; the hand speed reads the previous frame (as PostureTracker). */
export function postureFrameMeasures(frames: readonly PoseFrame[]): PostureFrameMeasure[] {
  const sorted = [...frames].sort((a, b) => a.time - b.time);
  return sorted.map((f, i) => {
    const u = upper(f);
    const nose = f.nose !== null && seen(f.nose) ? f.nose : null;
    let near: boolean | null = null;
    if (u !== null && nose !== null) {
      const hands = [f.leftWrist, f.rightWrist, f.leftIndex, f.rightIndex].filter(seen);
      near = hands.some((p) => dist(p, nose) <= HAND_NEAR_FACE * u.width);
    }
    return {
      time: f.time,
      inFrame: u !== null,
      tilt: u === null ? null : shoulderTiltDeg(u),
      width: u?.width ?? null,
      offset: u === null || nose === null ? null : Math.abs(nose.x - (u.l.x + u.r.x) / 2) / u.width,
      near,
      speed: i === 0 ? null : handSpeed(sorted[i - 1]!, f),
    };
  });
}

function handSpeed(a: PoseFrame, f: PoseFrame): number | null {
  const dt = f.time - a.time;
  if (!(dt > 0 && dt <= MAX_MOVE_GAP_S)) return null;
  const scale = upper(f)?.width ?? upper(a)?.width;
  if (scale === undefined) return null;
  const speeds: number[] = [];
  for (const k of ['leftWrist', 'rightWrist'] as const) {
    const p = a[k];
    const q = f[k];
    if (seen(p) && seen(q)) speeds.push(dist(p, q) / scale / dt);
  }
  return speeds.length === 0 ? null : speeds.reduce((s, x) => s + x, 0) / speeds.length;
}

/**
 * The answer's starting shoulder width: median of its first BASELINE_FRAMES in-frame frames (of
 * fewer when the answer has fewer, but at least 3); null below that. Offline the whole answer is
 * known, so its first windows are compared with the same start as the later ones.
 */
export function startingWidth(m: readonly PostureFrameMeasure[]): number | null {
  const widths = m.filter((x) => x.width !== null).map((x) => x.width!);
  return widths.length < 3 ? null : median(widths.slice(0, BASELINE_FRAMES));
}

const mean = (xs: readonly number[]): number | null =>
  xs.length === 0 ? null : xs.reduce((s, x) => s + x, 0) / xs.length;

/** One window's values from its frames' measures. */
export function postureWindowValues(m: readonly PostureFrameMeasure[], baseline: number | null): (number | null)[] {
  const inFrame = m.filter((x) => x.inFrame);
  const nums = (f: (x: PostureFrameMeasure) => number | null): number[] =>
    inFrame.map(f).filter((v): v is number => v !== null);
  const widthMedian = median(nums((x) => x.width));
  const nearKnown = inFrame.filter((x) => x.near !== null);
  return [
    1 - inFrame.length / m.length,
    median(nums((x) => x.tilt)),
    baseline === null || widthMedian === null ? null : widthMedian / baseline - 1,
    median(nums((x) => x.offset)),
    // As the live cue: the share of in-frame frames (a frame without a visible nose counts as not near).
    inFrame.length === 0 || nearKnown.length === 0 ? null : nearKnown.filter((x) => x.near).length / inFrame.length,
    mean(m.map((x) => x.speed).filter((v): v is number => v !== null)),
  ];
}

/**
 * Pools an answer's pose frames into the video windows' grid (the same count and times as
 * poolVideoWindows for the same `duration`).
 */
export function poolPostureWindows(frames: readonly PoseFrame[], duration: number): PostureWindow[] {
  const len = VIDEO_FEATURE_SCHEMA.window.length;
  const hop = VIDEO_FEATURE_SCHEMA.window.hop;
  if (!(duration >= 0)) throw new HireNetError('invalid-input', `answer duration must be ≥ 0, got ${duration}`);
  const m = postureFrameMeasures(frames);
  const baseline = startingWidth(m);
  const eps = 1e-9;
  const count = duration + eps >= len ? Math.floor((duration - len + eps) / hop) + 1 : 1;
  const out: PostureWindow[] = [];
  for (let i = 0; i < count; i++) {
    const start = i * hop;
    const stop = count === 1 && duration < len ? duration : start + len;
    const members = m.filter((x) => x.time >= start - eps && x.time < stop - eps);
    const base = { index: i, startSeconds: start, endSeconds: stop, frames: members.length };
    out.push(
      members.length === 0
        ? { ...base, masked: true, values: null }
        : { ...base, masked: false, values: postureWindowValues(members, baseline) },
    );
  }
  return out;
}
