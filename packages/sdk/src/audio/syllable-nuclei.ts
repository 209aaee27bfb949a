/**
 * Syllable nuclei after De Jong & Wempe (2009): peaks of the intensity contour that stand above
 * the silence threshold, are followed by a dip of at least `minDipDb` before the next peak, and
 * fall in voiced frames. Their count per second is the speech-rate proxy. Streaming: a peak is
 * confirmed when the next one arrives (or at the end), so only a few numbers are kept.
 */
export interface SyllableOptions {
  /** Minimum dip (dB) between a peak and the next one. Default 2. */
  readonly minDipDb?: number;
  /**
   * Frames of moving-average smoothing of the intensity contour. Praat's intensity (De Jong &
   * Wempe use a 50 Hz pitch floor, i.e. a ~64 ms window) is far smoother than a 10 ms frame
   * track; without this, every ripple inside a vowel counts as a syllable. Default 5.
   */
  readonly smoothFrames?: number;
}

const SMOOTH = 5;

export class SyllableNucleusCounter {
  private readonly minDip: number;
  private prev2: number | null = null;
  private prev1: { db: number; voiced: boolean; above: boolean } | null = null;
  private candidate: { db: number; voiced: boolean } | null = null;
  private dipMin = Infinity;
  private nuclei = 0;
  private readonly history: number[] = [];
  private readonly smooth: number;

  constructor(options: SyllableOptions = {}) {
    this.minDip = options.minDipDb ?? 2;
    this.smooth = Math.max(1, Math.round(options.smoothFrames ?? SMOOTH));
  }

  /** One frame: intensity (dB), whether it is voiced, and the current silence threshold (dB). */
  push(rawDb: number, voiced: boolean, thresholdDb: number): void {
    this.history.push(rawDb);
    if (this.history.length > this.smooth) this.history.shift();
    const db = this.history.reduce((a, b) => a + b, 0) / this.history.length;
    const p1 = this.prev1;
    if (p1 !== null && this.prev2 !== null && p1.db > this.prev2 && p1.db >= db && p1.above) {
      this.onPeak(p1.db, p1.voiced);
    }
    if (this.candidate !== null) this.dipMin = Math.min(this.dipMin, db);
    this.prev2 = p1?.db ?? null;
    this.prev1 = { db, voiced, above: db >= thresholdDb };
  }

  /** Confirms the last pending peak (end of stream); returns the nucleus count. */
  finish(): number {
    const c = this.candidate;
    if (c !== null && c.db - this.dipMin >= this.minDip && c.voiced) this.nuclei++;
    this.candidate = null;
    return this.nuclei;
  }

  get count(): number {
    return this.nuclei;
  }

  private onPeak(db: number, voiced: boolean): void {
    const c = this.candidate;
    if (c !== null && c.db - this.dipMin >= this.minDip && c.voiced) this.nuclei++;
    this.candidate = { db, voiced };
    this.dipMin = Infinity;
  }
}
