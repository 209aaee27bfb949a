/**
 * Glottal pulse marks: one waveform peak per period inside voiced stretches, found by stepping
 * one local period (from the pitch track) at a time and taking the largest peak of the same
 * polarity within ±25 % of the expected place — the idea of Praat's `To PointProcess (periodic,
 * peaks)`. Jitter and shimmer are computed from these marks (jitter.ts, shimmer.ts).
 */

export interface Pulse {
  /** Absolute time in samples (sub-sample, parabolic refinement). */
  readonly position: number;
  /** Absolute peak amplitude at the pulse. */
  readonly amplitude: number;
}

/** Random access to a stream's samples by absolute index (undefined once dropped/not yet seen). */
export type SampleSource = (index: number) => number | undefined;

export class PulseTracker {
  private last: Pulse | null = null;
  private polarity = 1;

  /** Forgets the current pulse train (call on every unvoiced frame). */
  reset(): void {
    this.last = null;
  }

  /**
   * Finds the pulses in [start, end) (absolute sample indices) for a stretch voiced at `f0`
   * Hz. Returns them in time order; continues the train from the previous call.
   */
  track(source: SampleSource, start: number, end: number, f0: number, sampleRate: number): Pulse[] {
    const period = sampleRate / f0;
    const out: Pulse[] = [];
    if (this.last === null || this.last.position < start - 1.5 * period) {
      const first = this.firstPeak(source, start, Math.min(end, start + period));
      if (first === null) return out;
      this.last = first;
      out.push(first);
    }
    for (;;) {
      const expected = this.last.position + period;
      if (expected >= end) break;
      const next = this.peakNear(source, expected - 0.25 * period, expected + 0.25 * period);
      if (next === null || next.position <= this.last.position + 0.5 * period) {
        this.last = null;
        break;
      }
      this.last = next;
      out.push(next);
    }
    return out;
  }

  private firstPeak(source: SampleSource, from: number, to: number): Pulse | null {
    let maxI = -1;
    let minI = -1;
    let maxV = -Infinity;
    let minV = Infinity;
    for (let i = Math.ceil(from); i < to; i++) {
      const v = source(i);
      if (v === undefined) continue;
      if (v > maxV) {
        maxV = v;
        maxI = i;
      }
      if (v < minV) {
        minV = v;
        minI = i;
      }
    }
    if (maxI < 0) return null;
    // Follow whichever polarity has the larger excursion, as Praat does for the first pulse.
    this.polarity = maxV >= -minV ? 1 : -1;
    return refine(source, this.polarity > 0 ? maxI : minI, this.polarity);
  }

  private peakNear(source: SampleSource, from: number, to: number): Pulse | null {
    let bestI = -1;
    let best = -Infinity;
    for (let i = Math.ceil(from); i <= Math.floor(to); i++) {
      const v = source(i);
      if (v === undefined) continue;
      const s = v * this.polarity;
      if (s > best) {
        best = s;
        bestI = i;
      }
    }
    if (bestI < 0 || !(best > 0)) return null;
    return refine(source, bestI, this.polarity);
  }
}

function refine(source: SampleSource, i: number, polarity: number): Pulse {
  const b = (source(i) ?? 0) * polarity;
  const a = (source(i - 1) ?? b) * polarity;
  const c = (source(i + 1) ?? b) * polarity;
  const denom = a - 2 * b + c;
  const shift = denom < 0 ? Math.max(-0.5, Math.min(0.5, (0.5 * (a - c)) / denom)) : 0;
  return { position: i + shift, amplitude: Math.abs(b - 0.25 * (a - c) * shift) };
}
