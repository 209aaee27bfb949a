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
import { refineEvenPeak } from './peak-interpolation.ts';
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
  /** r was not computed: the frame is too quiet to count and `always` was not set. */
  readonly skipped: boolean;
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
   * pitch track, which uses a lower silence threshold); without it such a frame comes back
   * `skipped`.
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
    if (localPeak === 0) return { r: 0, sounding: false, skipped: false };
    if (unvoiced >= 1 && !always) return { r: 0, sounding: false, skipped: true };
    const r = this.correlate(frame, mean);
    return { r, sounding: r > unvoiced, skipped: false };
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
      for (let k = 0; k < count; k++) {
        if (heights[k]! >= top - REFINE_MARGIN && (arg < 0 || heights[k]! > heights[arg]!)) arg = k;
      }
      if (arg < 0) break;
      heights[arg] = -1;
      best = Math.max(best, fold(refineEvenPeak(r, this.maxLag, lags[arg]!, SINC_DEPTH).value));
    }
    return best;
  }
}

/** Values above 1 (interpolation overshoot on a nearly periodic frame) are folded back as Praat does. */
function fold(v: number): number {
  return v > 1 ? 1 / v : v;
}
