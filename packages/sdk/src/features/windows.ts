/**
 * Pooling of per-frame descriptor rows into the fixed windows HireNet reads (0.5 s long, every
 * 0.25 s): mean and standard deviation per column. Shared by the audio channel (100 frames/s)
 * and the video channel (camera rate), so it knows nothing about either:
 *
 * - `valid` per frame excludes frames outright (video: no face found). A window with no valid
 *   frame is reported `masked` with `values: null` — never zero-filled, so a model can skip it.
 * - `condition` per frame restricts some columns to the frames where it holds (audio: F0,
 *   jitter, … only on voiced frames, openSMILE's "nz" rule); such a column is 0 when no frame of
 *   the window qualifies, and `conditionFraction` (audio: voiced fraction) can be appended.
 *
 * Streaming: rows go in one at a time; a window comes out as soon as its last frame arrived.
 */
import { HireNetError } from '../util/errors.ts';

export interface WindowOptions {
  /** Frames per second of the input rows (audio 100; video the camera rate). */
  readonly frameRate: number;
  /** Window length in seconds. Default 0.5. */
  readonly windowSeconds?: number;
  /** Hop between window starts in seconds. Default 0.25. */
  readonly hopSeconds?: number;
  /** Column indices pooled only over frames whose `condition` is true. Default none. */
  readonly conditionalColumns?: readonly number[];
  /** Append the fraction of valid frames whose condition is true as a last value. Default false. */
  readonly appendConditionFraction?: boolean;
  /**
   * Frame weights inside a window. 'hann' weighs each frame by sin²(π·(j + ½)/n), so a frame
   * entering or leaving the window at its edge barely moves the statistics: two takes of the
   * same speech whose window grids differ by a fraction of a hop then give nearly the same
   * windows (live vs uploaded: median per-feature r 0.85 → see bench "agreement"). 'sine' weighs
   * by sin(π·(j + ½)/n): as continuous at the edges, flatter in the middle, and with less of its
   * response between half the hop rate and the hop rate (2–4 Hz for 0.5 s / 0.25 s), where window
   * values sampled every hop alias (docs/same-media.md). Default 'none'.
   */
  readonly taper?: WindowTaper;
  /**
   * Share of the window's (taper) weight below which a conditional column's mean and std fade
   * linearly to 0, the value of a window where no frame qualifies. Without it, a window whose only
   * qualifying frames sit at its edge, with almost no weight, reports their full mean (normalised
   * by their own small weight) while the same window a few frames on reports 0, so the column
   * jumps with the window's phase. Default 0 (no fade).
   */
  readonly fadeBelowShare?: number;
}

export type WindowTaper = 'none' | 'hann' | 'sine';

/** Weight of frame j of n in a window (see WindowOptions.taper); never 0, so no frame vanishes. */
export function taperWeight(taper: WindowTaper, j: number, n: number): number {
  if (taper === 'none' || n <= 2) return 1;
  const s = Math.sin((Math.PI * (j + 0.5)) / n);
  return taper === 'sine' ? s : s * s;
}

export interface PooledWindow {
  /** Window number (0, 1, …); it starts at `index · hop`. */
  readonly index: number;
  readonly startSeconds: number;
  readonly endSeconds: number;
  /** Frames of the window that were valid. */
  readonly validFrames: number;
  /** True when no frame of the window was valid; `values` is then null. */
  readonly masked: boolean;
  /** [mean_0, std_0, mean_1, std_1, …, (conditionFraction)], or null when masked. */
  readonly values: Float64Array | null;
}

interface Slot {
  row: Float64Array;
  valid: boolean;
  condition: boolean;
}

export class WindowPooler {
  readonly columns: number;
  private readonly frameRate: number;
  private readonly winFrames: number;
  private readonly hopFrames: number;
  private readonly conditional: Uint8Array;
  private readonly fadeShare: number;
  private readonly appendFraction: boolean;
  private readonly taper: WindowTaper;
  private readonly ring: Slot[];
  private pushed = 0;
  private emitted = 0;

