/**
 * Streaming quantile over a bounded range by histogram: constant memory however long the
 * stream, which is what thresholds relative to "the loud part of this recording" need live.
 */
export class StreamingQuantile {
  private readonly lo: number;
  private readonly step: number;
  private readonly counts: Float64Array;
  private total = 0;

  constructor(lo: number, hi: number, bins = 400) {
    this.lo = lo;
    this.step = (hi - lo) / bins;
    this.counts = new Float64Array(bins);
  }

  add(value: number): void {
    if (!Number.isFinite(value)) return;
    const i = Math.min(this.counts.length - 1, Math.max(0, Math.floor((value - this.lo) / this.step)));
    this.counts[i] = this.counts[i]! + 1;
    this.total++;
  }

  get count(): number {
    return this.total;
  }

  /** Value below which a fraction `q` of the samples fall (bin centre); `fallback` when empty. */
  quantile(q: number, fallback = this.lo): number {
    if (this.total === 0) return fallback;
    const target = q * this.total;
    let acc = 0;
    for (let i = 0; i < this.counts.length; i++) {
      acc += this.counts[i]!;
      if (acc >= target) return this.lo + (i + 0.5) * this.step;
    }
    return this.lo + (this.counts.length - 0.5) * this.step;
  }
}
