/**
 * Harmonics-to-noise ratio as Praat's `To Harmonicity (cc)` computes it (Boersma 1993).
 *
 * Per frame: a window of one period of the pitch floor (13.3 ms at 75 Hz) is cross-correlated with
 * the same-length stretch at every lag, each lag normalised by the energies of both stretches
 * (forward cross-correlation, so the short window needs no taper and no window correction). The
 * largest local maximum, refined by sinc interpolation between lags, is the periodic fraction r of
 * the energy and HNR = 10·log10(r / (1 - r)). The short window follows fast pitch changes, which
 * the 40 ms Hann autocorrelation of the pitch tracker smears (2–5 dB lower on speech).
 *
 * A frame counts ("sounding") as Praat's path finder would have it with Harmonicity's settings
 * (no voicing threshold, no costs): when r beats the unvoiced score 2 - intensity / silence
 * threshold, intensity being the frame's peak relative to the recording's.
 */
import { AudioInputError } from './errors.ts';
import { CrossCorrelation } from './real-fft.ts';

export const HNR_MIN_DB = -20;
export const HNR_MAX_DB = 60;

/** 10·log10(r / (1 - r)), clamped so a pure tone or pure noise gives a finite number. */
export function hnrDb(r: number): number {
  if (!(r > 0)) return HNR_MIN_DB;
  if (r >= 1) return HNR_MAX_DB;
  const db = 10 * Math.log10(r / (1 - r));
  return Math.max(HNR_MIN_DB, Math.min(HNR_MAX_DB, db));
}

export interface HarmonicityOptions {
  readonly sampleRate: number;
  /** Pitch floor in Hz; one period of it is the window. Default 75 (Praat). */
  readonly minPitch?: number;
  /** Periods of the floor per window. Default 1.0 (Praat's default for cc). */
  readonly periodsPerWindow?: number;
  /** Fraction of the recording's peak below which a frame is silent. Default 0.1 (Praat). */
  readonly silenceThreshold?: number;
}

export interface HarmonicityFrame {
  /** Periodic fraction of the energy (0..1); 0 when no lag correlates positively or the frame was skipped. */
  readonly r: number;
  /** Whether Praat would give this frame a value (rather than "silent"). */
  readonly sounding: boolean;
}

/** Most lags searched by sinc interpolation around a peak (r is smooth; more changes r by < 1e-4). */
const SINC_DEPTH = 40;
/** Peaks refined beyond the parabolic estimate: the strongest few are the only ones that can win. */
const REFINED_PEAKS = 3;
/** Peaks whose parabolic height is this far below the best cannot overtake it after refinement. */
const REFINE_MARGIN = 0.05;

export class HarmonicityAnalyzer {
  /** Samples needed before the frame centre. */
  readonly before: number;
  /** Samples needed after the frame centre. */
  readonly after: number;
  /** Length of the buffer `analyze` takes: before + 1 + after, centre at index `before`. */
  readonly length: number;
  private readonly period: number;
  private readonly halfWindow: number;
  private readonly windowSamples: number;
  private readonly maxLag: number;
  private readonly halfPeriod: number;
  private readonly start: number;
  private readonly silenceThreshold: number;
  private readonly r: Float64Array;
  private readonly x: Float64Array;
  private readonly products: Float64Array;
  private readonly xcorr: CrossCorrelation;
  private readonly peakLag: Float64Array;
  private readonly peakHeight: Float64Array;

