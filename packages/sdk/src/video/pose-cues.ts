/**
 * Posture and gesture cues of one span from pose frames: observable geometry only, each with its
 * unit. Descriptive names on purpose — a hand near the face or a shoulder tilt says where the body
 * was, not what the person felt or how able they are; no label here interprets it.
 *
 * Distances are in shoulder widths (the person's own scale, so the camera distance cancels out),
 * angles in degrees. "Lean" compares the shoulder width with the candidate's own at the start:
 * shoulders that look wider are closer to the camera (leaning toward it), narrower further away.
 */
import type { BodyPoint, PoseFrame } from './pose-frame.ts';

export interface PostureCues {
  /** Share of pose-analysed frames without the upper body (a person with both shoulders visible) in frame, 0–1. */
  readonly outOfFrame: number;
  /** Median angle of the shoulder line from level, degrees; null without an in-frame frame. */
  readonly shoulderTilt: number | null;
  /**
   * Median shoulder width ÷ the candidate's starting width − 1: > 0 closer to the camera (toward),
   * < 0 further (away). Null until the starting width is known (the first {@link BASELINE_FRAMES}).
   */
  readonly lean: number | null;
  /** Median sideways distance of the nose from the shoulders' midpoint, shoulder widths; null without one. */
  readonly headOffset: number | null;
  /** Share of in-frame frames with a visible hand within {@link HAND_NEAR_FACE} shoulder widths of the nose. */
  readonly handNearFace: number | null;
  /** Mean speed of the visible wrists, shoulder widths per second; null when no wrist was seen twice in a row. */
  readonly handMovement: number | null;
}

/** A point counts when MediaPipe's visibility reaches this (its own default presence threshold). */
export const MIN_VISIBILITY = 0.5;
/** "Near the face": a wrist or index finger within this many shoulder widths of the nose. */
export const HAND_NEAR_FACE = 0.6;
/** In-frame frames whose median shoulder width is the starting width (2 s at 5 pose frames/s). */
export const BASELINE_FRAMES = 10;
/** Consecutive pose frames further apart than this are not used for hand speed (a gap, not a move). */
export const MAX_MOVE_GAP_S = 0.6;

export const seen = (p: BodyPoint | null): p is BodyPoint => p !== null && p.v >= MIN_VISIBILITY;

export interface Upper {
  readonly l: BodyPoint;
  readonly r: BodyPoint;
  readonly width: number;
}

/** Both shoulders visible and inside the frame's height: the upper body is in frame. */
export function upper(f: PoseFrame): Upper | null {
  const l = f.leftShoulder;
  const r = f.rightShoulder;
  if (f.found !== 1 || !seen(l) || !seen(r) || l.y > 1 || r.y > 1) return null;
  const width = Math.hypot(r.x - l.x, r.y - l.y);
  return width > 1e-3 ? { l, r, width } : null;
}

export function median(xs: readonly number[]): number | null {
  if (xs.length === 0) return null;
  const s = [...xs].sort((a, b) => a - b);
  return (s[(s.length - 1) >> 1]! + s[s.length >> 1]!) / 2;
}

export const dist = (a: BodyPoint, b: BodyPoint): number => Math.hypot(a.x - b.x, a.y - b.y);

function round(v: number | null, digits: number): number | null {
  if (v === null) return null;
  const f = 10 ** digits;
  const r = Math.round(v * f) / f;
  return r === 0 ? 0 : r;
}

/** Degrees of the shoulder line from level, 0–90, whichever shoulder is higher. */
export function shoulderTiltDeg(u: { l: BodyPoint; r: BodyPoint }): number {
  return (Math.atan2(Math.abs(u.r.y - u.l.y), Math.abs(u.r.x - u.l.x)) * 180) / Math.PI;
}

/**
 * Keeps the starting shoulder width and the last frame across spans (for hand speed over a span
 * boundary); `take` reduces one span's frames, in time order, to the cues.
 */
export class PostureTracker {
  private readonly startWidths: number[] = [];
  private baseline: number | null = null;
  private prev: PoseFrame | undefined;

  /** The starting shoulder width (frame heights), once known. */
  get baselineWidth(): number | null {
    return this.baseline;
  }

  /** Null when no pose frame was analysed in the span (no model, still loading, or dropped for load). */
  take(frames: readonly PoseFrame[]): PostureCues | null {
    if (frames.length === 0) return null;
    const ups: { f: PoseFrame; u: Upper }[] = [];
    for (const f of frames) {
      const u = upper(f);
      if (u !== null) ups.push({ f, u });
    }
    for (const { u } of ups) {
      if (this.baseline !== null) break;
      this.startWidths.push(u.width);
      if (this.startWidths.length >= BASELINE_FRAMES) this.baseline = median(this.startWidths);
    }
    const width = median(ups.map(({ u }) => u.width));
    const offsets = ups
      .filter(({ f }) => seen(f.nose))
      .map(({ f, u }) => Math.abs(f.nose!.x - (u.l.x + u.r.x) / 2) / u.width);
    const near = ups.filter(({ f, u }) => {
      if (!seen(f.nose)) return false;
      const hands = [f.leftWrist, f.rightWrist, f.leftIndex, f.rightIndex].filter(seen);
      return hands.some((p) => dist(p, f.nose!) <= HAND_NEAR_FACE * u.width);
    }).length;
    return {
      outOfFrame: round(1 - ups.length / frames.length, 3)!,
      shoulderTilt: round(median(ups.map(({ u }) => shoulderTiltDeg(u))), 1),
      lean: this.baseline === null || width === null ? null : round(width / this.baseline - 1, 3),
      headOffset: round(median(offsets), 2),
      handNearFace: ups.length === 0 ? null : round(near / ups.length, 3),
      handMovement: round(this.handSpeed(frames), 2),
    };
  }

  private handSpeed(frames: readonly PoseFrame[]): number | null {
    const speeds: number[] = [];
    for (const f of frames) {
      const a = this.prev;
      this.prev = f;
      if (a === undefined) continue;
      const dt = f.time - a.time;
      if (!(dt > 0 && dt <= MAX_MOVE_GAP_S)) continue;
      // Scale from the later frame (or the earlier one): both shoulders must be seen in one of them.
      const scale = upper(f)?.width ?? upper(a)?.width;
      if (scale === undefined) continue;
      for (const k of ['leftWrist', 'rightWrist'] as const) {
        const p = a[k];
        const q = f[k];
        if (seen(p) && seen(q)) speeds.push(dist(p, q) / scale / dt);
      }
    }
    return speeds.length === 0 ? null : speeds.reduce((s, x) => s + x, 0) / speeds.length;
  }
}
