/**
 * Which analysis a live camera frame gets: the face, the pose, or none. Both landmarkers share
 * one worker thread, so they take turns on different frames instead of doubling the cost of one
 * (measured here: face ~67, pose ~58, both ~104 CPU-ms per 480² frame). Each has its own grid of
 * times k / fps; a late frame takes the next slot and never queues (as the face alone does).
 *
 * The face comes first: when the face falls below `minFaceCoverage` of its slots over the last
 * `windowS` seconds, the pose is skipped until the face keeps up again. Posture cues then cover
 * fewer frames (or none: the message says null), while the face cues keep their rate.
 */
import { HireNetError } from '../util/errors.ts';
export type FrameUse = 'face' | 'pose' | null;

export interface InterleaveOptions {
  readonly faceFps: number;
  /** 0 disables the pose. */
  readonly poseFps: number;
  /** Default 0.8. */
  readonly minFaceCoverage?: number;
  /** Seconds over which face coverage is judged. Default 2. */
  readonly windowS?: number;
}

const EPS = 1e-3;

export class InterleaveSchedule {
  private faceDue = 0;
  private poseDue = 0;
  private first: number | undefined;
  /** Times of recent face analyses, within the window. */
  private readonly faceTimes: number[] = [];
  private readonly minCoverage: number;
  private readonly windowS: number;
  /** Pose slots given up because the face was behind. */
  poseSkipped = 0;

  constructor(private readonly o: InterleaveOptions) {
    if (!(o.faceFps > 0 && o.faceFps <= 60))
      throw new HireNetError('invalid-options', `faceFps must be in (0, 60], got ${o.faceFps}`);
    if (!(o.poseFps >= 0 && o.poseFps <= 30))
      throw new HireNetError('invalid-options', `poseFps must be in [0, 30], got ${o.poseFps}`);
    this.minCoverage = o.minFaceCoverage ?? 0.8;
    this.windowS = o.windowS ?? 2;
  }

  /** Face analyses per second achieved over the window, ÷ faceFps (1 while the window is still filling). */
  faceCoverage(t: number): number {
    const start = this.first ?? t;
    const span = Math.min(this.windowS, t - start);
    // Under one slot's time there is nothing to judge yet.
    if (span < 1 / this.o.faceFps) return 1;
    while (this.faceTimes.length > 0 && this.faceTimes[0]! < t - span - EPS) this.faceTimes.shift();
    return Math.min(1, this.faceTimes.length / (span * this.o.faceFps));
  }

  /** Decides for a frame at `t` seconds (increasing) and books the slot it takes. */
  next(t: number): FrameUse {
    this.first ??= t;
    if (t + EPS >= this.faceDue) {
      this.faceDue = (Math.floor((t + EPS) * this.o.faceFps + 1e-6) + 1) / this.o.faceFps;
      // Only needed to judge the pose; the face alone keeps no history (a live stream runs for hours).
      if (this.o.poseFps > 0) this.faceTimes.push(t);
      return 'face';
    }
    if (this.o.poseFps > 0 && t + EPS >= this.poseDue) {
      this.poseDue = (Math.floor((t + EPS) * this.o.poseFps + 1e-6) + 1) / this.o.poseFps;
      if (this.faceCoverage(t) < this.minCoverage) {
        this.poseSkipped++;
        return null;
      }
      return 'pose';
    }
    return null;
  }
}
