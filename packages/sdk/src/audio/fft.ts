/**
 * In-place radix-2 complex FFT on Float64Arrays.
 *
 * Meyda's fftjs allocates plain arrays on every call, which alone would cost more than the whole
 * 100x-real-time budget, so the hot paths (pitch autocorrelation, spectra) share this one.
 * Tables are built once per size and reused by every frame.
 */
import { HireNetError } from '../util/errors.ts';
export class Fft {
  readonly size: number;
  private readonly cos: Float64Array;
  private readonly sin: Float64Array;
  private readonly rev: Uint32Array;

  constructor(size: number) {
    if (!Number.isInteger(size) || size < 2 || (size & (size - 1)) !== 0) {
      throw new HireNetError('invalid-input', `FFT size must be a power of two >= 2, got ${size}`);
    }
    this.size = size;
    this.cos = new Float64Array(size / 2);
    this.sin = new Float64Array(size / 2);
    for (let i = 0; i < size / 2; i++) {
      this.cos[i] = Math.cos((2 * Math.PI * i) / size);
      this.sin[i] = -Math.sin((2 * Math.PI * i) / size);
    }
    this.rev = new Uint32Array(size);
    const bits = Math.log2(size);
    for (let i = 0; i < size; i++) {
      let r = 0;
      for (let b = 0; b < bits; b++) r |= ((i >> b) & 1) << (bits - 1 - b);
      this.rev[i] = r;
    }
  }

  /** Forward transform (sign -1) of re + i·im, in place. `inverse` conjugates and scales by 1/N. */
  transform(re: Float64Array, im: Float64Array, inverse = false): void {
    const n = this.size;
    const rev = this.rev;
    const cos = this.cos;
    const sin = this.sin;
    for (let i = 0; i < n; i++) {
      const j = rev[i]!;
      if (j > i) {
        const tr = re[i]!;
        re[i] = re[j]!;
        re[j] = tr;
        const ti = im[i]!;
        im[i] = im[j]!;
        im[j] = ti;
      }
    }
    const sign = inverse ? -1 : 1;
    let len = 2;
    if ((Math.log2(n) & 1) === 1) {
      // Odd number of stages: one plain length-2 stage (twiddle 1) first.
      for (let a = 0; a < n; a += 2) {
        const br = re[a + 1]!;
        const bi = im[a + 1]!;
        const ar = re[a]!;
        const ai = im[a]!;
        re[a + 1] = ar - br;
        im[a + 1] = ai - bi;
        re[a] = ar + br;
        im[a] = ai + bi;
      }
      len = 4;
    }
    // Two radix-2 stages per pass (radix-2²): each element is loaded and stored once per pair
    // of stages, which is what costs in JavaScript. Stage A has span h, stage B span 2h.
    for (; len <= n; len <<= 2) {
      const h = len >> 1;
      const quad = len << 1;
      const stepA = n / len;
      const stepB = n / quad;
      for (let k = 0; k < h; k++) {
        const w1r = cos[k * stepA]!;
        const w1i = sign * sin[k * stepA]!;
        const w2r = cos[k * stepB]!;
        const w2i = sign * sin[k * stepB]!;
        for (let g = k; g < n; g += quad) {
          const i1 = g + h;
          const i2 = g + 2 * h;
          const i3 = g + 3 * h;
          const x0r = re[g]!;
          const x0i = im[g]!;
          const x1r = re[i1]! * w1r - im[i1]! * w1i;
          const x1i = re[i1]! * w1i + im[i1]! * w1r;
          const x2r = re[i2]!;
          const x2i = im[i2]!;
          const x3r = re[i3]! * w1r - im[i3]! * w1i;
          const x3i = re[i3]! * w1i + im[i3]! * w1r;
          const a0r = x0r + x1r;
          const a0i = x0i + x1i;
          const a1r = x0r - x1r;
          const a1i = x0i - x1i;
          const a2r = x2r + x3r;
          const a2i = x2i + x3i;
          const a3r = x2r - x3r;
          const a3i = x2i - x3i;
          // Stage B: (a0, a2) with w2; (a1, a3) with w2 · (∓i).
          const b2r = a2r * w2r - a2i * w2i;
          const b2i = a2r * w2i + a2i * w2r;
          const t3r = a3r * w2r - a3i * w2i;
          const t3i = a3r * w2i + a3i * w2r;
          const b3r = sign * t3i;
          const b3i = -sign * t3r;
          re[g] = a0r + b2r;
          im[g] = a0i + b2i;
          re[i2] = a0r - b2r;
          im[i2] = a0i - b2i;
          re[i1] = a1r + b3r;
          im[i1] = a1i + b3i;
          re[i3] = a1r - b3r;
          im[i3] = a1i - b3i;
        }
      }
    }
    if (inverse) {
      const s = 1 / n;
      for (let i = 0; i < n; i++) {
        re[i] = re[i]! * s;
        im[i] = im[i]! * s;
      }
    }
  }
}

/** Hann window of `n` points, symmetric (both ends zero) as Praat and openSMILE use it. */
export function hann(n: number): Float64Array {
  const w = new Float64Array(n);
  for (let i = 0; i < n; i++) w[i] = 0.5 - 0.5 * Math.cos((2 * Math.PI * (i + 0.5)) / n);
  return w;
}
