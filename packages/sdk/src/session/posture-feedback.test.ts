import { describe, expect, it } from 'vitest';
import type { PostureAnswerStats } from '../video/posture-stats.ts';
import { interviewFeedback } from './feedback.ts';
import { resolveOptions } from './options.ts';
import { mergePostureStats, postureFeedback } from './posture-feedback.ts';
import type { AnswerRecord } from './types.ts';

const stats = (o: Partial<PostureAnswerStats> = {}): PostureAnswerStats => ({
  seconds: 10,
  poseFrames: 50,
  inFrameFrames: 45,
  outOfFrameFraction: 0.1,
  handNearFaceSeconds: 2.1,
  shoulderTiltedFraction: 0.4,
  leanTowardFraction: 0.2,
  leanAwayFraction: 0,
  handMovement: 0.75,
  ...o,
});

describe('posture feedback', () => {
  it('says where the body was in seconds and shares, never what it would mean', () => {
    const items = postureFeedback(stats());
    expect(items.map((i) => i.metric)).toEqual([
      'out of frame',
      'hand near face',
      'shoulders tilted',
      'leaning',
      'hand movement',
    ]);
    const text = items.map((i) => i.text).join(' ');
    expect(text).toContain('A hand was near the face for about 2.1 s.');
    expect(text).toContain('in 40 % of the frames where they were visible');
    expect(text).not.toMatch(/nervous|fidget|confiden|anx|stress|emotion|calm|tense|open|closed off/i);
    // Nobody in frame: only the out-of-frame share is said.
    expect(postureFeedback(stats({ inFrameFrames: 0, outOfFrameFraction: 1 })).map((i) => i.metric)).toEqual([
      'out of frame',
    ]);
  });

  it('merges answers: seconds summed, shares weighted by frames', () => {
    const m = mergePostureStats([stats(), stats({ poseFrames: 150, inFrameFrames: 135, shoulderTiltedFraction: 0 })])!;
    expect(m.handNearFaceSeconds).toBeCloseTo(4.2, 9);
    expect(m.shoulderTiltedFraction).toBeCloseTo(0.1, 9);
    expect(mergePostureStats([])).toBeNull();
  });

  it('interview feedback adds posture only for answers that have it', () => {
    const base = { durationSeconds: 10, audio: null, video: null, audioStats: null, videoStats: null, warnings: [] };
    const answers: AnswerRecord[] = [
      { ...base, index: 0, posture: null, postureStats: stats() },
      { ...base, index: 1 },
    ];
    const f = interviewFeedback(answers);
    expect(f.answers[0]!.items.map((i) => i.metric)).toContain('hand near face');
    expect(f.answers[1]!.items).toEqual([]);
    expect(f.overall.find((i) => i.metric === 'hand near face')?.value).toBe(2.1);
  });
});

describe('options.pose', () => {
  const pose = { modelUrl: 'pose.task', modelSha256: null };
  it('makes the URL absolute, keeps the hash, and is off without the video channel', () => {
    const o = resolveOptions({ assetsBaseUrl: '/a/', pose }, 'https://example.test/x/');
    expect(o.pose).toEqual({ modelUrl: 'https://example.test/x/pose.task', modelSha256: null });
    expect(resolveOptions({ assetsBaseUrl: '/a/' }).pose).toBeNull();
    expect(resolveOptions({ assetsBaseUrl: '/a/', modalities: ['audio'], pose }).pose).toBeNull();
  });

  it('refuses a missing or malformed hash and a bad rate with invalid-options', () => {
    const bad = (p: unknown) => () => resolveOptions({ assetsBaseUrl: '/a/', pose: p as never });
    const code = expect.objectContaining({ code: 'invalid-options' });
    expect(bad({ modelUrl: 'p.task' })).toThrow(code);
    expect(bad({ modelUrl: 'p.task', modelSha256: 'abc' })).toThrow(code);
    expect(bad({ modelUrl: 'p.task', modelSha256: null, fps: 0 })).toThrow(code);
    expect(bad({ modelUrl: '', modelSha256: null })).toThrow(code);
    expect(bad('pose.task')).toThrow(code);
  });
});
