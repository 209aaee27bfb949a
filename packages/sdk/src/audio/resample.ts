/**
 * Streaming band-limited resampler (windowed-sinc interpolation at an arbitrary ratio).
 *
 * Every descriptor is computed at 16 kHz whatever the source (44.1 kHz files, a 48 kHz
 * microphone), so the same thresholds and window lengths apply everywhere. State carries over
 * between `process` calls, so a 2-hour file or a live stream is converted block by block.
 */
const TABLE_RES = 256;

export class Resampler {
  readonly inRate: number;
  readonly outRate: number;
  private readonly ratio: number;
  private readonly halfTaps: number;
  private readonly cutoff: number;
  /** Input samples not yet fully consumed, plus `halfTaps` of history. */
  private buf: Float32Array;
  private bufLen: number;
  /** Position of the next output sample, in input samples relative to buf[0]. */
  private pos: number;
  private readonly passthrough: boolean;
  /** Kernel sampled every 1/TABLE_RES input samples: trig per tap would blow the time budget. */
  private readonly table: Float64Array;

  constructor(inRate: number, outRate: number, halfTaps = 16) {
    if (!(inRate > 0) || !(outRate > 0) || !Number.isFinite(inRate) || !Number.isFinite(outRate)) {
      throw new RangeError(`invalid sample rates ${inRate} -> ${outRate}`);
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
    const h = this.halfTaps;
    const c = this.cutoff;
    this.table = new Float64Array((h + 1) * TABLE_RES + 2);
    for (let i = 0; i < this.table.length; i++) {
      const x = i / TABLE_RES;
      const arg = Math.PI * c * x;
      const sinc = x === 0 ? 1 : Math.sin(arg) / arg;
      // Hann taper over the kernel span keeps stop-band leakage low with few taps.
      const w = x >= h + 1 ? 0 : 0.5 + 0.5 * Math.cos((Math.PI * x) / (h + 1));
      this.table[i] = sinc * w * c;
    }
  }

  process(input: Float32Array): Float32Array {
    if (this.passthrough) return input.slice();
    this.append(input);
    const out: number[] = [];
    const h = this.halfTaps;
    while (this.pos + h < this.bufLen) {
      out.push(this.sampleAt(this.pos));
      this.pos += this.ratio;
    }
    this.compact();
    return Float32Array.from(out);
  }

  /** Emits what the buffered input still owes (the tail is treated as followed by silence). */
  flush(): Float32Array {
    if (this.passthrough) return new Float32Array(0);
    const end = this.bufLen;
    this.append(new Float32Array(this.halfTaps + 1));
    const out: number[] = [];
    while (this.pos < end) {
      out.push(this.sampleAt(this.pos));
      this.pos += this.ratio;
    }
    this.compact();
    return Float32Array.from(out);
  }

  private sampleAt(p: number): number {
    const h = this.halfTaps;
    const i0 = Math.floor(p);
    const frac = p - i0;
    const t = this.table;
    let acc = 0;
    for (let k = -h + 1; k <= h; k++) {
      const x = Math.abs(k - frac) * TABLE_RES;
      const j = Math.floor(x);
      const f = x - j;
      acc += this.buf[i0 + k]! * (t[j]! + f * (t[j + 1]! - t[j]!));
    }
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
    const drop = Math.max(0, Math.floor(this.pos) - this.halfTaps);
    if (drop === 0) return;
    this.buf.copyWithin(0, drop, this.bufLen);
    this.bufLen -= drop;
    this.pos -= drop;
  }
}
