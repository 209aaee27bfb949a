/**
 * Statistics of the mirror test (issue 4): a clip and its horizontal flip, analysed at the same
 * times k / fps, must swap left/right blendshapes, negate yaw and roll and keep pitch.
 * Rows are value arrays in FRAME_COLUMNS order; null/NaN means "not measured".
 */
import { BLENDSHAPE_PAIRS } from '../../../packages/sdk/src/video/blendshapes.ts';
import { FRAME_COLUMNS } from '../../../packages/sdk/src/video/schema.ts';

export type Row = readonly (number | null)[];

const col = (name: string): number => {
  const i = FRAME_COLUMNS.indexOf(name);
  if (i < 0) throw new Error(`no column ${name}`);
  return i;
};

const num = (v: number | null | undefined): number => (v === null || v === undefined ? NaN : v);

/** Pearson r over the indices where both values are finite; NaN when either side is constant. */
export function pearson(a: readonly number[], b: readonly number[]): number {
  const xs: number[] = [];
  const ys: number[] = [];
  for (let i = 0; i < Math.min(a.length, b.length); i++) {
    const x = a[i]!;
    const y = b[i]!;
    if (Number.isFinite(x) && Number.isFinite(y)) {
      xs.push(x);
      ys.push(y);
    }
  }
  const n = xs.length;
  if (n < 3) return NaN;
  const mx = xs.reduce((s, v) => s + v, 0) / n;
  const my = ys.reduce((s, v) => s + v, 0) / n;
  let sxy = 0;
  let sxx = 0;
  let syy = 0;
  for (let i = 0; i < n; i++) {
    const dx = xs[i]! - mx;
    const dy = ys[i]! - my;
    sxy += dx * dy;
    sxx += dx * dx;
    syy += dy * dy;
  }
  return sxx > 0 && syy > 0 ? sxy / Math.sqrt(sxx * syy) : NaN;
}

export function median(xs: readonly number[]): number {
  const s = xs.filter(Number.isFinite).sort((p, q) => p - q);
  if (s.length === 0) return NaN;
  return (s[(s.length - 1) >> 1]! + s[s.length >> 1]!) / 2;
}

function std(xs: readonly number[]): number {
  const f = xs.filter(Number.isFinite);
  if (f.length < 2) return 0;
  const m = f.reduce((s, v) => s + v, 0) / f.length;
  return Math.sqrt(f.reduce((s, v) => s + (v - m) ** 2, 0) / (f.length - 1));
}

export interface PairR {
  readonly left: string;
  readonly right: string;
  /** r(X_Left of the original, X_Right of the flip), and the symmetric counterpart. */
  readonly rLR: number;
  readonly rRL: number;
  readonly moves: boolean;
}

export interface MirrorReport {
  readonly frames: number;
  readonly pairs: PairR[];
  /** Median over moving pairs of mean(rLR, rRL). */
  readonly medianR: number;
  readonly eyeLookIn: number;
  readonly eyeLookOut: number;
  readonly yawSumMean: number;
  readonly rollSumMean: number;
  readonly pitchDiffMean: number;
  readonly gazeXSumMean: number;
}

/** A pair "moves" when both of its series vary by more than `minStd` in the original clip. */
export function mirrorReport(orig: readonly Row[], flip: readonly Row[], minStd = 0.02): MirrorReport {
  const n = Math.min(orig.length, flip.length);
  const series = (rows: readonly Row[], name: string): number[] => rows.slice(0, n).map((r) => num(r[col(name)]));
  const both = (name: string): [number[], number[]] => [series(orig, name), series(flip, name)];
  const pairs = BLENDSHAPE_PAIRS.map(([left, right]) => {
    const [oL, fL] = both(left);
    const [oR, fR] = both(right);
    return { left, right, rLR: pearson(oL, fR), rRL: pearson(oR, fL), moves: std(oL) > minStd && std(oR) > minStd };
  });
  const pairR = (left: string): number => {
    const p = pairs.find((q) => q.left === left);
    return p ? (p.rLR + p.rRL) / 2 : NaN;
  };
  const meanAbs = (f: (o: number, m: number) => number, name: string): number => {
    const [o, m] = both(name);
    const d = o.map((v, i) => Math.abs(f(v, m[i]!))).filter(Number.isFinite);
    return d.reduce((s, v) => s + v, 0) / d.length;
  };
  return {
    frames: n,
    pairs,
    medianR: median(pairs.filter((p) => p.moves).map((p) => (p.rLR + p.rRL) / 2)),
    eyeLookIn: pairR('eyeLookInLeft'),
    eyeLookOut: pairR('eyeLookOutLeft'),
    yawSumMean: meanAbs((a, b) => a + b, 'yaw'),
    rollSumMean: meanAbs((a, b) => a + b, 'roll'),
    pitchDiffMean: meanAbs((a, b) => a - b, 'pitch'),
    gazeXSumMean: meanAbs((a, b) => a + b, 'gazeX'),
  };
}
