/**
 * The last `capacity` samples of a stream, addressed by absolute sample index, so analysis code
 * can say "samples 1 234 560 to 1 235 200" without the stream ever being held whole.
 */
export class SampleRing {
  private readonly data: Float32Array;
  private readonly mask: number;
  /** Absolute index one past the newest sample. */
  written = 0;
  /** Once set, indices at or beyond `written` read as silence instead of unknown. */
  ended = false;

  constructor(minCapacity: number) {
    let cap = 1;
    while (cap < minCapacity) cap *= 2;
    this.data = new Float32Array(cap);
    this.mask = cap - 1;
  }

  push(samples: Float32Array): void {
    for (let i = 0; i < samples.length; i++) this.data[(this.written + i) & this.mask] = samples[i]!;
    this.written += samples.length;
  }

  /** Sample at an absolute index: 0 before the start (and after the end once ended). */
  at(index: number): number | undefined {
    if (index < 0) return 0;
    if (index >= this.written) return this.ended ? 0 : undefined;
    if (index < this.written - this.data.length) return undefined;
    return this.data[index & this.mask]!;
  }

  /** Copies [start, start + out.length) into `out`, zero where unavailable. */
  read(start: number, out: Float32Array): Float32Array {
    const end = start + out.length;
    if (start >= 0 && start >= this.written - this.data.length && end <= this.written) {
      // Fast path: the whole span is held; at most two contiguous copies around the wrap.
      const from = start & this.mask;
      const first = Math.min(out.length, this.data.length - from);
      out.set(this.data.subarray(from, from + first));
      if (first < out.length) out.set(this.data.subarray(0, out.length - first), first);
      return out;
    }
    for (let i = 0; i < out.length; i++) out[i] = this.at(start + i) ?? 0;
    return out;
  }
}
