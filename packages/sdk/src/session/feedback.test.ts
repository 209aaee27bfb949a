import { describe, expect, it } from 'vitest';
import { interviewFeedback, mergeAudioStats, mergeVideoStats } from './feedback.ts';
import type { AnswerRecord, AudioAnswerStats, VideoAnswerStats } from './types.ts';

const audio = (d: number, rate: number, pauses: number, meanPause: number, longest: number): AudioAnswerStats => ({
  durationSeconds: d,
  speechRate: rate,
  pauseCount: pauses,
  meanPauseSeconds: meanPause,
  longestPauseSeconds: longest,
  pitchVariabilitySemitones: 2,
  meanLoudness: 1,
  voicedFraction: 0.5,
  speechFraction: 0.7,
});
const video = (s: number, faces: number, blinks: number, smile: number): VideoAnswerStats => ({
  seconds: s,
  frames: faces,
  faceFrames: faces,
  gazeAwayFraction: 0,
  blinksPerMinute: blinks,
  smileFraction: smile,
});

describe('descriptive feedback', () => {
  it('weights answers by duration (rates) and by pause count (mean pause), takes the max longest pause', () => {
    const m = mergeAudioStats([audio(10, 4, 2, 0.5, 0.8), audio(30, 2, 6, 1, 2.5)])!;
    expect(m.speechRate).toBeCloseTo((10 * 4 + 30 * 2) / 40, 12);
    expect(m.meanPauseSeconds).toBeCloseTo((2 * 0.5 + 6 * 1) / 8, 12);
    expect(m.longestPauseSeconds).toBe(2.5);
    expect(m.pauseCount).toBe(8);
  });

  it('weights blink rate by seconds and smile time by face frames', () => {
    const m = mergeVideoStats([video(10, 150, 12, 0.2), video(30, 50, 20, 0.6)])!;
    expect(m.blinksPerMinute).toBeCloseTo((10 * 12 + 30 * 20) / 40, 12);
    expect(m.smileFraction).toBeCloseTo((150 * 0.2 + 50 * 0.6) / 200, 12);
  });

  it('an answer without a face gives no face feedback; texts carry the numbers they describe', () => {
    const rec = (i: number, v: VideoAnswerStats | null): AnswerRecord => ({
      index: i,
      durationSeconds: 10,
      audio: null,
      video: null,
      audioStats: audio(10, 3.94, 1, 0.4, 0.4),
      videoStats: v,
      warnings: [],
    });
    const f = interviewFeedback([rec(0, video(10, 0, 0, 0)), null, rec(2, video(10, 150, 15, 0.25))]);
    expect(f.answers.map((a) => a.answer)).toEqual([0, 2]);
    expect(f.answers[0]!.items.map((i) => i.metric)).not.toContain('blink rate');
    expect(f.answers[1]!.items.find((i) => i.metric === 'smile time')?.value).toBe(25);
    expect(f.overall.find((i) => i.metric === 'speaking rate')?.text).toContain('3.9 syllables per second');
  });
});
