import { HireNetError } from '../util/errors.ts';
import { describe, expect, it } from 'vitest';
import { BASELINE_FRAMES, HAND_NEAR_FACE, PostureTracker, shoulderTiltDeg } from './pose-cues.ts';
import { buildPoseFrame, emptyPoseFrame, POSE_POINTS, type BodyPoint, type PoseFrame } from './pose-frame.ts';
import { resolvePoseOptions } from './pose-options.ts';

const P = (x: number, y: number, v = 0.99): BodyPoint => ({ x, y, v });

/** A person facing the camera: shoulders `w` apart at height y 0.8, nose above their midpoint (+ dx). */
function person(time: number, w = 0.4, o: Partial<PoseFrame> & { tiltDy?: number; noseDx?: number } = {}): PoseFrame {
  const cx = 0.5;
  const dy = o.tiltDy ?? 0;
  return {
    ...emptyPoseFrame(time),
    found: 1,
    nose: P(cx + (o.noseDx ?? 0), 0.45),
    leftShoulder: P(cx + w / 2, 0.8 - dy / 2),
    rightShoulder: P(cx - w / 2, 0.8 + dy / 2),
    leftWrist: P(cx + w / 2, 1.3, 0.05),
    rightWrist: P(cx - w / 2, 1.3, 0.05),
    leftIndex: null,
    rightIndex: null,
    ...o,
  };
}

describe('buildPoseFrame', () => {
  it('keeps the named points in frame-height units and refuses a short landmark list', () => {
    const lm = Array.from({ length: 33 }, (_, i) => ({ x: i / 100, y: 0.5, visibility: 0.9 }));
    const f = buildPoseFrame(1.5, lm, 640, 480);
    expect(f.found).toBe(1);
    expect(f.leftShoulder!.x).toBeCloseTo((POSE_POINTS.leftShoulder / 100) * (640 / 480), 9);
    expect(f.rightWrist).toEqual({ x: (16 / 100) * (640 / 480), y: 0.5, v: 0.9 });
    expect(buildPoseFrame(2, undefined, 640, 480)).toEqual(emptyPoseFrame(2));
    expect(() => buildPoseFrame(0, lm.slice(0, 20), 640, 480)).toThrow(HireNetError);
  });
});

describe('PostureTracker', () => {
  it('level shoulders and a centred head: tilt 0, offset 0, hands away, in frame', () => {
    const c = new PostureTracker().take([person(0), person(0.2), person(0.4)])!;
    expect(c).toMatchObject({ outOfFrame: 0, shoulderTilt: 0, headOffset: 0, handNearFace: 0, lean: null });
    // Wrists hidden (visibility 0.05): no hand speed can be measured.
    expect(c.handMovement).toBeNull();
  });

  it('tilt is the shoulder line angle, offset is in shoulder widths', () => {
    // dy = w·tan(10°) gives exactly 10° from level.
    const dy = 0.4 * Math.tan((10 * Math.PI) / 180);
    const c = new PostureTracker().take([person(0, 0.4, { tiltDy: dy, noseDx: 0.1 })])!;
    expect(c.shoulderTilt).toBeCloseTo(10, 1);
    expect(shoulderTiltDeg({ l: P(0, 0), r: P(1, 1) })).toBeCloseTo(45, 9);
    expect(c.headOffset).toBeCloseTo(0.1 / Math.hypot(0.4, dy), 2);
  });

  it('lean: shoulders 10 % wider than at the start read +0.1 (toward the camera), narrower negative', () => {
    const t = new PostureTracker();
    const start = Array.from({ length: BASELINE_FRAMES }, (_, i) => person(i * 0.2, 0.4));
    expect(t.take(start)!.lean).toBeCloseTo(0, 6);
    expect(t.baselineWidth).toBeCloseTo(0.4, 9);
    expect(t.take([person(3, 0.44), person(3.2, 0.44)])!.lean).toBeCloseTo(0.1, 3);
    expect(t.take([person(4, 0.36)])!.lean).toBeCloseTo(-0.1, 3);
  });

  it('a hand raised to the chin counts as near the face; its movement is shoulder widths per second', () => {
    const w = 0.4;
    const nearChin = P(0.5, 0.45 + (HAND_NEAR_FACE - 0.1) * w);
    const t = new PostureTracker();
    const frames = [
      person(0, w, { leftWrist: P(0.7, 0.9) }),
      person(0.2, w, { leftWrist: P(0.7 + 0.04, 0.9) }),
      person(0.4, w, { leftWrist: nearChin }),
    ];
    const c = t.take(frames)!;
    expect(c.handNearFace).toBeCloseTo(1 / 3, 3);
    const d2 = Math.hypot(0.74 - nearChin.x, 0.9 - nearChin.y);
    const expected = (0.04 / w / 0.2 + d2 / w / 0.2) / 2;
    expect(c.handMovement).toBeCloseTo(expected, 2);
  });

  it('nobody in frame, or shoulders below the frame: out of frame 1 and no geometry; no frames: null', () => {
    const c = new PostureTracker().take([emptyPoseFrame(0), person(0.2, 0.4, { rightShoulder: P(0.3, 1.05) })])!;
    expect(c).toEqual({
      outOfFrame: 1,
      shoulderTilt: null,
      lean: null,
      headOffset: null,
      handNearFace: null,
      handMovement: null,
    });
    expect(new PostureTracker().take([])).toBeNull();
  });

  it('hand speed is not measured across a gap longer than the pose interval allows', () => {
    const t = new PostureTracker();
    t.take([person(0, 0.4, { leftWrist: P(0.7, 0.9) })]);
    expect(t.take([person(5, 0.4, { leftWrist: P(0.2, 0.9) })])!.handMovement).toBeNull();
  });
});

describe('resolvePoseOptions', () => {
  it('needs a URL and an explicit sha256 (or null); fps defaults to 5', () => {
    const o = resolvePoseOptions({ modelUrl: 'pose.task', modelSha256: null }, 'http://h/app/');
    expect(o).toEqual({ modelUrl: 'http://h/app/pose.task', modelSha256: null, fps: 5, minFaceCoverage: 0.8 });
    expect(() => resolvePoseOptions({ modelUrl: '', modelSha256: null })).toThrow(HireNetError);
    expect(() => resolvePoseOptions({ modelUrl: 'x' } as never)).toThrow(/modelSha256 is required/);
    expect(() => resolvePoseOptions({ modelUrl: 'x', modelSha256: 'ab' })).toThrow(HireNetError);
    expect(() => resolvePoseOptions({ modelUrl: 'x', modelSha256: null, fps: 0 })).toThrow(HireNetError);
  });
});