  constructor(columns: number, options: WindowOptions) {
    if (!(options.frameRate > 0)) throw new HireNetError('invalid-options', 'frameRate must be > 0');
    this.columns = columns;
    this.frameRate = options.frameRate;
    this.winFrames = Math.max(1, Math.round((options.windowSeconds ?? 0.5) * options.frameRate));
    this.hopFrames = Math.max(1, Math.round((options.hopSeconds ?? 0.25) * options.frameRate));
    this.conditional = new Uint8Array(columns);
    for (const c of options.conditionalColumns ?? []) {
      if (c < 0 || c >= columns) throw new HireNetError('invalid-options', `conditional column ${c} out of range`);
      this.conditional[c] = 1;
    }
    this.fadeShare = options.fadeBelowShare ?? 0;
    if (!(this.fadeShare >= 0 && this.fadeShare <= 1)) {
      throw new HireNetError('invalid-options', `fadeBelowShare must be in [0, 1], got ${this.fadeShare}`);
    }
    this.appendFraction = options.appendConditionFraction ?? false;
    this.taper = options.taper ?? 'none';
    this.ring = Array.from({ length: this.winFrames }, () => ({
      row: new Float64Array(columns),
      valid: false,
      condition: false,
    }));
  }

  /** Number of values in an unmasked window. */
  get width(): number {
    return 2 * this.columns + (this.appendFraction ? 1 : 0);
  }

  /** Adds one frame's row; returns the window(s) completed by it. */
  push(row: ArrayLike<number>, valid = true, condition = true): PooledWindow[] {
    const slot = this.ring[this.pushed % this.winFrames]!;
    for (let c = 0; c < this.columns; c++) {
      const v = row[c] ?? 0;
      slot.row[c] = Number.isFinite(v) ? v : 0;
    }
    // A non-finite value anywhere would poison the mean; such a frame is treated as invalid.
    slot.valid = valid && Array.prototype.every.call(row, (v: number) => Number.isFinite(v));
    slot.condition = condition;
    this.pushed++;
    const out: PooledWindow[] = [];
    while (this.emitted * this.hopFrames + this.winFrames <= this.pushed)
      out.push(this.pool(this.emitted++, this.winFrames));
    return out;
  }

  /**
   * End of input. Full windows were already returned by `push`; a recording shorter than one
   * window still yields one (shorter) window so that no answer is left without features.
   */
  flush(): PooledWindow[] {
    if (this.emitted > 0 || this.pushed === 0) return [];
    return [this.pool(this.emitted++, this.pushed)];
  }

  private pool(index: number, length: number): PooledWindow {
    const first = index * this.hopFrames;
    const startSeconds = first / this.frameRate;
    const endSeconds = (first + length) / this.frameRate;
    const C = this.columns;
    const sum = new Float64Array(C);
    const sq = new Float64Array(C);
    let n = 0;
    // Weighted frame counts: all valid frames, those meeting the condition, those pooled per column.
    let wn = 0;
    let wc = 0;
    const wcol = new Float64Array(C);
    for (let f = first; f < first + length; f++) {
      const s = this.ring[f % this.winFrames]!;
      if (!s.valid) continue;
      const w = taperWeight(this.taper, f - first, length);
      n++;
      wn += w;
      if (s.condition) wc += w;
      for (let c = 0; c < C; c++) {
        const v = s.row[c]!;
        if (this.conditional[c] === 1 && !s.condition) continue;
        wcol[c] = wcol[c]! + w;
        sum[c] = sum[c]! + w * v;
        sq[c] = sq[c]! + w * v * v;
      }
    }
    if (n === 0) return { index, startSeconds, endSeconds, validFrames: 0, masked: true, values: null };
    const values = new Float64Array(this.width);
    for (let c = 0; c < C; c++) {
      const weight = wcol[c]!;
      if (weight === 0) continue;
      const mean = sum[c]! / weight;
      // Fade a conditional column whose frames hold little of the window's weight (fadeBelowShare).
      const share = weight / wn;
      const k = this.conditional[c] === 1 && share < this.fadeShare ? share / this.fadeShare : 1;
      values[2 * c] = k * mean;
      // Population standard deviation; clamp the tiny negatives rounding can produce.
      values[2 * c + 1] = k * Math.sqrt(Math.max(0, sq[c]! / weight - mean * mean));
    }
    if (this.appendFraction) values[2 * C] = wc / wn;
    return { index, startSeconds, endSeconds, validFrames: n, masked: false, values };
  }
}

/** Pools a whole sequence at once (see WindowPooler). */
export function poolWindows(
  rows: readonly ArrayLike<number>[],
  options: WindowOptions & { readonly valid?: ArrayLike<boolean>; readonly condition?: ArrayLike<boolean> },
): PooledWindow[] {
  const columns = rows[0]?.length ?? 0;
  const pooler = new WindowPooler(columns, options);
  const out: PooledWindow[] = [];
  rows.forEach((r, i) => out.push(...pooler.push(r, options.valid?.[i] ?? true, options.condition?.[i] ?? true)));
  out.push(...pooler.flush());
  return out;
}
