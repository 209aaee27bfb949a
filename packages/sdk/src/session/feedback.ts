/**
 * Descriptive feedback: what was measured, in plain units, with a neutral reference range
 * where one is well established. It describes the recording, not the person, and is not
 * what the score is made of (the model reads windows, not these summaries).
 */
import { mergePostureStats, postureFeedback } from './posture-feedback.ts';
import type { AnswerFeedback, AnswerRecord, AudioAnswerStats, FeedbackItem, VideoAnswerStats } from './types.ts';

const r1 = (x: number): number => Math.round(x * 10) / 10;
const pct = (x: number): number => Math.round(x * 100);

export function audioFeedback(s: AudioAnswerStats): FeedbackItem[] {
  const minutes = s.durationSeconds / 60;
  const perMinute = minutes > 0 ? s.pauseCount / minutes : 0;
  return [
    {
      metric: 'speaking rate',
      value: r1(s.speechRate),
      unit: 'syllables/s',
      text: `About ${r1(s.speechRate)} syllables per second (conversational speech is often 3–5).`,
    },
    {
      metric: 'pauses',
      value: r1(perMinute),
      unit: 'per minute',
      text: `${s.pauseCount} pause${s.pauseCount === 1 ? '' : 's'}, ${r1(s.meanPauseSeconds)} s on average.`,
    },
    {
      metric: 'longest pause',
      value: r1(s.longestPauseSeconds),
      unit: 's',
      text: `The longest pause lasted ${r1(s.longestPauseSeconds)} s.`,
    },
    {
      metric: 'pitch variability',
      value: r1(s.pitchVariabilitySemitones),
      unit: 'semitones',
      text: [
        `Pitch moved by ${r1(s.pitchVariabilitySemitones)} semitones (standard deviation); a level`,
        'delivery is below about 2.',
      ].join(' '),
    },
    {
      metric: 'loudness',
      value: r1(s.meanLoudness),
      unit: 'loudness',
      text: [
        `Average loudness ${r1(s.meanLoudness)} on the SDK's loudness scale (compare answers with each`,
        'other, not with other microphones).',
      ].join(' '),
    },
  ];
}

export function videoFeedback(s: VideoAnswerStats): FeedbackItem[] {
  return [
    {
      metric: 'gaze away',
      value: pct(s.gazeAwayFraction),
      unit: '%',
      text: `Eyes pointed away from the camera ${pct(s.gazeAwayFraction)} % of the time the face was visible.`,
    },
    {
      metric: 'blink rate',
      value: r1(s.blinksPerMinute),
      unit: 'per minute',
      text: `${r1(s.blinksPerMinute)} blinks per minute (a resting rate is often 10–20).`,
    },
    {
      metric: 'smile time',
      value: pct(s.smileFraction),
      unit: '%',
      text: `Smiling (lip corners pulled) ${pct(s.smileFraction)} % of the time the face was visible.`,
    },
  ];
}

/** Duration-weighted means over answers, so a long answer counts more than a short one. */
export function mergeAudioStats(all: readonly AudioAnswerStats[]): AudioAnswerStats | null {
  const total = all.reduce((t, s) => t + s.durationSeconds, 0);
  if (all.length === 0 || total <= 0) return null;
  const w = (f: (s: AudioAnswerStats) => number): number =>
    all.reduce((t, s) => t + f(s) * s.durationSeconds, 0) / total;
  const pauses = all.reduce((t, s) => t + s.pauseCount, 0);
  return {
    durationSeconds: total,
    speechRate: w((s) => s.speechRate),
    pauseCount: pauses,
    meanPauseSeconds: pauses === 0 ? 0 : all.reduce((t, s) => t + s.meanPauseSeconds * s.pauseCount, 0) / pauses,
    longestPauseSeconds: Math.max(...all.map((s) => s.longestPauseSeconds)),
    pitchVariabilitySemitones: w((s) => s.pitchVariabilitySemitones),
    meanLoudness: w((s) => s.meanLoudness),
    voicedFraction: w((s) => s.voicedFraction),
    speechFraction: w((s) => s.speechFraction),
  };
}

export function mergeVideoStats(all: readonly VideoAnswerStats[]): VideoAnswerStats | null {
  const faces = all.reduce((t, s) => t + s.faceFrames, 0);
  const seconds = all.reduce((t, s) => t + s.seconds, 0);
  if (all.length === 0 || seconds <= 0) return null;
  const byFace = (f: (s: VideoAnswerStats) => number): number =>
    faces === 0 ? 0 : all.reduce((t, s) => t + f(s) * s.faceFrames, 0) / faces;
  return {
    seconds,
    frames: all.reduce((t, s) => t + s.frames, 0),
    faceFrames: faces,
    gazeAwayFraction: byFace((s) => s.gazeAwayFraction),
    blinksPerMinute: all.reduce((t, s) => t + s.blinksPerMinute * s.seconds, 0) / seconds,
    smileFraction: byFace((s) => s.smileFraction),
  };
}

export function interviewFeedback(answers: readonly (AnswerRecord | null)[]): {
  overall: FeedbackItem[];
  answers: AnswerFeedback[];
} {
  const recorded = answers.filter((a): a is AnswerRecord => a !== null);
  const audio = mergeAudioStats(recorded.flatMap((a) => (a.audioStats === null ? [] : [a.audioStats])));
  const video = mergeVideoStats(
    recorded.flatMap((a) => (a.videoStats === null || a.videoStats.faceFrames === 0 ? [] : [a.videoStats])),
  );
  const posture = mergePostureStats(recorded.flatMap((a) => (a.postureStats == null ? [] : [a.postureStats])));
  return {
    overall: [
      ...(audio === null ? [] : audioFeedback(audio)),
      ...(video === null ? [] : videoFeedback(video)),
      ...(posture === null ? [] : postureFeedback(posture)),
    ],
    answers: recorded.map((a) => ({
      answer: a.index,
      items: [
        ...(a.audioStats === null ? [] : audioFeedback(a.audioStats)),
        ...(a.videoStats === null || a.videoStats.faceFrames === 0 ? [] : videoFeedback(a.videoStats)),
        ...(a.postureStats == null ? [] : postureFeedback(a.postureStats)),
      ],
    })),
  };
}