  constructor(options: HarmonicityOptions) {
    const fs = options.sampleRate;
    const minPitch = options.minPitch ?? 75;
    const ppw = options.periodsPerWindow ?? 1;
    this.silenceThreshold = options.silenceThreshold ?? 0.1;
    if (!(fs > 0) || !(minPitch > 0) || !(ppw > 0) || !(this.silenceThreshold >= 0)) {
      throw new AudioInputError('invalid-options', `harmonicity: invalid options ${JSON.stringify(options)}`);
    }
    // Sample counts as Praat derives them, so the window and lag range match at any rate.
    this.period = Math.floor(fs / minPitch);
    this.halfPeriod = Math.floor(this.period / 2) + 1;
    this.halfWindow = Math.floor(Math.floor((ppw / minPitch) * fs) / 2) - 1;
    if (this.halfWindow < 2) throw new AudioInputError('invalid-options', 'harmonicity: analysis window too short');
    this.windowSamples = 2 * this.halfWindow;
    this.maxLag = Math.min(Math.floor(this.windowSamples / ppw) + 2, this.windowSamples);
    // The correlated stretch starts half of (one floor period + the window) before the centre.
    this.start = Math.ceil(0.5 * (1 / minPitch + ppw / minPitch) * fs);
    this.before = Math.max(this.start, this.period - 1);
    this.after = Math.max(this.period, this.windowSamples - 1 + this.maxLag - this.start, this.halfWindow);
    this.length = this.before + 1 + this.after;
    this.r = new Float64Array(this.maxLag + 1);
    this.peakLag = new Float64Array(this.maxLag);
    this.peakHeight = new Float64Array(this.maxLag);
    this.x = new Float64Array(this.windowSamples + this.maxLag);
    this.products = new Float64Array(this.maxLag + 1);
    let size = 2;
    while (size < this.windowSamples + this.maxLag) size *= 2;
    this.xcorr = new CrossCorrelation(size);
  }

  /**
   * One frame. `frame` holds `length` samples with the frame centre at index `before`;
   * `globalPeak` is the loudest |sample| of the recording (or of the stream so far). With
   * `always`, r is computed even where the frame is too quiet to count (for voiced frames of the
   * pitch track, which uses a lower silence threshold).
   */
  analyze(frame: ArrayLike<number>, globalPeak: number, always = false): HarmonicityFrame {
    const c = this.before;
    let mean = 0;
    for (let i = c + 1 - this.period; i <= c + this.period; i++) mean += frame[i] ?? 0;
    mean /= 2 * this.period;
    let localPeak = 0;
    const lo = Math.max(1, this.halfWindow + 1 - this.halfPeriod);
    const hi = Math.min(this.windowSamples, this.halfWindow + this.halfPeriod);
    for (let j = lo; j <= hi; j++) {
      const v = Math.abs((frame[c - this.halfWindow + j] ?? 0) - mean);
      if (v > localPeak) localPeak = v;
    }
    const intensity = globalPeak > 0 ? Math.min(1, localPeak / globalPeak) : 0;
    const unvoiced = this.silenceThreshold > 0 ? Math.max(0, 2 - intensity / this.silenceThreshold) : 0;
    // r never exceeds 1, so a frame this quiet cannot count: skip the correlation.
    if (localPeak === 0 || (unvoiced >= 1 && !always)) return { r: 0, sounding: false };
    const r = this.correlate(frame, mean);
    return { r, sounding: r > unvoiced };
  }

  /** Best normalised cross-correlation peak over lags 2..maxLag-1, sinc-refined. */
  private correlate(frame: ArrayLike<number>, mean: number): number {
    const n = this.windowSamples;
    const x = this.x;
    const from = this.before - this.start;
    for (let i = 0; i < x.length; i++) x[i] = (frame[from + i] ?? 0) - mean;
    let sumx2 = 0;
    for (let j = 0; j < n; j++) sumx2 += x[j]! * x[j]!;
    const r = this.r;
    r.fill(0);
    if (!(sumx2 > 0)) return 0;
    r[0] = 1;
    const products = this.xcorr.compute(x, n, x, x.length, this.products);
    let sumy2 = sumx2;
    for (let lag = 1; lag <= this.maxLag; lag++) {
      const drop = x[lag - 1]!;
      const add = x[lag + n - 1]!;
      // Running energy of the lagged stretch; clamp the rounding drift of long sums at silence.
      sumy2 = Math.max(0, sumy2 + add * add - drop * drop);
      r[lag] = sumy2 > 0 ? products[lag]! / Math.sqrt(sumx2 * sumy2) : 0;
    }
    // Local maxima with their parabolic heights; only the few that can win get sinc-refined.
    const lags = this.peakLag;
    const heights = this.peakHeight;
    let count = 0;
    let top = 0;
    for (let i = 2; i < this.maxLag; i++) {
      const a = r[i - 1]!;
      const b = r[i]!;
      const d = r[i + 1]!;
      if (!(b > 0 && b > a && b >= d)) continue;
      const curvature = 2 * b - a - d;
      const shift = curvature > 0 ? (0.5 * (d - a)) / curvature : 0;
      const height = fold(b + 0.25 * (d - a) * shift);
      if (height < top - REFINE_MARGIN) continue;
      if (height > top) top = height;
      lags[count] = i + shift;
      heights[count++] = height;
    }
    let best = 0;
    for (let pick = 0; pick < REFINED_PEAKS; pick++) {
      let arg = -1;
      for (let k = 0; k < count; k++) if (heights[k]! >= top - REFINE_MARGIN && (arg < 0 || heights[k]! > heights[arg]!)) arg = k;
      if (arg < 0) break;
      heights[arg] = -1;
      best = Math.max(best, this.refine(lags[arg]!));
    }
    return best;
  }

