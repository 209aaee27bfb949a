/**
 * Per-frame pitch candidates by normalised autocorrelation, after Boersma (1993), the method
 * behind Praat's `To Pitch (ac)`: a Hann-windowed frame of three periods of the pitch floor, its
 * autocorrelation divided by the window's own autocorrelation, local maxima in the allowed lag
 * range as voiced candidates, plus one unvoiced candidate whose strength grows as the frame gets
 * quieter than the loudest part of the signal. Choosing the path through the candidates is
 * pitch-path.ts's job.
 */
import { hann } from './fft.ts';
import { refineEvenPeak } from './peak-interpolation.ts';
import { RealFft } from './real-fft.ts';

/** Points each side in the sinc interpolation of a candidate's peak. */
const PEAK_SINC_DEPTH = 30;

export interface PitchOptions {
  /** Sample rate of the frames in Hz. */
  readonly sampleRate: number;
  /** Pitch floor in Hz; also sets the window (3 periods). Default 75 as Praat. */
  readonly minPitch?: number;
  /** Pitch ceiling in Hz. Default 600. */
  readonly maxPitch?: number;
  /** Most voiced candidates kept per frame. Default 14 (Praat's 15 minus the unvoiced one). */
  readonly maxCandidates?: number;
  /** Praat's silence threshold (fraction of the global peak). Default 0.03. */
  readonly silenceThreshold?: number;
  /** Praat's voicing threshold. Default 0.45. */
  readonly voicingThreshold?: number;
  /** Praat's octave cost per octave below the ceiling (favours higher candidates). Default 0.01. */
  readonly octaveCost?: number;
}

export interface PitchCandidate {
  /** Hz; 0 is the unvoiced candidate. */
  readonly frequency: number;
  /** Viterbi local score (higher is better). */
  readonly strength: number;
  /** Normalised autocorrelation at the candidate's lag (0 for unvoiced). */
  readonly r: number;
}

export interface PitchFrame {
  /** Unvoiced candidate first, then voiced ones. */
  readonly candidates: PitchCandidate[];
  /** Largest |x - mean| within half a longest period of the frame centre. */
  readonly localPeak: number;
  /** Largest normalised autocorrelation in the lag range (0..1): periodicity for HNR/voicing. */
  readonly maxR: number;
  /** Hann-weighted mean square of the window (mean removed): a smooth 40 ms intensity. */
  readonly meanSquare: number;
}

export class PitchAnalyzer {
  readonly sampleRate: number;
  readonly minPitch: number;
  readonly maxPitch: number;
  /** Samples per analysis window. */
  readonly windowLength: number;
  private readonly maxCandidates: number;
  private readonly silenceThreshold: number;
  private readonly voicingThreshold: number;
  private readonly octaveCost: number;
  private readonly window: Float64Array;
  private readonly windowAc: Float64Array;
  private readonly windowPower: number;
  private readonly invWindowAc: Float64Array;
  private readonly fft: RealFft;
  private readonly x: Float64Array;
  private readonly ac: Float64Array;
  private readonly minLag: number;
  private readonly maxLag: number;
  /** Last lag kept for interpolation: half the window, as Praat. */
  private readonly lastLag: number;

  constructor(options: PitchOptions) {
    const fs = options.sampleRate;
    this.sampleRate = fs;
    this.minPitch = options.minPitch ?? 75;
    this.maxPitch = Math.min(options.maxPitch ?? 600, fs / 4);
    this.maxCandidates = options.maxCandidates ?? 14;
    this.silenceThreshold = options.silenceThreshold ?? 0.03;
    this.voicingThreshold = options.voicingThreshold ?? 0.45;
    this.octaveCost = options.octaveCost ?? 0.01;
    this.windowLength = Math.round((3 / this.minPitch) * fs);
    this.window = hann(this.windowLength);
    this.windowPower = this.window.reduce((a, w) => a + w * w, 0);
    // Lags beyond half the window are too poorly estimated (Praat stops there as well).
    this.minLag = Math.max(2, Math.floor(fs / this.maxPitch));
    this.maxLag = Math.min(Math.ceil(fs / this.minPitch), Math.floor(this.windowLength / 2));
    this.lastLag = Math.max(this.maxLag + 1, Math.floor(this.windowLength / 2));
    let n = 2;
    while (n < this.windowLength + this.lastLag + 1) n *= 2;
    this.fft = new RealFft(n);
    this.x = new Float64Array(this.windowLength);
    this.ac = new Float64Array(this.lastLag + 1);
    this.windowAc = new Float64Array(this.lastLag + 1);
    this.autocorrelate(this.window, this.windowAc);
    const w0 = this.windowAc[0]!;
    for (let i = 0; i < this.windowAc.length; i++) this.windowAc[i] = this.windowAc[i]! / w0;
    this.invWindowAc = this.windowAc.map((v) => (v > 0 ? 1 / v : 0));
  }

