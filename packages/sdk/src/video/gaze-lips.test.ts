import { describe, expect, it } from 'vitest';
import { blendshapeVector } from './blendshapes.ts';
import { gazeFromBlendshapes } from './gaze.ts';
import { lipGapRatio, lipsApart, LIP_GAP_FULL, type Point } from './lips.ts';

const vec = (scores: Record<string, number>): Float32Array =>
  blendshapeVector(Object.entries(scores).map(([categoryName, score]) => ({ categoryName, score })));

describe('gazeFromBlendshapes', () => {
  it('both eyes turned toward the left eye’s side read as positive gazeX (image right)', () => {
    expect(gazeFromBlendshapes(vec({ eyeLookOutLeft: 0.6, eyeLookInRight: 0.6 })).gazeX).toBeCloseTo(0.6);
    expect(gazeFromBlendshapes(vec({ eyeLookInLeft: 0.4, eyeLookOutRight: 0.4 })).gazeX).toBeCloseTo(-0.4);
  });

  it('swapping left and right scores (a mirrored face) negates gazeX and keeps gazeY', () => {
    const a = gazeFromBlendshapes(
      vec({ eyeLookOutLeft: 0.5, eyeLookInRight: 0.3, eyeLookUpLeft: 0.2, eyeLookUpRight: 0.4 }),
    );
    const b = gazeFromBlendshapes(
      vec({ eyeLookOutRight: 0.5, eyeLookInLeft: 0.3, eyeLookUpRight: 0.2, eyeLookUpLeft: 0.4 }),
    );
    expect(b.gazeX).toBeCloseTo(-a.gazeX);
    expect(b.gazeY).toBeCloseTo(a.gazeY);
    expect(a.gazeY).toBeCloseTo(0.3);
  });

  it('looking down is negative gazeY', () => {
    expect(gazeFromBlendshapes(vec({ eyeLookDownLeft: 0.5, eyeLookDownRight: 0.7 })).gazeY).toBeCloseTo(-0.6);
  });
});

function face(gapPx: number, spanPx: number, w: number, h: number): Point[] {
  const pts: Point[] = Array.from({ length: 478 }, () => ({ x: 0.5, y: 0.5 }));
  pts[33] = { x: 0.5 - spanPx / 2 / w, y: 0.4 };
  pts[263] = { x: 0.5 + spanPx / 2 / w, y: 0.4 };
  pts[13] = { x: 0.5, y: 0.7 };
  pts[14] = { x: 0.5, y: 0.7 + gapPx / h };
  return pts;
}

describe('lips apart (AU25)', () => {
  it('measures the gap in pixels, so a non-square frame does not distort it', () => {
    expect(lipGapRatio(face(20, 100, 1280, 720), 1280, 720)).toBeCloseTo(0.2, 6);
    expect(lipGapRatio(face(20, 100, 480, 640), 480, 640)).toBeCloseTo(0.2, 6);
  });

  it('scales the ratio to [0, 1] and saturates at LIP_GAP_FULL', () => {
    expect(lipsApart(face(0, 100, 640, 480), 640, 480)).toBe(0);
    expect(lipsApart(face(LIP_GAP_FULL * 50, 100, 640, 480), 640, 480)).toBeCloseTo(0.5, 5);
    expect(lipsApart(face(80, 100, 640, 480), 640, 480)).toBe(1);
  });

  it('returns 0 (not NaN) when the landmarks are incomplete', () => {
    expect(lipsApart([{ x: 0, y: 0 }], 640, 480)).toBe(0);
  });
});
