/**
 * Head pose from MediaPipe's facial transformation matrix.
 *
 * The matrix maps MediaPipe's canonical face model into its metric camera space: OpenGL
 * convention, right-handed, camera at the origin looking down −Z, +X to the image's right, +Y
 * up, units in centimetres. tasks-vision returns it as a flat 16-number array in column-major
 * order (translation in elements 12–14); {@link matrixLayout} checks this instead of trusting it.
 *
 * Angles (degrees) decompose the rotation as R = Ry(yaw) · Rx(−pitch) · Rz(roll):
 * - yaw > 0: the face turns toward the image's right (the person's left in an unmirrored camera);
 * - pitch > 0: chin up;
 * - roll > 0: the top of the head tilts toward the image's left (counter-clockwise as seen).
 * A horizontal mirror (x → −x) turns R into M·R·M with M = diag(−1, 1, 1), which negates yaw and
 * roll and keeps pitch for any Euler order — the basis of the mirror test.
 */
import { HireNetError } from '../util/errors.ts';
export interface HeadPose {
  readonly yaw: number;
  readonly pitch: number;
  readonly roll: number;
  /** Translation of the face origin in camera space, cm. tz < 0 in front of the camera. */
  readonly tx: number;
  readonly ty: number;
  readonly tz: number;
}

export type MatrixLayout = 'column-major' | 'row-major';

const RAD = 180 / Math.PI;

/**
 * Which layout a flat 4×4 rigid transform uses: the bottom row of a homogeneous transform is
 * (0, 0, 0, 1), so the zeros sit at 3, 7, 11 when column-major and at 12, 13, 14 when row-major.
 */
export function matrixLayout(m: ArrayLike<number>): MatrixLayout {
  if (m.length !== 16) throw new HireNetError('invalid-input', `expected 16 numbers, got ${m.length}`);
  const at = (i: number): number => Math.abs(m[i] ?? 0);
  const colMajorZeros = at(3) + at(7) + at(11);
  const rowMajorZeros = at(12) + at(13) + at(14);
  return rowMajorZeros < colMajorZeros ? 'row-major' : 'column-major';
}

/** Head pose from a flat 4×4 transform; the layout is detected (see {@link matrixLayout}). */
export function headPoseFromMatrix(m: ArrayLike<number>): HeadPose {
  const layout = matrixLayout(m);
  const el = (r: number, c: number): number => (layout === 'column-major' ? m[c * 4 + r] : m[r * 4 + c]) ?? 0;
  // The geometry pipeline may fold a uniform scale into the rotation; normalise the columns.
  const norms = [0, 1, 2].map((c) => Math.hypot(el(0, c), el(1, c), el(2, c)) || 1);
  const r = (i: number, j: number): number => el(i, j) / (norms[j] ?? 1);
  // For R = Ry(a)·Rx(b)·Rz(c): R12 = −sin b, R02/R22 = tan a, R10/R11 = tan c.
  const b = Math.asin(Math.max(-1, Math.min(1, -r(1, 2))));
  const a = Math.atan2(r(0, 2), r(2, 2));
  const c = Math.atan2(r(1, 0), r(1, 1));
  return {
    yaw: a * RAD,
    pitch: -b * RAD,
    roll: c * RAD,
    tx: el(0, 3),
    ty: el(1, 3),
    tz: el(2, 3),
  };
}
