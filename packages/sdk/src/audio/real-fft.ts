/**
 * Power spectrum and autocorrelation of real signals with a half-size complex FFT (the usual
 * even/odd packing), which halves the cost of the two transforms every pitch frame needs.
 */
import { HireNetError } from '../util/errors.ts';
import { Fft } from './fft.ts';

export class RealFft {
  readonly size: number;
  private readonly half: Fft;
  private readonly re: Float64Array;
  private readonly im: Float64Array;
  private readonly twr: Float64Array;
  private readonly twi: Float64Array;
  /** |X[k]|² for k = 0..size/2 after `power`. */
  readonly spectrum: Float64Array;

  constructor(size: number) {
    if (size < 4) throw new HireNetError('invalid-input', 'RealFft size must be >= 4');
    this.size = size;
    this.half = new Fft(size / 2);
    this.re = new Float64Array(size / 2);
    this.im = new Float64Array(size / 2);
    this.twr = new Float64Array(size / 2);
    this.twi = new Float64Array(size / 2);
    for (let k = 0; k < size / 2; k++) {
      this.twr[k] = Math.cos((2 * Math.PI * k) / size);
      this.twi[k] = -Math.sin((2 * Math.PI * k) / size);
    }
    this.spectrum = new Float64Array(size / 2 + 1);
  }

  /** Fills `spectrum` with |X[k]|² of `x` zero-padded to `size`. */
  power(x: ArrayLike<number>, length = x.length): Float64Array {
    const h = this.size / 2;
    const { re, im, twr, twi } = this;
    const pairs = Math.min(h, length >> 1);
    for (let j = 0; j < pairs; j++) {
      re[j] = x[2 * j]!;
      im[j] = x[2 * j + 1]!;
    }
    let from = pairs;
    if ((length & 1) === 1 && pairs < h) {
      re[pairs] = x[length - 1]!;
      im[pairs] = 0;
      from++;
    }
    re.fill(0, from);
    im.fill(0, from);
    this.half.transform(re, im);
    const s = this.spectrum;
    // k = 0 and k = h only need the sum and difference of the packed DC term.
    s[0] = (re[0]! + im[0]!) ** 2;
    s[h] = (re[0]! - im[0]!) ** 2;
    for (let k = 1; k < h; k++) {
      const b = h - k;
      const rk = re[k]!;
      const ik = im[k]!;
      const rb = re[b]!;
      const ib = im[b]!;
      // Even part E = (Z[k] + conj Z[h-k]) / 2, odd part O = (Z[k] - conj Z[h-k]) / (2i).
      const er = (rk + rb) * 0.5;
      const ei = (ik - ib) * 0.5;
      const or = (ik + ib) * 0.5;
      const oi = (rb - rk) * 0.5;
      const c = twr[k]!;
      const d = twi[k]!;
      const xr = er + c * or - d * oi;
      const xi = ei + c * oi + d * or;
      s[k] = xr * xr + xi * xi;
    }
    return s;
  }

  /** Circular autocorrelation (lags 0..out.length-1) from the last `power` call's spectrum. */
  autocorrelation(out: Float64Array): Float64Array {
    const h = this.size / 2;
    const { re, im, twr, twi } = this;
    const p = this.spectrum;
    for (let k = 0; k < h; k++) {
      // P is real and even, so P[k + h] = P[h - k].
      const a = p[k]!;
      const b = p[h - k]!;
      const e = (a + b) / 2;
      const o = (a - b) / 2;
      // Z[k] = E[k] + i·O[k], O[k] = o·e^{+2πik/N} (twi holds -sin).
      re[k] = e + o * twi[k]!;
      im[k] = o * twr[k]!;
    }
    this.half.transform(re, im, true);
    for (let i = 0; i < out.length; i++) out[i] = (i & 1) === 0 ? re[i >> 1]! : im[i >> 1]!;
    return out;
  }
}

