/**
 * Live-vs-file alignment that uses the fake device's real loop period. The circular lag of
 * test/browser/agreement-stats.ts wraps at the file's window count n, i.e. a period of n × 0.25 s,
 * while the device loops the clip every T seconds (T ≈ (n + 1) × 0.25 s plus the clip's
 * remainder: the last 0.5 s window ends before the clip does). Live windows after the loop seam
 * are then paired with file windows 0.25–0.4 s away, and a take's r falls with the share of its
 * windows past the seam. Here live window w (starting w × hop into the take) shows clip time
 * (s + w × hop) mod T, and only the start offset s is searched.
 */
import { median, pearson, type WindowRows } from '../../test/browser/agreement-stats.ts';

export interface PeriodicAlignment {
  /** Clip time (seconds) at which the take started, within [0, period). */
  readonly startSeconds: number;
  readonly r: number[];
  readonly medianR: number;
  /** Live windows paired with a file window (those straddling the seam are not). */
  readonly windows: number;
  /**
   * Per feature, (live mean − file mean) ÷ file SD over the paired windows: a level difference
   * that r does not see (NaN for a constant file feature).
   */
  readonly shift: number[];
}

/** The file's rows as a dense [window] grid (null where a window was not kept). */
function dense(m: WindowRows): (readonly number[] | null)[] {
  const n = m.windowIndex.length === 0 ? 0 : Math.max(...m.windowIndex) + 1;
  const out: (readonly number[] | null)[] = new Array(n).fill(null);
  m.windowIndex.forEach((w, k) => (out[w] = m.rows[k]!));
  return out;
}

/** File row at fractional window position p (linear between neighbours), or null off the grid. */
function rowAt(grid: (readonly number[] | null)[], p: number): number[] | null {
  const i = Math.floor(p);
  const a = grid[i];
  if (a == null) return null;
  const w = p - i;
  if (w < 1e-9) return [...a];
  const b = grid[i + 1];
  if (b == null) return null;
  return a.map((v, f) => v * (1 - w) + b[f]! * w);
}

const meanFinite = (r: readonly number[]): number => {
  const f = r.filter(Number.isFinite);
  return f.length === 0 ? -Infinity : f.reduce((x, y) => x + y, 0) / f.length;
};

/**
 * Searches the take's start offset in steps of hop / steps over one period; keeps the offset
 * that maximises the mean per-feature r (as the circular version does), over ≥ 8 paired windows.
 */
export function alignPeriodic(
  live: WindowRows,
  file: WindowRows,
  periodSeconds: number,
  hop = 0.25,
  steps = 8,
): PeriodicAlignment {
  if (!(periodSeconds > 0)) throw new RangeError(`alignPeriodic: period must be > 0 s, got ${periodSeconds}`);
  const grid = dense(file);
  const width = live.rows[0]?.length ?? 0;
  const pairsAt = (s: number): { x: number[][]; y: number[][] } => {
    const x: number[][] = Array.from({ length: width }, () => []);
    const y: number[][] = Array.from({ length: width }, () => []);
    live.windowIndex.forEach((w, k) => {
      const row = rowAt(grid, ((s + w * hop) % periodSeconds) / hop);
      if (row === null) return;
      for (let f = 0; f < width; f++) {
        x[f]!.push(live.rows[k]![f]!);
        y[f]!.push(row[f]!);
      }
    });
    return { x, y };
  };
  let best: PeriodicAlignment = { startSeconds: 0, r: [], medianR: NaN, windows: 0, shift: [] };
  let bestScore = -Infinity;
  const step = hop / steps;
  for (let s = 0; s < periodSeconds; s += step) {
    const { x, y } = pairsAt(s);
    const n = x[0]?.length ?? 0;
    if (n < 8) continue;
    const r = x.map((xs, f) => pearson(xs, y[f]!));
    const score = meanFinite(r);
    if (score > bestScore) {
      bestScore = score;
      best = { startSeconds: s, r, medianR: median(r), windows: n, shift: [] };
    }
  }
  if (best.windows === 0) return best;
  const { x, y } = pairsAt(best.startSeconds);
  return { ...best, shift: x.map((xs, f) => standardisedShift(xs, y[f]!)) };
}

function standardisedShift(x: readonly number[], y: readonly number[]): number {
  const mean = (v: readonly number[]): number => v.reduce((a, b) => a + b, 0) / v.length;
  const my = mean(y);
  const sd = Math.sqrt(y.reduce((a, b) => a + (b - my) ** 2, 0) / y.length);
  return sd === 0 ? NaN : (mean(x) - my) / sd;
}