  /**
   * Candidates of one frame. `frame` holds `windowLength` samples centred on the frame time;
   * `globalPeak` is the loudest |sample| of the signal so far (or of the whole file).
   */
  analyze(frame: ArrayLike<number>, globalPeak: number): PitchFrame {
    const n = this.windowLength;
    // As Praat: the mean removed is that of one longest period either side of the centre.
    const period = Math.floor(this.sampleRate / this.minPitch);
    const centre = n >> 1;
    let mean = 0;
    for (let i = Math.max(0, centre + 1 - period); i <= Math.min(n - 1, centre + period); i++) mean += frame[i] ?? 0;
    mean /= 2 * period;
    let localPeak = 0;
    const x = this.x;
    // As Praat: the frame's level is its peak within half a longest period of the centre, so a
    // burst at the window's edge (speech onset next to silence) does not make a silent frame loud.
    const reach = Math.round((0.5 * this.sampleRate) / this.minPitch);
    const lo = Math.max(0, (n >> 1) - reach);
    const hi = Math.min(n, (n >> 1) + reach);
    let energy = 0;
    for (let i = 0; i < n; i++) {
      const v = (frame[i] ?? 0) - mean;
      const wv = v * this.window[i]!;
      if (i >= lo && i < hi && Math.abs(wv) > localPeak) localPeak = Math.abs(wv);
      x[i] = wv;
      energy += wv * wv;
    }
    const meanSquare = energy / this.windowPower;
    const vt = this.voicingThreshold;
    const relPeak = globalPeak > 0 ? localPeak / globalPeak : 0;
    const unvoicedStrength = vt + Math.max(0, 2 - relPeak / (this.silenceThreshold / (1 + vt)));
    const unvoiced: PitchCandidate = { frequency: 0, strength: unvoicedStrength, r: 0 };
    // No voiced candidate can reach 1 + octave cost, so quiet frames skip the transforms: same path, less work.
    if (localPeak === 0 || !Number.isFinite(localPeak) || unvoicedStrength > 1.01) {
      return { candidates: [unvoiced], localPeak, maxR: 0, meanSquare };
    }
    const r = this.ac;
    this.autocorrelate(x, r);
    const inv0 = 1 / r[0]!;
    const invW = this.invWindowAc;
    for (let lag = 0; lag < r.length; lag++) r[lag] = r[lag]! * inv0 * invW[lag]!;

    const voiced: PitchCandidate[] = [];
    let maxR = 0;
    for (let lag = this.minLag; lag <= this.maxLag; lag++) {
      const a = r[lag - 1]!;
      const b = r[lag]!;
      const c = r[lag + 1]!;
      if (!(b > a && b >= c)) continue;
      // Parabolic first guess, then the maximum of the sinc-interpolated r (as Praat).
      const denom = a - 2 * b + c;
      const guess = lag + (denom < 0 ? (0.5 * (a - c)) / denom : 0);
      const approx = fold(b - 0.25 * (a - c) * (guess - lag));
      if (approx > maxR) maxR = approx;
      // Interpolation moves a peak by far less than this margin, so weaker ones cannot become candidates.
      if (approx < 0.4 * vt) continue;
      const refined = refineEvenPeak(r, this.lastLag, guess, PEAK_SINC_DEPTH);
      const shift = refined.lag - lag;
      const peak = fold(refined.value);
      if (peak > maxR) maxR = peak;
      if (peak < 0.5 * vt) continue;
      const frequency = this.sampleRate / (lag + shift);
      if (frequency < this.minPitch || frequency > this.maxPitch) continue;
      // Praat's path finder charges the octave cost relative to the ceiling (never a bonus).
      const strength = peak - this.octaveCost * Math.log2(this.maxPitch / frequency);
      voiced.push({ frequency, strength, r: peak });
    }
    voiced.sort((p, q) => q.strength - p.strength);
    if (voiced.length > this.maxCandidates) voiced.length = this.maxCandidates;
    return { candidates: [unvoiced, ...voiced], localPeak, maxR, meanSquare };
  }

  /** Linear (not circular) autocorrelation of `x` for lags 0..out.length-1 (zero-padded FFT). */
  private autocorrelate(x: ArrayLike<number>, out: Float64Array): void {
    this.fft.power(x);
    this.fft.autocorrelation(out);
  }
}

/** Dividing by the window's autocorrelation can push r over 1 on strong signals; Praat folds it back. */
function fold(v: number): number {
  return v > 1 ? 1 / v : v;
}
