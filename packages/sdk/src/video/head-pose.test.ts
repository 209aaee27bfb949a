import { HireNetError } from '../util/errors.ts';
import { describe, expect, it } from 'vitest';
import { headPoseFromMatrix, matrixLayout } from './head-pose.ts';

// Independent construction: elementary rotations multiplied in float64, no code shared with the
// decomposition under test.
type M3 = number[][];
const deg = Math.PI / 180;
const rx = (t: number): M3 => [
  [1, 0, 0],
  [0, Math.cos(t), -Math.sin(t)],
  [0, Math.sin(t), Math.cos(t)],
];
const ry = (t: number): M3 => [
  [Math.cos(t), 0, Math.sin(t)],
  [0, 1, 0],
  [-Math.sin(t), 0, Math.cos(t)],
];
const rz = (t: number): M3 => [
  [Math.cos(t), -Math.sin(t), 0],
  [Math.sin(t), Math.cos(t), 0],
  [0, 0, 1],
];
const mul = (a: M3, b: M3): M3 =>
  a.map((row) => [0, 1, 2].map((j) => row.reduce((s, v, k) => s + v * (b[k]?.[j] ?? 0), 0)));

function transform(R: M3, t: [number, number, number], scale = 1, layout = 'column-major'): Float32Array {
  const out = new Float32Array(16);
  for (let r = 0; r < 4; r++) {
    for (let c = 0; c < 4; c++) {
      const v = r < 3 && c < 3 ? (R[r]?.[c] ?? 0) * scale : r < 3 && c === 3 ? (t[r] ?? 0) : r === 3 && c === 3 ? 1 : 0;
      out[layout === 'column-major' ? c * 4 + r : r * 4 + c] = v;
    }
  }
  return out;
}

/** Face pose as documented: yaw about +Y, pitch positive chin-up (so −pitch about +X), roll about +Z. */
const pose = (yaw: number, pitch: number, roll: number): M3 =>
  mul(mul(ry(yaw * deg), rx(-pitch * deg)), rz(roll * deg));

describe('headPoseFromMatrix', () => {
  it('recovers known yaw, pitch, roll and translation from a column-major matrix', () => {
    for (const [y, p, r] of [
      [20, -10, 5],
      [-35, 15, -12],
      [0, 0, 0],
      [5, 30, 25],
    ] as const) {
      const got = headPoseFromMatrix(transform(pose(y, p, r), [1.5, -2, -45]));
      expect(got.yaw).toBeCloseTo(y, 3);
      expect(got.pitch).toBeCloseTo(p, 3);
      expect(got.roll).toBeCloseTo(r, 3);
      expect(got.tx).toBeCloseTo(1.5, 5);
      expect(got.ty).toBeCloseTo(-2, 5);
      expect(got.tz).toBeCloseTo(-45, 5);
    }
  });

  it('reads a row-major matrix the same way', () => {
    const m = transform(pose(12, 7, -3), [0, 1, -30], 1, 'row-major');
    expect(matrixLayout(m)).toBe('row-major');
    const got = headPoseFromMatrix(m);
    expect([got.yaw, got.pitch, got.roll, got.ty, got.tz].map((v) => Math.round(v * 1000) / 1000)).toEqual([
      12, 7, -3, 1, -30,
    ]);
  });

  it('ignores a uniform scale folded into the rotation', () => {
    const got = headPoseFromMatrix(transform(pose(-18, 9, 4), [0, 0, -50], 1.7));
    expect(got.yaw).toBeCloseTo(-18, 3);
    expect(got.pitch).toBeCloseTo(9, 3);
    expect(got.roll).toBeCloseTo(4, 3);
  });

  it('mirror (x → −x on both sides) negates yaw and roll, keeps pitch', () => {
    const M: M3 = [
      [-1, 0, 0],
      [0, 1, 0],
      [0, 0, 1],
    ];
    const R = pose(22, -8, 11);
    const a = headPoseFromMatrix(transform(R, [3, 0, -40]));
    const b = headPoseFromMatrix(transform(mul(mul(M, R), M), [-3, 0, -40]));
    expect(b.yaw).toBeCloseTo(-a.yaw, 3);
    expect(b.roll).toBeCloseTo(-a.roll, 3);
    expect(b.pitch).toBeCloseTo(a.pitch, 3);
    expect(b.tx).toBeCloseTo(-a.tx, 5);
  });

  it('positive yaw points the face toward +X (image right); positive pitch toward +Y (up)', () => {
    const fwd = (R: M3): number[] => [0, 1, 2].map((i) => R[i]?.[2] ?? 0);
    expect(fwd(pose(30, 0, 0))[0]).toBeGreaterThan(0);
    expect(fwd(pose(0, 30, 0))[1]).toBeGreaterThan(0);
  });

  it('rejects a matrix that is not 4×4', () => {
    expect(() => headPoseFromMatrix([1, 2, 3])).toThrow(HireNetError);
  });
});
