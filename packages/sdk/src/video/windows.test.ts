import { describe, expect, it } from 'vitest';
import { AU_CODES } from './au-map.ts';
import { emptyFrameRow, type VideoFrameRow } from './frame-row.ts';
import { POOLED_COLUMNS, WINDOW_COLUMNS } from './schema.ts';
import { poolVideoWindows } from './windows.ts';

/** A face row with yaw = `yaw` and AU12 intensity `smile`; other values 0. */
function faceRow(time: number, yaw: number, smile = 0): VideoFrameRow {
  const n = AU_CODES.length;
  const intensity = new Float32Array(n);
  intensity[AU_CODES.indexOf('AU12')] = smile;
  const presence = new Uint8Array(n);
  presence[AU_CODES.indexOf('AU12')] = smile >= 0.3 ? 1 : 0;
  return {
    time,
    face: 1,
    blendshapes: new Float32Array(52),
    au: { intensity, presence, left: intensity, right: intensity },
    pose: { yaw, pitch: 0, roll: 0, tx: 0, ty: 0, tz: -40 },
    gaze: { gazeX: 0, gazeY: 0 },
  };
}

const col = (name: string): number => WINDOW_COLUMNS.indexOf(name);
const at15 = (n: number, f: (t: number, k: number) => VideoFrameRow): VideoFrameRow[] =>
  Array.from({ length: n }, (_, k) => f(k / 15, k));

describe('poolVideoWindows', () => {
  it('windows start every 0.25 s exactly at 15 fps (no frame-count drift)', () => {
    const w = poolVideoWindows(at15(15 * 60, (t) => faceRow(t, 0)));
    expect(w).toHaveLength(239); // (60 − 0.5) / 0.25 + 1
    expect(w[238]!.startSeconds).toBeCloseTo(59.5, 9);
    // [0.5, 1.0) at 15 fps holds frames 8..14 (7 or 8 frames per window depending on phase).
    expect(w[2]!.frames).toBe(7);
    expect(w[0]!.frames).toBe(8);
  });

  it('means and standard deviations over face frames, in the shared pooler layout', () => {
    const rows = [faceRow(0, 10, 0.8), faceRow(0.1, 20, 0.0), faceRow(0.2, 30, 0.4), faceRow(0.3, 40, 0.4)];
    const [w] = poolVideoWindows(rows, 0.5);
    expect(WINDOW_COLUMNS).toHaveLength(2 * POOLED_COLUMNS.length);
    // Hann weights by time in [0, 0.5): sin²(πt/0.5), floored at 0.05 (the frame at t = 0).
    const wt = [0, 0.1, 0.2, 0.3].map((t) => Math.max(0.05, Math.sin((Math.PI * t) / 0.5) ** 2));
    const total = wt.reduce((a, b) => a + b, 0);
    const wmean = (xs: number[]): number => xs.reduce((a, x, i) => a + wt[i]! * x, 0) / total;
    const yawMean = wmean([10, 20, 30, 40]);
    expect(w!.values![col('yaw_mean')]).toBeCloseTo(yawMean, 6);
    expect(w!.values![col('yaw_std')]).toBeCloseTo(
      Math.sqrt(wmean([10, 20, 30, 40].map((x) => (x - yawMean) ** 2))),
      6,
    );
    expect(w!.values![col('AU12_int_mean')]).toBeCloseTo(wmean([0.8, 0, 0.4, 0.4]), 6);
    expect(w!.values![col('AU12_pres_mean')]).toBeCloseTo(wmean([1, 0, 1, 1]), 6);
    expect(w!.values![col('tz_mean')]).toBeCloseTo(-40);
  });

  it('face-less frames are excluded, not averaged in as zeros; a window without a face is masked', () => {
    const rows = at15(30, (t, k) => (k < 8 || k >= 16 ? emptyFrameRow(t) : faceRow(t, 12)));
    const w = poolVideoWindows(rows);
    expect(w[0]).toMatchObject({ masked: true, values: null, validFrames: 0, faceRatio: 0, frames: 8 });
    const partial = w[1]!; // [0.25, 0.75): frames 4..11, faces at 8..11
    expect(partial.masked).toBe(false);
    expect(partial.validFrames).toBe(4);
    expect(partial.faceRatio).toBeCloseTo(0.5);
    expect(partial.values![col('yaw_mean')]).toBeCloseTo(12);
    expect(partial.values![col('yaw_std')]).toBeCloseTo(0);
  });

  it('irregular live timestamps (dropped frames) land in the right windows', () => {
    const rows = [0.01, 0.2, 0.45, 0.52, 0.9].map((t) => faceRow(t, t * 100));
    const w = poolVideoWindows(rows, 1.0);
    expect(w.map((x) => x.frames)).toEqual([3, 2, 2]);
  });

  it('a clip shorter than one window still yields one window; no rows and no duration yields none', () => {
    const w = poolVideoWindows([faceRow(0, 5), faceRow(0.1, 7)], 0.2);
    expect(w).toHaveLength(1);
    expect(w[0]!.endSeconds).toBeCloseTo(0.2);
    expect(poolVideoWindows([])).toEqual([]);
  });
});
