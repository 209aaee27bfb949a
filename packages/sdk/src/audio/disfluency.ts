/**
 * Filled-pause proxy ("uh", "um"): a voiced stretch of at least `minDuration` whose F0 stays
 * within ±`maxSemitoneRange`/2 of its start, whose spectrum barely changes (flux under the
 * recording's median voiced flux), and whose pitch is not above the speaker's median. This is an
 * observable-behaviour detector, not a judgement; HireNet's audio attention peaked on such spots.
 */
import { StreamingQuantile } from './quantile.ts';

export interface FilledPauseOptions {
  readonly frameStep?: number;
  /** Seconds. Default 0.3. */
  readonly minDuration?: number;
  /** Allowed F0 excursion (semitones, peak to peak). Default 2. */
  readonly maxSemitoneRange?: number;
}

export class FilledPauseDetector {
  private readonly minFrames: number;
  private readonly halfRange: number;
  private readonly flux = new StreamingQuantile(0, 0.05, 500);
  private readonly pitch = new StreamingQuantile(0, 100, 400);
  private anchor = 0;
  private run = 0;
  private counted = false;
  private events = 0;

  constructor(options: FilledPauseOptions = {}) {
    this.minFrames = Math.round((options.minDuration ?? 0.3) / (options.frameStep ?? 0.01));
    this.halfRange = (options.maxSemitoneRange ?? 2) / 2;
  }

  /** One frame (semitones 0 = unvoiced); returns true while inside a long-enough steady stretch. */
  push(semitones: number, flux: number): boolean {
    if (semitones <= 0) {
      this.run = 0;
      return false;
    }
    this.flux.add(flux);
    this.pitch.add(semitones);
    const steady = flux <= this.flux.quantile(0.5, Infinity);
    if (this.run > 0 && steady && Math.abs(semitones - this.anchor) <= this.halfRange) {
      this.run++;
    } else {
      this.run = steady ? 1 : 0;
      this.anchor = semitones;
      this.counted = false;
    }
    const inside = this.run >= this.minFrames && this.anchor <= this.pitch.quantile(0.5, Infinity);
    if (inside && !this.counted) {
      this.counted = true;
      this.events++;
    }
    return inside;
  }

  get count(): number {
    return this.events;
  }
}
