import { describe, expect, it } from 'vitest';
import { AU_CODES } from '../video/au-map.ts';
import { emptyFrameRow, type VideoFrameRow } from '../video/frame-row.ts';
import { buildAnswerRecord, LOW_LIGHT, type AnswerInput } from './answer-record.ts';
import { videoAnswerStats } from './answer-stats.ts';
import { fakeAudioResult } from './testing/audio-result.ts';

function faceRow(time: number, opts: { blink?: boolean; smile?: boolean; gazeX?: number } = {}): VideoFrameRow {
  const base = emptyFrameRow(time);
  const n = AU_CODES.length;
  const presence = new Uint8Array(n);
  if (opts.blink === true) presence[AU_CODES.indexOf('AU45')] = 1;
  if (opts.smile === true) presence[AU_CODES.indexOf('AU12')] = 1;
  return {
    ...base,
    face: 1,
    au: { intensity: new Float32Array(n).fill(0.1), presence, left: new Float32Array(n), right: new Float32Array(n) },
    pose: { yaw: 1, pitch: 0, roll: 0, tx: 0, ty: 0, tz: -40 },
    gaze: { gazeX: opts.gazeX ?? 0, gazeY: 0 },
  };
}

/** An answer whose model expects nothing in particular and whose capture raised no warning. */
const answer = (x: Omit<AnswerInput, 'expected' | 'captureWarnings'>) =>
  buildAnswerRecord({ ...x, expected: {}, captureWarnings: [] });

describe('answer record', () => {
  it('no face for a whole answer: video is missing (null) with a no-face warning, audio kept', () => {
    const rows = Array.from({ length: 45 }, (_, k) => emptyFrameRow(k / 15));
    const r = answer({
      index: 1,
      seconds: 3,
      audio: fakeAudioResult(11, { speech: 0.8, voiced: 0.6 }),
      videoRows: rows,
    });
    expect(r.video).toBeNull();
    expect(r.audio?.rows.length).toBe(11);
    expect(r.warnings.map((w) => [w.code, w.answer])).toEqual([['no-face', 1]]);
  });

  it('silence: the audio is not scored and says why; a speaking answer is scored', () => {
    const silent = answer({
      index: 0,
      seconds: 3,
      audio: fakeAudioResult(11, { speech: 0, voiced: 0 }),
      videoRows: null,
    });
    expect(silent.audio).toBeNull();
    expect(silent.warnings.map((w) => w.code)).toEqual(['silence']);
    const speaking = answer({
      index: 0,
      seconds: 3,
      audio: fakeAudioResult(11, { speech: 0.7, voiced: 0.5 }),
      videoRows: null,
    });
    expect(speaking.audio).not.toBeNull();
    expect(speaking.warnings).toEqual([]);
  });

  it('video with a face in every frame gives one row per 0.25 s window', () => {
    const rows = Array.from({ length: 30 }, (_, k) => faceRow(k / 15));
    const r = answer({ index: 0, seconds: 2, audio: null, videoRows: rows });
    // 2 s, 0.5 s windows every 0.25 s → 7 windows.
    expect(r.video?.totalWindows).toBe(7);
    expect(r.video?.rows.length).toBe(7);
    expect(r.warnings).toEqual([]);
  });

  it('video windows with no analysed frame: named by windows-dropped beyond a fifth of the answer', () => {
    const record = (from: number) =>
      answer({
        index: 0,
        seconds: 4,
        audio: null,
        // 15 fps from `from` seconds on: the analysis started late.
        videoRows: Array.from({ length: Math.round((4 - from) * 15) }, (_, k) => faceRow(from + k / 15)),
      });
    // 4 s → 15 windows; a 0.3 s late start leaves window 0 with frames (0.3–0.5 s): nothing to say.
    expect(record(0.3).warnings).toEqual([]);
    // 1.5 s late: windows 0–4 end by 1.5 s (ends are exclusive) and hold no frame, 5 of 15 (> 3): named.
    const late = record(1.5);
    expect(late.warnings.map((w) => w.code)).toEqual(['windows-dropped']);
    expect(late.warnings[0]!.message).toContain('5 of 15 video windows');
    expect(late.warnings[0]!.message).toContain('without an analysed camera frame');
    expect(late.video?.rows.length).toBe(10);
  });

  it('video stats count blink onsets, smile and gaze-away frames', () => {
    // 60 frames over 4 s: blinks at frames 10–11 and 40 (2 onsets), smile in 15 frames, gaze away in 6.
    const rows = Array.from({ length: 60 }, (_, k) =>
      faceRow(k / 15, { blink: k === 10 || k === 11 || k === 40, smile: k < 15, gazeX: k >= 50 && k < 56 ? 0.6 : 0 }),
    );
    const s = videoAnswerStats(rows, 4);
    expect(s.blinksPerMinute).toBeCloseTo(30, 12);
    expect(s.smileFraction).toBeCloseTo(0.25, 12);
    expect(s.gazeAwayFraction).toBeCloseTo(0.1, 12);
  });

  it('low light: a dark answer keeps its video and gets a low-light warning; a bright one does not', () => {
    const lit = (luma: number): VideoFrameRow[] => Array.from({ length: 30 }, (_, k) => ({ ...faceRow(k / 15), luma }));
    const dark = answer({ index: 2, seconds: 2, audio: null, videoRows: lit(LOW_LIGHT - 1) });
    expect(dark.videoStats?.meanLuma).toBeCloseTo(LOW_LIGHT - 1, 9);
    expect(dark.video?.rows.length).toBe(7);
    expect(dark.warnings.map((w) => [w.code, w.answer])).toEqual([['low-light', 2]]);
    const bright = answer({ index: 2, seconds: 2, audio: null, videoRows: lit(LOW_LIGHT + 1) });
    expect(bright.warnings).toEqual([]);
  });

  it('no luma measured (older records, or no 2D canvas): no meanLuma and no low-light warning', () => {
    const rows = Array.from({ length: 30 }, (_, k) => faceRow(k / 15));
    const r = answer({ index: 0, seconds: 2, audio: null, videoRows: rows });
    expect(r.videoStats?.meanLuma).toBeUndefined();
    expect(r.warnings).toEqual([]);
  });
});
