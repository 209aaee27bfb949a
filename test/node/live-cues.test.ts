/**
 * Cue messages: the validator both ends run, and the face/voice cue reducers. The voice reducer
 * runs on the SDK's real audio features of a real recording and must agree with the file-level
 * pause statistics the same VAD gives.
 */
import { HireNetError } from '@hirenet/sdk/internal/util/errors';
import { describe, expect, it } from 'vitest';
import { WIDEST_MEASURES } from './live-widest.ts';
import { extractAudioFeatures } from '../../packages/sdk/src/audio/frames.ts';
import { AUDIO_FRAME_FEATURES } from '../../packages/sdk/src/audio/schema.ts';
import { emptyFrameRow } from '../../packages/sdk/src/video/frame-row.ts';
import {
  encodeCueMessage,
  MAX_CUE_BYTES,
  parseCueMessage,
  validateCueMessage,
  type CueMessage,
} from '../../packages/sdk/src/live/cue-schema.ts';
import { faceCues, ON_CAMERA, type FaceRowLike } from '../../packages/sdk/src/live/face-cues.ts';
import { VoiceCueTracker } from '../../packages/sdk/src/live/voice-cues.ts';
import { sharedMissing, sharedPath } from '../browser/harness/paths.ts';
import { readWav } from './audio/praat.ts';

const full: CueMessage = {
  v: 3,
  seq: 3,
  t: 8.02,
  span: 2.01,
  channels: { face: 'on', voice: 'on', words: 'off' },
  face: { visible: 0.9, gazeOnCamera: 0.75, headMovement: 2.4 },
  posture: { outOfFrame: 0, shoulderTilt: 3.2, lean: 0.041, headOffset: 0.07, handNearFace: 0, handMovement: 0.35 },
  voice: { speaking: 0.62, pauses: 1, pauseSeconds: 0.41, loudness: 7.3, pitchVariability: 2.1, speakingRate: 3.5 },
  keywords: null,
};

describe('cue message validator', () => {
  it('accepts a full message and a paused/off one, and round-trips through encode/parse', () => {
    expect(parseCueMessage(encodeCueMessage(full))).toEqual(full);
    const paused: CueMessage = {
      ...full,
      channels: { face: 'paused', voice: 'off', words: 'paused' },
      face: null,
      posture: null,
      voice: null,
    };
    expect(parseCueMessage(encodeCueMessage(paused))).toEqual(paused);
    expect(new TextEncoder().encode(encodeCueMessage(full)).length).toBeLessThanOrEqual(MAX_CUE_BYTES);
  });

  it('the longest message the reducers can produce (every field at its widest value) stays under 1 KiB', () => {
    // Widest printed values: shares and lean have 3 decimals, other measures 1–2, negative signs where allowed.
    const widest: CueMessage = {
      v: 3,
      seq: Number.MAX_SAFE_INTEGER,
      t: 9_999_999.99,
      span: 59.99,
      channels: { face: 'paused', voice: 'paused', words: 'unavailable' },
      face: null,
      posture: null,
      voice: null,
      keywords: null,
    };
    const on: CueMessage = {
      ...widest,
      channels: { face: 'on', voice: 'on', words: 'unavailable' },
      ...WIDEST_MEASURES,
    };
    const bytes = new TextEncoder().encode(encodeCueMessage(on)).length;
    expect(bytes).toBeLessThanOrEqual(MAX_CUE_BYTES);
    expect(bytes).toBeLessThan(520);
  });

  it('posture: null while the camera channel is not on, refused when missing or out of range', () => {
    const p = full.posture!;
    const bad: unknown[] = [
      { ...full, channels: { face: 'paused', voice: 'on' }, face: null },
      { ...full, posture: { ...p, shoulderTilt: 95 } },
      { ...full, posture: { ...p, outOfFrame: null } },
      { ...full, posture: { ...p, lean: -2 } },
      { ...full, posture: { ...p, keypoints: [[0.5, 0.5]] } },
      { ...full, posture: { ...p, posture: 'slouching' } },
      (({ posture: _, ...rest }) => rest)(full),
    ];
    for (const m of bad) expect(() => validateCueMessage(m)).toThrow(expect.objectContaining({ code: 'bad-cue' }));
    expect(validateCueMessage({ ...full, posture: null }).posture).toBeNull();
  });

  it('refuses anything beyond the derived cues: raw data, labels, scores, unknown fields', () => {
    const extras: Record<string, unknown>[] = [
      { ...full, landmarks: [[0.1, 0.2, 0]] },
      { ...full, emotion: 'calm' },
      { ...full, score: 0.8 },
      { ...full, face: { ...full.face, blendshapes: [0.1] } },
      { ...full, voice: { ...full.voice, transcript: 'hello' } },
      { ...full, voice: { ...full.voice, samples: [0, 0.1] } },
    ];
    const refused = expect.objectContaining({ code: 'bad-cue', message: expect.stringMatching(/unexpected field/) });
    for (const m of extras) expect(() => validateCueMessage(m)).toThrow(refused);
  });

  it('refuses wrong types, ranges, versions and sections of a channel that is not on', () => {
    const bad: unknown[] = [
      { ...full, v: 1 },
      { ...full, seq: -1 },
      { ...full, seq: 1.5 },
      { ...full, face: { ...full.face, visible: 1.2 } },
      { ...full, face: { ...full.face, gazeOnCamera: Number.NaN } },
      { ...full, voice: { ...full.voice, pauses: '1' } },
      { ...full, channels: { face: 'on', voice: 'muted' } },
      { ...full, channels: { face: 'paused', voice: 'on' } },
      { ...full, channels: { face: 'on' } },
      [full],
      null,
    ];
    for (const m of bad) expect(() => validateCueMessage(m)).toThrow(expect.objectContaining({ code: 'bad-cue' }));
  });

  it('refuses oversized, non-text and non-JSON frames before parsing them', () => {
    expect(() =>
      parseCueMessage(`${encodeCueMessage(full).slice(0, -1)},"pad":"${'x'.repeat(MAX_CUE_BYTES)}"}`),
    ).toThrow(/larger than 1024 bytes/);
    expect(() => parseCueMessage(new ArrayBuffer(8))).toThrow(/text frames/);
    expect(() => parseCueMessage('{"v":3')).toThrow(/not JSON/);
  });
});

