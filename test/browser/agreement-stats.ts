/**
 * Live-vs-file window agreement. A live take starts anywhere in the fake device's loop of the clip
 * and on its own 0.25 s grid, so the file's windows are aligned to it first: the circular lag (in
 * eighths of a window, file rows linearly interpolated) that maximises the mean per-feature
 * correlation; then Pearson r per feature over the aligned windows.
 */
import { median, pearson } from '../node/video/mirror-stats.ts';

export { median, pearson };

export interface WindowRows {
  readonly rows: readonly (readonly number[])[];
  readonly windowIndex: readonly number[];
}

/** The file's row grid as a dense [window][feature] array (null where a window was not kept). */
function dense(m: WindowRows): (readonly number[] | null)[] {
  const n = m.windowIndex.length === 0 ? 0 : Math.max(...m.windowIndex) + 1;
  const out: (readonly number[] | null)[] = new Array(n).fill(null);
  m.windowIndex.forEach((w, k) => (out[w] = m.rows[k]!));
  return out;
}

/** File value of feature f at fractional window position p (circular), or null. */
function at(grid: (readonly number[] | null)[], p: number, f: number): number | null {
  const n = grid.length;
  const i0 = ((Math.floor(p) % n) + n) % n;
  const i1 = (i0 + 1) % n;
  const a = grid[i0];
  const b = grid[i1];
  if (a == null || b == null) return null;
  const w = p - Math.floor(p);
  return a[f]! * (1 - w) + b[f]! * w;
}

export interface Alignment {
  /** Lag in windows: live window k ↔ file window k + lag (mod the file's length). */
  readonly lag: number;
  /** Pearson r per feature over the aligned windows (NaN for a constant feature). */
  readonly r: number[];
  readonly medianR: number;
  readonly windows: number;
}

/** Live vs file rows of one modality; features constant in either are excluded from the median. */
export function alignAndCorrelate(live: WindowRows, file: WindowRows, steps = 8): Alignment {
  const grid = dense(file);
  const width = live.rows[0]?.length ?? 0;
  const pairsAt = (lag: number): { x: number[][]; y: number[][] } => {
    const x: number[][] = Array.from({ length: width }, () => []);
    const y: number[][] = Array.from({ length: width }, () => []);
    live.windowIndex.forEach((w, k) => {
      const probe = at(grid, w + lag, 0);
      if (probe === null) return;
      for (let f = 0; f < width; f++) {
        x[f]!.push(live.rows[k]![f]!);
        y[f]!.push(at(grid, w + lag, f)!);
      }
    });
    return { x, y };
  };
  let best: Alignment = { lag: 0, r: [], medianR: -Infinity, windows: 0 };
  for (let s = 0; s < grid.length * steps; s++) {
    const lag = s / steps;
    const { x, y } = pairsAt(lag);
    const n = x[0]?.length ?? 0;
    if (n < 8) continue;
    const r = x.map((xs, f) => pearson(xs, y[f]!));
    const finite = r.filter(Number.isFinite);
    const score = finite.reduce((a, b) => a + b, 0) / Math.max(1, finite.length);
    if (score > (best.medianR === -Infinity ? -Infinity : meanOf(best.r)))
      best = { lag, r, medianR: median(r), windows: n };
  }
  return best;
}

function meanOf(r: readonly number[]): number {
  const f = r.filter(Number.isFinite);
  return f.reduce((a, b) => a + b, 0) / Math.max(1, f.length);
}
