/**
 * Spectral descriptors of one 25 ms frame (eGeMAPS-style): loudness (Meyda, Zwicker-like Bark
 * sum), MFCC 1–4 (Meyda's Mel filter bank and log/DCT definition, applied sparsely because
 * Meyda's own extractor allocates 26 arrays per call), alpha ratio, Hammarberg index, spectral
 * slopes 0–500 / 500–1500 Hz, spectral flux (Meyda 5.6.3's flux throws), and frame intensity.
 */
import { hann } from './fft.ts';
import { RealFft } from './real-fft.ts';
import { createMeydaInstance, type MeydaInstance } from './meyda-instance.ts';

export interface SpectralFeatures {
  /** Meyda total loudness (sum of specific loudness over 24 Bark bands). */
  readonly loudness: number;
  /** Frame energy in dB re full scale (Hann-weighted mean square). */
  readonly intensityDb: number;
  /** dB: energy 50–1000 Hz over energy 1–5 kHz. */
  readonly alphaRatio: number;
  /** dB: strongest bin 0–2 kHz over strongest bin 2–5 kHz. */
  readonly hammarbergIndex: number;
  /** dB per Hz: least-squares slope of the dB power spectrum over 0–500 Hz. */
  readonly slope0to500: number;
  /** dB per Hz over 500–1500 Hz. */
  readonly slope500to1500: number;
  /** Squared L2 distance between this and the previous frame's sum-normalised magnitude spectra. */
  readonly flux: number;
  /** MFCC 1..4 (Meyda's definition). */
  readonly mfcc: [number, number, number, number];
}

const EPS = 1e-12;
export const SILENT_DB = -120;

export class SpectralAnalyzer {
  readonly frameLength: number;
  private readonly fs: number;
  private readonly n: number;
  private readonly fft: RealFft;
  private readonly buf: Float64Array;
  private readonly amp: Float32Array;
  private readonly window: Float64Array;
  private readonly windowPower: number;
  private readonly meyda: MeydaInstance;
  private readonly melRanges: { start: number; weights: Float64Array }[];
  private readonly dctTable: Float64Array;
  private prevNorm: Float64Array | null = null;
  private readonly normA: Float64Array;
  private readonly normB: Float64Array;
  /** First bin at or above each band edge (Hz in the name). */
  private readonly bands: Record<'a0' | 'a50' | 'a500' | 'a1000' | 'a1500' | 'a2000' | 'a5000', number>;

  /** `frameSeconds` of signal (default 25 ms) zero-padded to the next power of two. */
  constructor(sampleRate: number, frameSeconds = 0.025) {
    this.fs = sampleRate;
    this.frameLength = Math.round(frameSeconds * sampleRate);
    let n = 2;
    while (n < this.frameLength) n *= 2;
    this.n = n;
    this.fft = new RealFft(n);
    this.buf = new Float64Array(this.frameLength);
    this.amp = new Float32Array(n / 2);
    this.window = hann(this.frameLength);
    this.windowPower = this.window.reduce((s, v) => s + v * v, 0);
    this.meyda = createMeydaInstance(sampleRate, n);
    this.normA = new Float64Array(n / 2);
    this.normB = new Float64Array(n / 2);
    const bin = (hz: number): number => Math.min(n / 2, Math.ceil(hz / (sampleRate / n)));
    this.bands = {
      a0: 0,
      a50: bin(50),
      a500: bin(500),
      a1000: bin(1000),
      a1500: bin(1500),
      a2000: bin(2000),
      a5000: bin(5000),
    };
    this.melRanges = this.meyda.melFilterBank.map((row) => {
      let start = row.findIndex((v) => v !== 0);
      if (start < 0) start = 0;
      let end = row.length;
      while (end > start && row[end - 1] === 0) end--;
      return { start, weights: Float64Array.from(row.slice(start, end)) };
    });
    const m = this.melRanges.length;
    this.dctTable = new Float64Array(5 * m);
    for (let k = 0; k < 5; k++) {
      for (let i = 0; i < m; i++) this.dctTable[k * m + i] = 2 * Math.cos((Math.PI / m) * (i + 0.5) * k);
    }
  }