function row(face: boolean, yaw: number, pitch: number, gazeX = 0, gazeY = 0): FaceRowLike {
  if (!face) return emptyFrameRow(0);
  return { face: 1, pose: { yaw, pitch, roll: 0, tx: 0, ty: 0, tz: -50 }, gaze: { gazeX, gazeY } };
}

describe('face cues', () => {
  it('shares of visible and on-camera frames, and head spread over face frames only', () => {
    const away = ON_CAMERA.maxHeadDeg + 10;
    const rows = [
      row(true, 0, 0),
      row(true, 4, -2),
      row(true, away, 0),
      row(true, 0, 0, ON_CAMERA.maxEye + 0.2),
      row(false, 0, 0),
    ];
    const c = faceCues(rows)!;
    expect(c.visible).toBe(0.8);
    expect(c.gazeOnCamera).toBe(0.5);
    const yaws = [0, 4, away, 0];
    const pitches = [0, -2, 0, 0];
    const v = (x: number[]): number =>
      x.reduce((a, b) => a + (b - x.reduce((s, y) => s + y, 0) / x.length) ** 2, 0) / x.length;
    expect(c.headMovement).toBeCloseTo(Math.sqrt(v(yaws) + v(pitches)), 2);
  });

  it('no face: visible 0 and nothing else; no rows: no cues', () => {
    expect(faceCues([row(false, 0, 0), row(false, 0, 0)])).toEqual({
      visible: 0,
      gazeOnCamera: null,
      headMovement: null,
    });
    expect(faceCues([])).toBeNull();
  });
});

const JFK = 'fixtures/audio/jfk.wav';
if (sharedMissing(JFK) !== undefined) console.warn(`[live-cues] real-recording test: ${sharedMissing(JFK)}`);

describe('voice cues', () => {
  const skip = sharedMissing(JFK) !== undefined && process.env['CI'] !== 'true';
  it.skipIf(skip)('on a real recording in 2 s spans: pauses add up to the file statistics of the same VAD', () => {
    const why = sharedMissing(JFK);
    if (why !== undefined) throw new Error(`CI must not skip: ${why}`);
    const { pcm, sampleRate } = readWav(sharedPath(JFK));
    const { frames, summary } = extractAudioFeatures(pcm, sampleRate);
    const cols = AUDIO_FRAME_FEATURES.length;
    const rows = new Float32Array(frames.length * cols);
    frames.forEach((f, i) => AUDIO_FRAME_FEATURES.forEach((k, c) => (rows[i * cols + c] = f[k])));
    const tracker = new VoiceCueTracker();
    const spans = [];
    for (let i = 0; i < frames.length; i += 200)
      spans.push(tracker.take(rows.subarray(i * cols, Math.min(frames.length, i + 200) * cols), cols, 2)!);
    const pauses = spans.reduce((n, s) => n + s.pauses, 0);
    const pauseSeconds = spans.reduce((n, s) => n + s.pauseSeconds, 0);
    expect(pauses).toBe(summary.pauseCount);
    expect(pauseSeconds).toBeCloseTo(summary.meanPauseSeconds * summary.pauseCount, 1);
    expect(pauses).toBeGreaterThan(0);
    const speechShare = frames.filter((f) => f.speech === 1).length / frames.length;
    const weighted =
      spans.reduce((a, s, i) => a + s.speaking * Math.min(200, frames.length - i * 200), 0) / frames.length;
    expect(weighted).toBeCloseTo(speechShare, 2);
    // Syllables are counted on a slightly different intensity contour than the file summary: within 35 %.
    const rate = spans.reduce((a, s) => a + (s.speakingRate ?? 0) * 2, 0) / (frames.length / 100);
    expect(Math.abs(rate - summary.speechRate) / summary.speechRate).toBeLessThan(0.35);
    for (const s of spans) expect(() => validateCueMessage({ ...full, voice: s })).not.toThrow();
    expect(spans.some((s) => s.pitchVariability !== null && s.pitchVariability > 0)).toBe(true);
  });

  it('silence: speaking 0 and no loudness, pitch or rate; no frames: no cues; wrong width refused', () => {
    const cols = AUDIO_FRAME_FEATURES.length;
    const { frames } = extractAudioFeatures(new Float32Array(32_000), 16_000);
    const rows = new Float32Array(frames.length * cols);
    frames.forEach((f, i) => AUDIO_FRAME_FEATURES.forEach((k, c) => (rows[i * cols + c] = f[k])));
    const silent = {
      speaking: 0,
      pauses: 0,
      pauseSeconds: 0,
      loudness: null,
      pitchVariability: null,
      speakingRate: null,
    };
    expect(new VoiceCueTracker().take(rows, cols, 2)).toEqual(silent);
    expect(new VoiceCueTracker().take(new Float32Array(0), cols, 2)).toBeNull();
    expect(() => new VoiceCueTracker().take(rows, cols - 1, 2)).toThrow(HireNetError);
  });
});