  /**
   * Largest sinc-interpolated r near `lag`, folded. Near its top the interpolated r is a parabola to
   * well below 1e-4, so two parabola fits (±0.5 lag, then ±0.05 lag around the first vertex) find it.
   */
  private refine(lag: number): number {
    let at = lag;
    let top = this.sinc(at);
    for (let h = 0.5; h > 0.01; h *= 0.1) {
      const lo = this.sinc(at - h);
      const hi = this.sinc(at + h);
      const curvature = lo - 2 * top + hi;
      if (curvature < 0) {
        at += h * Math.max(-1, Math.min(1, (0.5 * (lo - hi)) / curvature));
        top = this.sinc(at);
      } else if (lo > top || hi > top) {
        at += lo > hi ? -h : h;
        top = Math.max(lo, hi);
      }
    }
    return fold(top);
  }

  /**
   * r at a fractional lag (r is even in the lag, known on -maxLag..maxLag). Hann-tapered sinc; as
   * in Praat, fewer points near the ends of the lag range, down to cubic, linear or nearest, so a
   * peak next to the last lag cannot ring above its neighbours.
   */
  private sinc(at: number): number {
    const r = this.r;
    const max = this.maxLag;
    if (at >= max) return r[max]!;
    const left = Math.floor(at);
    const frac = at - left;
    if (frac === 0) return rAt(r, left);
    const depth = Math.min(SINC_DEPTH, max - left, left + max + 1);
    if (depth <= 0) return rAt(r, Math.round(at));
    const yl = rAt(r, left);
    const yr = rAt(r, left + 1);
    if (depth === 1) return yl + frac * (yr - yl);
    if (depth === 2) {
      const dl = 0.5 * (yr - rAt(r, left - 1));
      const dr = 0.5 * (rAt(r, left + 2) - yl);
      const rest = 1 - frac;
      return yl * rest + yr * frac - frac * rest * (0.5 * (dr - dl) + (frac - 0.5) * (dl + dr - 2 * (yr - yl)));
    }
    const sinFrac = Math.sin(Math.PI * frac);
    // Left of `at`: distances frac, frac + 1, …; right: 1 - frac, 2 - frac, ….
    return taperedSide(r, left, -1, frac, depth, sinFrac) + taperedSide(r, left + 1, 1, 1 - frac, depth, sinFrac);
  }
}

/** r at an integer lag of either sign (r is even). */
function rAt(r: Float64Array, lag: number): number {
  return r[lag < 0 ? -lag : lag]!;
}

/**
 * One side of the tapered sinc sum: points `from`, `from + dir`, … at distances first, first + 1, …
 * from the interpolation point, Hann-tapered to zero just past the last one; the taper's cosine
 * is stepped by rotation instead of a cos per term.
 */
function taperedSide(r: Float64Array, from: number, dir: number, first: number, depth: number, sinFrac: number): number {
  const width = depth + first;
  const cs = Math.cos(Math.PI / width);
  const sn = Math.sin(Math.PI / width);
  let c = Math.cos((Math.PI * first) / width);
  let s = Math.sin((Math.PI * first) / width);
  let sum = 0;
  for (let k = 0; k < depth; k++) {
    // |sin(π·d)| = sin(π·frac) at every point; the sign alternates.
    const sincValue = ((k & 1) === 0 ? sinFrac : -sinFrac) / (Math.PI * (first + k));
    sum += rAt(r, from + dir * k) * sincValue * (0.5 + 0.5 * c);
    const nc = c * cs - s * sn;
    s = s * cs + c * sn;
    c = nc;
  }
  return sum;
}

/** Values above 1 (interpolation overshoot on a nearly periodic frame) are folded back as Praat does. */
function fold(v: number): number {
  return v > 1 ? 1 / v : v;
}