  analyze(frame: ArrayLike<number>): SpectralFeatures {
    const { buf, n } = this;
    // Remove the frame's DC first: an offset (cheap sound cards) would otherwise read as loud
    // "silence" and tilt the lowest band.
    let dc = 0;
    for (let i = 0; i < this.frameLength; i++) dc += frame[i] ?? 0;
    dc /= this.frameLength;
    let sq = 0;
    for (let i = 0; i < this.frameLength; i++) {
      const v = ((frame[i] ?? 0) - dc) * this.window[i]!;
      buf[i] = v;
      sq += v * v;
    }
    const pow = this.fft.power(buf);
    const bins = n / 2;
    const amp = this.amp;
    let ampSum = 0;
    for (let k = 0; k < bins; k++) {
      amp[k] = Math.sqrt(pow[k]!);
      ampSum += amp[k]!;
    }
    const intensityDb = sq > 0 ? Math.max(SILENT_DB, 10 * Math.log10(sq / this.windowPower)) : SILENT_DB;
    const loud = this.meyda.extractors.loudness!({
      ampSpectrum: amp,
      barkScale: this.meyda.barkScale,
      numberOfBarkBands: 24,
    }) as {
      total: number;
    };
    const silent = sq <= EPS;
    const b = this.bands;
    // Flux on sum-normalised magnitudes so it measures change of shape, not of level.
    const norm = this.prevNorm === this.normA ? this.normB : this.normA;
    const inv = ampSum > 0 ? 1 / ampSum : 0;
    let flux = 0;
    for (let k = 0; k < bins; k++) {
      norm[k] = amp[k]! * inv;
      if (this.prevNorm !== null) flux += (norm[k]! - this.prevNorm[k]!) ** 2;
    }
    this.prevNorm = norm;
    return {
      loudness: Number.isFinite(loud.total) ? loud.total : 0,
      intensityDb,
      alphaRatio: silent
        ? 0
        : 10 * Math.log10((bandSum(pow, b.a50, b.a1000) + EPS) / (bandSum(pow, b.a1000, b.a5000) + EPS)),
      hammarbergIndex: silent
        ? 0
        : 10 * Math.log10((bandMax(pow, b.a0, b.a2000) + EPS) / (bandMax(pow, b.a2000, b.a5000) + EPS)),
      slope0to500: silent ? 0 : dbSlope(pow, b.a0, b.a500, this.fs / n),
      slope500to1500: silent ? 0 : dbSlope(pow, b.a500, b.a1500, this.fs / n),
      flux,
      mfcc: this.mfcc(pow),
    };
  }

  /** Meyda's MFCC: DCT-II (scale 2) of ln(1 + Mel-filtered power). */
  private mfcc(pow: Float64Array): [number, number, number, number] {
    const m = this.melRanges.length;
    const logMel = new Float64Array(m);
    for (let i = 0; i < m; i++) {
      const { start, weights } = this.melRanges[i]!;
      let s = 0;
      for (let k = 0; k < weights.length; k++) s += weights[k]! * (pow[start + k] ?? 0);
      logMel[i] = Math.log(s + 1);
    }
    const out: [number, number, number, number] = [0, 0, 0, 0];
    for (let c = 1; c <= 4; c++) {
      let s = 0;
      for (let i = 0; i < m; i++) s += logMel[i]! * this.dctTable[c * m + i]!;
      out[c - 1] = s;
    }
    return out;
  }
}

/** Sum of bins [a, b). */
function bandSum(pow: Float64Array, a: number, b: number): number {
  let s = 0;
  for (let k = a; k < b; k++) s += pow[k]!;
  return s;
}

function bandMax(pow: Float64Array, a: number, b: number): number {
  let s = 0;
  for (let k = a; k < b; k++) if (pow[k]! > s) s = pow[k]!;
  return s;
}

/** Least-squares slope (dB per Hz) of 10·log10(power) over bins [a, b). */
function dbSlope(pow: Float64Array, a: number, b: number, hz: number): number {
  let sx = 0;
  let sy = 0;
  let sxx = 0;
  let sxy = 0;
  const c = b - a;
  for (let k = a; k < b; k++) {
    const x = k * hz;
    const y = 10 * Math.log10(pow[k]! + EPS);
    sx += x;
    sy += y;
    sxx += x * x;
    sxy += x * y;
  }
  const d = c * sxx - sx * sx;
  return c < 2 || d === 0 ? 0 : (c * sxy - sx * sy) / d;
}
