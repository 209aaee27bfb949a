/**
 * Descriptive posture feedback (with a pose model): where the shoulders and hands were, in
 * seconds and shares of the answer. It describes the recording, not the person — no word here
 * says what a posture means — and the shipped model does not read it.
 */
import { LEAN_SHARE, type PostureAnswerStats, TILTED_DEG } from '../video/posture-stats.ts';
import type { FeedbackItem } from './types.ts';

const r1 = (x: number): number => Math.round(x * 10) / 10;
const pct = (x: number): number => Math.round(x * 100);

export function postureFeedback(s: PostureAnswerStats): FeedbackItem[] {
  const items: FeedbackItem[] = [
    {
      metric: 'out of frame',
      value: pct(s.outOfFrameFraction),
      unit: '%',
      text: `Shoulders were out of the picture ${pct(s.outOfFrameFraction)} % of the time.`,
    },
  ];
  // The rest needs the upper body in frame at least once.
  if (s.inFrameFrames === 0) return items;
  items.push(
    {
      metric: 'hand near face',
      value: r1(s.handNearFaceSeconds),
      unit: 's',
      text: `A hand was near the face for about ${r1(s.handNearFaceSeconds)} s.`,
    },
    {
      metric: 'shoulders tilted',
      value: pct(s.shoulderTiltedFraction),
      unit: '%',
      text: [
        `Shoulders were tilted (one ${TILTED_DEG}° or more higher than level) in`,
        `${pct(s.shoulderTiltedFraction)} % of the frames where they were visible.`,
      ].join(' '),
    },
  );
  if (s.leanTowardFraction !== null && s.leanAwayFraction !== null)
    items.push({
      metric: 'leaning',
      value: pct(s.leanTowardFraction),
      unit: '%',
      text: [
        `Closer to the camera than at the start (shoulders ${pct(LEAN_SHARE)} % wider) in`,
        `${pct(s.leanTowardFraction)} % of the frames, further away in ${pct(s.leanAwayFraction)} %.`,
      ].join(' '),
    });
  if (s.handMovement !== null)
    items.push({
      metric: 'hand movement',
      value: r1(s.handMovement),
      unit: 'shoulder widths/s',
      text: `Visible hands moved ${r1(s.handMovement)} shoulder widths per second on average.`,
    });
  return items;
}

/** Over answers, weighted by pose frames (shares) and summed (seconds). */
export function mergePostureStats(all: readonly PostureAnswerStats[]): PostureAnswerStats | null {
  const frames = all.reduce((t, s) => t + s.poseFrames, 0);
  const inFrame = all.reduce((t, s) => t + s.inFrameFrames, 0);
  if (all.length === 0 || frames === 0) return null;
  const byInFrame = (f: (s: PostureAnswerStats) => number | null): number | null => {
    const known = all.filter((s) => f(s) !== null && s.inFrameFrames > 0);
    const n = known.reduce((t, s) => t + s.inFrameFrames, 0);
    return n === 0 ? null : known.reduce((t, s) => t + f(s)! * s.inFrameFrames, 0) / n;
  };
  return {
    seconds: all.reduce((t, s) => t + s.seconds, 0),
    poseFrames: frames,
    inFrameFrames: inFrame,
    outOfFrameFraction: all.reduce((t, s) => t + s.outOfFrameFraction * s.poseFrames, 0) / frames,
    handNearFaceSeconds: all.reduce((t, s) => t + s.handNearFaceSeconds, 0),
    shoulderTiltedFraction: byInFrame((s) => s.shoulderTiltedFraction) ?? 0,
    leanTowardFraction: byInFrame((s) => s.leanTowardFraction),
    leanAwayFraction: byInFrame((s) => s.leanAwayFraction),
    handMovement: byInFrame((s) => s.handMovement),
  };
}
