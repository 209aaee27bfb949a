import { describe, expect, it } from 'vitest';
import { HireNetError } from '../util/errors.ts';
import { HAND_NEAR_FACE, PostureTracker } from './pose-cues.ts';
import { emptyPoseFrame, type BodyPoint, type PoseFrame } from './pose-frame.ts';
import { postureAnswerStats, TILTED_DEG } from './posture-stats.ts';
import { POSTURE_COLUMNS, poolPostureWindows } from './posture-windows.ts';
import { emptyFrameRow } from './frame-row.ts';
import { poolVideoWindows } from './windows.ts';

const P = (x: number, y: number, v = 0.99): BodyPoint => ({ x, y, v });
const col = (name: (typeof POSTURE_COLUMNS)[number]): number => POSTURE_COLUMNS.indexOf(name);

/** A person facing the camera: shoulders `w` apart at y 0.8, nose above their midpoint (+ noseDx). */
function person(time: number, o: { w?: number; tiltDy?: number; noseDx?: number; wrist?: BodyPoint } = {}): PoseFrame {
  const w = o.w ?? 0.4;
  const dy = o.tiltDy ?? 0;
  return {
    ...emptyPoseFrame(time),
    found: 1,
    nose: P(0.5 + (o.noseDx ?? 0), 0.45),
    leftShoulder: P(0.5 + w / 2, 0.8 - dy / 2),
    rightShoulder: P(0.5 - w / 2, 0.8 + dy / 2),
    // Hands below the picture (not visible) unless a wrist is given.
    leftWrist: o.wrist ?? P(0.5 + w / 2, 1.3, 0.05),
    rightWrist: P(0.5 - w / 2, 1.3, 0.05),
  };
}

/** Pose frames at 5 per second over [from, to). */
const at5 = (from: number, to: number, f: (t: number) => PoseFrame): PoseFrame[] =>
  Array.from({ length: Math.round((to - from) * 5) }, (_, i) => f(from + i / 5));

describe('poolPostureWindows', () => {
  it('uses the video windows grid and masks windows without a pose frame', () => {
    const frames = at5(0, 1, (t) => person(t));
    const w = poolPostureWindows(frames, 3);
    const video = poolVideoWindows([emptyFrameRow(0)], 3);
    expect(w.map((x) => [x.startSeconds, x.endSeconds])).toEqual(video.map((x) => [x.startSeconds, x.endSeconds]));
    // Frames at 0, 0.2 … 0.8: windows starting at 1.0 s and later have none.
    expect(w.filter((x) => x.masked).map((x) => x.startSeconds)).toEqual([1, 1.25, 1.5, 1.75, 2, 2.25, 2.5]);
    expect(w[0]!.values).toHaveLength(POSTURE_COLUMNS.length);
    expect(() => poolPostureWindows(frames, Number.NaN)).toThrow(HireNetError);
  });

  it('tilt, head offset and out-of-frame share as the live cues define them; no body → null, not 0', () => {
    // dy = w·tan(10°): a 10° shoulder line; nose 0.04 frame heights off centre.
    const dy = 0.4 * Math.tan((10 * Math.PI) / 180);
    const frames = [
      ...at5(0, 2, (t) => person(t, { tiltDy: dy, noseDx: 0.04 })),
      // 2.0–2.4: nobody; 2.4–3: shoulders back.
      ...at5(2, 2.4, (t) => emptyPoseFrame(t)),
      ...at5(2.4, 3, (t) => person(t)),
    ];
    const w = poolPostureWindows(frames, 3);
    const first = w[0]!.values!;
    expect(first[col('posture_shoulderTilt')]).toBeCloseTo(10, 6);
    // The shoulder width is the tilted line's length, 0.4 / cos 10°.
    expect(first[col('posture_headOffset')]).toBeCloseTo(0.04 / (0.4 / Math.cos((10 * Math.PI) / 180)), 9);
    expect(first[col('posture_outOfFrame')]).toBe(0);
    expect(first[col('posture_handNearFace')]).toBe(0);
    // Hands never visible: no hand movement measured, null (not "still").
    expect(first[col('posture_handMovement')]).toBeNull();
    // Window [2, 2.5) holds 2.0, 2.2 (nobody) and 2.4 (in frame): a third in frame.
    const mixed = w.find((x) => x.startSeconds === 2)!.values!;
    expect(mixed[col('posture_outOfFrame')]).toBeCloseTo(2 / 3, 9);
    const nobody = poolPostureWindows(
      at5(0, 1, (t) => emptyPoseFrame(t)),
      1,
    )[0]!.values!;
    expect(nobody).toEqual([1, null, null, null, null, null]);
    // The live tracker reads the same tilt over the same frames.
    const cue = new PostureTracker().take(frames.slice(0, 3));
    expect(cue!.shoulderTilt).toBeCloseTo(first[col('posture_shoulderTilt')]!, 1);
  });

  it('lean against the answer’s starting width, and hand speed in shoulder widths per second', () => {
    const frames = at5(0, 4, (t) =>
      person(t, {
        // Shoulders 20 % wider after 2 s: closer to the camera.
        w: t < 2 ? 0.4 : 0.48,
        // A visible wrist moving right 0.08 per 0.2 s = 0.4 frame heights/s.
        wrist: P(0.3 + 0.4 * t, 0.9),
      }),
    );
    const w = poolPostureWindows(frames, 4);
    expect(w[0]!.values![col('posture_lean')]).toBeCloseTo(0, 9);
    expect(w.find((x) => x.startSeconds === 3)!.values![col('posture_lean')]).toBeCloseTo(0.2, 9);
    // 0.4 frame heights/s ÷ 0.4 (shoulder width) = 1 shoulder width per second.
    expect(w[1]!.values![col('posture_handMovement')]).toBeCloseTo(1, 6);
  });

  it('counts a hand within the near-face distance of the nose', () => {
    const near = P(0.5, 0.45 + 0.4 * HAND_NEAR_FACE * 0.9);
    const frames = at5(0, 1, (t) => person(t, t < 0.4 ? { wrist: near } : {}));
    const w = poolPostureWindows(frames, 1);
    // [0, 0.5) holds 0, 0.2 (near) and 0.4 (away).
    expect(w[0]!.values![col('posture_handNearFace')]).toBeCloseTo(2 / 3, 9);
  });
});

describe('postureAnswerStats', () => {
  it('seconds with a hand near the face, tilted share, out-of-frame share', () => {
    const tilted = 0.4 * Math.tan(((TILTED_DEG + 2) * Math.PI) / 180);
    const near = P(0.5, 0.5);
    const frames = [
      ...at5(0, 2, (t) => person(t, { wrist: near })),
      ...at5(2, 4, (t) => person(t, { tiltDy: tilted })),
      ...at5(4, 5, (t) => emptyPoseFrame(t)),
    ];
    const s = postureAnswerStats(frames, 5)!;
    expect(s.poseFrames).toBe(25);
    expect(s.inFrameFrames).toBe(20);
    expect(s.outOfFrameFraction).toBeCloseTo(0.2, 9);
    expect(s.handNearFaceSeconds).toBeCloseTo(2, 9);
    expect(s.shoulderTiltedFraction).toBeCloseTo(0.5, 9);
    expect(s.leanTowardFraction).toBe(0);
    expect(postureAnswerStats([], 5)).toBeNull();
  });
});
