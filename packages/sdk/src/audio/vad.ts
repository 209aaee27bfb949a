/**
 * Speaking activity from frame intensity: a frame is speech when it is within `silenceDb` of the
 * recording's loud level (99th percentile so far, as De Jong & Wempe use for their silence
 * threshold) and above an absolute floor; silent stretches of at least `minPause` between speech
 * are pauses. Statistics only, so memory stays constant on long recordings.
 */
import { StreamingQuantile } from './quantile.ts';

export interface PauseOptions {
  /** Seconds per frame. Default 0.01. */
  readonly frameStep?: number;
  /** dB below the 99th-percentile intensity that counts as silence. Default 25. */
  readonly silenceDb?: number;
  /** Absolute floor in dBFS under which a frame is never speech. Default -60. */
  readonly floorDb?: number;
  /** Shortest silence counted as a pause, seconds. Default 0.3 (De Jong & Wempe). */
  readonly minPause?: number;
}

export interface PauseStats {
  /** Pauses between two stretches of speech (leading/trailing silence is not a pause). */
  readonly count: number;
  readonly totalSeconds: number;
  readonly longestSeconds: number;
  /** Seconds of speech frames. */
  readonly speechSeconds: number;
}

export class PauseDetector {
  private readonly step: number;
  private readonly silenceDb: number;
  private readonly floorDb: number;
  private readonly minPauseFrames: number;
  readonly levels = new StreamingQuantile(-120, 0, 480);
  private seenSpeech = false;
  private silentRun = 0;
  private count = 0;
  private total = 0;
  private longest = 0;
  private speechFrames = 0;

  constructor(options: PauseOptions = {}) {
    this.step = options.frameStep ?? 0.01;
    this.silenceDb = options.silenceDb ?? 25;
    this.floorDb = options.floorDb ?? -60;
    this.minPauseFrames = Math.round((options.minPause ?? 0.3) / this.step);
  }

  /** Current speech/silence threshold in dBFS. */
  threshold(): number {
    return Math.max(this.floorDb, this.levels.quantile(0.99, 0) - this.silenceDb);
  }

  /** Classifies one frame; returns true for speech. */
  push(intensityDb: number): boolean {
    this.levels.add(intensityDb);
    const speech = intensityDb >= this.threshold();
    if (speech) {
      if (this.seenSpeech && this.silentRun >= this.minPauseFrames) {
        const seconds = this.silentRun * this.step;
        this.count++;
        this.total += seconds;
        this.longest = Math.max(this.longest, seconds);
      }
      this.seenSpeech = true;
      this.silentRun = 0;
      this.speechFrames++;
    } else {
      this.silentRun++;
    }
    return speech;
  }

  stats(): PauseStats {
    return {
      count: this.count,
      totalSeconds: this.total,
      longestSeconds: this.longest,
      speechSeconds: this.speechFrames * this.step,
    };
  }
}