/**
 * Linear cross-correlation of two real signals, c[lag] = Σ_j a[j]·b[j + lag] for lag ≥ 0: one
 * complex FFT carries both inputs (as real and imaginary parts), and as c is real the inverse
 * runs at half size (even samples as the real part, odd ones as the imaginary part).
 */
export class CrossCorrelation {
  readonly size: number;
  private readonly fft: Fft;
  private readonly half: Fft;
  private readonly re: Float64Array;
  private readonly im: Float64Array;
  private readonly hr: Float64Array;
  private readonly hi: Float64Array;
  private readonly twr: Float64Array;
  private readonly twi: Float64Array;

  constructor(size: number) {
    this.fft = new Fft(size);
    this.half = new Fft(size / 2);
    this.size = size;
    this.re = new Float64Array(size);
    this.im = new Float64Array(size);
    this.hr = new Float64Array(size / 2);
    this.hi = new Float64Array(size / 2);
    this.twr = new Float64Array(size / 2);
    this.twi = new Float64Array(size / 2);
    for (let k = 0; k < size / 2; k++) {
      this.twr[k] = Math.cos((2 * Math.PI * k) / size);
      this.twi[k] = Math.sin((2 * Math.PI * k) / size);
    }
  }

  /** Fills out[0..out.length) from a[0..aLength) and b[0..bLength); b is zero beyond bLength. */
  compute(
    a: ArrayLike<number>,
    aLength: number,
    b: ArrayLike<number>,
    bLength: number,
    out: Float64Array,
  ): Float64Array {
    const n = this.size;
    const h = n / 2;
    if (aLength + out.length - 1 > n || bLength > n) {
      throw new HireNetError(
        'invalid-input',
        `cross-correlation of ${aLength} and ${bLength} samples over ${out.length} lags needs more than ${n} points`,
      );
    }
    const { re, im, hr, hi, twr, twi } = this;
    for (let i = 0; i < n; i++) {
      re[i] = i < aLength ? a[i]! : 0;
      im[i] = i < bLength ? b[i]! : 0;
    }
    this.fft.transform(re, im);
    // C[k] = conj(A[k])·B[k], A = (Z[k] + conj Z[-k]) / 2, B = (Z[k] - conj Z[-k]) / 2i, for k ≤ h.
    for (let k = 0; k <= h; k++) {
      const m = (n - k) % n;
      const zr = re[k]!;
      const zi = im[k]!;
      const wr = re[m]!;
      const wi = -im[m]!;
      const ar = 0.5 * (zr + wr);
      const ai = 0.5 * (zi + wi);
      const br = 0.5 * (zi - wi);
      const bi = -0.5 * (zr - wr);
      // In place is safe: later k only read Z[n-k] with n-k > h, which this loop never writes.
      re[k] = ar * br + ai * bi;
      im[k] = ar * bi - ai * br;
    }
    // Half-size inverse of a Hermitian spectrum: Z[k] = E[k] + i·O[k] with
    // E = (C[k] + conj C[h-k]) / 2 and O = (C[k] - conj C[h-k]) / 2 · e^{+2πik/n}.
    for (let k = 0; k < h; k++) {
      const cr = re[k]!;
      const ci = im[k]!;
      const dr = re[h - k]!;
      const di = -im[h - k]!;
      const er = 0.5 * (cr + dr);
      const ei = 0.5 * (ci + di);
      const pr = 0.5 * (cr - dr);
      const pi = 0.5 * (ci - di);
      const or = pr * twr[k]! - pi * twi[k]!;
      const oi = pr * twi[k]! + pi * twr[k]!;
      hr[k] = er - oi;
      hi[k] = ei + or;
    }
    this.half.transform(hr, hi, true);
    for (let i = 0; i < out.length; i++) out[i] = (i & 1) === 0 ? hr[i >> 1]! : hi[i >> 1]!;
    return out;
  }
}
