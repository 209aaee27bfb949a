/**
 * Streaming band-limited resampler (windowed-sinc interpolation at an arbitrary ratio).
 *
 * Every descriptor is computed at 16 kHz whatever the source (44.1 kHz files, a 48 kHz
 * microphone), so the same thresholds and window lengths apply everywhere. State carries over
 * between `process` calls, so a 2-hour file or a live stream is converted block by block.
 */
import { HireNetError } from '../util/errors.ts';
/** Kernel phases per input sample: exact for 44.1/48/22.05/8 kHz → 16 kHz, ≤ 1/1000 sample off otherwise. */
const PHASES = 640;

export class Resampler {
  readonly inRate: number;
  readonly outRate: number;
  private readonly ratio: number;
  private readonly halfTaps: number;
  private readonly cutoff: number;
  /** Input samples not yet fully consumed, plus `halfTaps` of history. */
  private buf: Float32Array;
  private bufLen: number;
  /**
   * Position of the next output sample relative to buf[0]: integer part plus num/den. Exact
   * integer bookkeeping, so how the stream is chunked never changes the output.
   */
  private pos: number;
  private num = 0;
  private readonly den: number;
  private readonly stepInt: number;
  private readonly stepNum: number;
  private readonly passthrough: boolean;
  /** One precomputed kernel per phase: trig per tap would blow the time budget. */
  private readonly table: Float64Array;
  private readonly taps: number;

  constructor(inRate: number, outRate: number, halfTaps = 8) {
    if (!(inRate > 0) || !(outRate > 0) || !Number.isFinite(inRate) || !Number.isFinite(outRate)) {
      throw new HireNetError('invalid-input', `invalid sample rates ${inRate} -> ${outRate}`);
    }
    this.inRate = inRate;
    this.outRate = outRate;
    this.ratio = inRate / outRate;
    this.passthrough = inRate === outRate;
    // Below the lower Nyquist, with a small guard band for the window's transition.
    this.cutoff = Math.min(1, outRate / inRate) * 0.95;
    this.halfTaps = Math.ceil(halfTaps / Math.min(1, this.cutoff));
    this.buf = new Float32Array(4096);
    this.bufLen = this.halfTaps; // leading zeros stand in for the signal before time 0
    this.pos = this.halfTaps;
    // Integer rates step by exact fractions; other rates are approximated to 1/2^20 sample.
    const integral = Number.isInteger(inRate) && Number.isInteger(outRate);
    const g = integral ? gcd(inRate, outRate) : 1;
    this.den = integral ? outRate / g : 1 << 20;
    const stepTotal = integral ? inRate / g : Math.round(this.ratio * this.den);
    this.stepInt = Math.floor(stepTotal / this.den);
    this.stepNum = stepTotal - this.stepInt * this.den;
    const h = this.halfTaps;
    const c = this.cutoff;
    this.taps = 2 * h;
    this.table = new Float64Array((PHASES + 1) * this.taps);
    for (let ph = 0; ph <= PHASES; ph++) {
      const frac = ph / PHASES;
      for (let j = 0; j < this.taps; j++) {
        const x = j - h + 1 - frac;
        const arg = Math.PI * c * x;
        const sinc = x === 0 ? 1 : Math.sin(arg) / arg;
        // Hann taper over the kernel span keeps stop-band leakage low with few taps.
        const w = Math.abs(x) >= h + 1 ? 0 : 0.5 + 0.5 * Math.cos((Math.PI * x) / (h + 1));
        this.table[ph * this.taps + j] = sinc * w * c;
      }
    }
  }

  process(input: Float32Array): Float32Array {
    if (this.passthrough) return input.slice();
    this.append(input);
    const h = this.halfTaps;
    const out = new Float32Array(Math.max(0, Math.ceil((this.bufLen - h - this.pos) / this.ratio)) + 1);
    let n = 0;
    while (this.pos + h < this.bufLen) {
      out[n++] = this.sampleAt(this.pos, this.num / this.den);
      this.advance();
    }
    this.compact();
    return out.subarray(0, n);
  }

  /** Emits what the buffered input still owes (the tail is treated as followed by silence). */
  flush(): Float32Array {
    if (this.passthrough) return new Float32Array(0);
    const end = this.bufLen;
    this.append(new Float32Array(this.halfTaps + 1));
    const out: number[] = [];
    while (this.pos < end) {
      out.push(this.sampleAt(this.pos, this.num / this.den));
      this.advance();
    }
    this.compact();
    return Float32Array.from(out);
  }

  private advance(): void {
    this.pos += this.stepInt;
    this.num += this.stepNum;
    if (this.num >= this.den) {
      this.num -= this.den;
      this.pos += 1;
    }
  }

  private sampleAt(i0: number, frac: number): number {
    const phase = Math.round(frac * PHASES);
    const t = this.table;
    const base = phase * this.taps;
    const first = i0 - this.halfTaps + 1;
    const buf = this.buf;
    let acc = 0;
    for (let j = 0; j < this.taps; j++) acc += buf[first + j]! * t[base + j]!;
    return acc;
  }

  private append(input: Float32Array): void {
    if (this.bufLen + input.length > this.buf.length) {
      const next = new Float32Array(Math.max(this.buf.length * 2, this.bufLen + input.length));
      next.set(this.buf.subarray(0, this.bufLen));
      this.buf = next;
    }
    this.buf.set(input, this.bufLen);
    this.bufLen += input.length;
  }

  private compact(): void {
    const drop = Math.max(0, this.pos - this.halfTaps);
    if (drop === 0) return;
    this.buf.copyWithin(0, drop, this.bufLen);
    this.bufLen -= drop;
    this.pos -= drop;
  }
}

function gcd(a: number, b: number): number {
  while (b !== 0) [a, b] = [b, a % b];
  return a;
}
