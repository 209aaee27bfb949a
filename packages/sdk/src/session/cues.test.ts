import { describe, expect, it } from 'vitest';
import { AUDIO_FEATURE_SCHEMA } from '../audio/schema.ts';
import { POSTURE_COLUMNS } from '../video/posture-windows.ts';
import { WINDOW_COLUMNS } from '../video/schema.ts';
import { CUE_SPECS, momentCues } from './cues.ts';
import type { ModalityRows } from './types.ts';

function series(
  names: readonly string[],
  n: number,
  set: (t: number, put: (name: string, v: number) => void) => void,
): ModalityRows {
  const rows = Array.from({ length: n }, (_, t) => {
    const r = new Array<number>(names.length).fill(0);
    set(t, (name, v) => {
      const c = names.indexOf(name);
      if (c < 0) throw new Error(`no column ${name}`);
      r[c] = v;
    });
    return r;
  });
  return { names, rows, windowIndex: rows.map((_, t) => t), totalWindows: n };
}

describe('cues of a key moment', () => {
  it('every cue names an existing window column of its modality (no silent no-op cue)', () => {
    for (const s of CUE_SPECS) {
      const names =
        s.posture === true
          ? POSTURE_COLUMNS
          : s.modality === 'audio'
            ? AUDIO_FEATURE_SCHEMA.windowFeatures
            : WINDOW_COLUMNS;
      expect(names, s.code).toContain(s.feature);
    }
  });

  it('a pause and a flat pitch stand out where speech drops and F0 spread shrinks', () => {
    const audio = series(AUDIO_FEATURE_SCHEMA.windowFeatures, 20, (t, put) => {
      const inMoment = t >= 6 && t <= 8;
      put('speech_mean', inMoment ? 0.1 : 0.8 + 0.02 * (t % 3));
      put('voicedFraction', 0.6);
      put('F0_semitones_std', inMoment ? 0.2 : 2 + 0.1 * (t % 2));
      put('loudness_mean', 1 + 0.01 * (t % 2));
    });
    const codes = momentCues({ audio }, 6, 8).map((c) => c.code);
    expect(codes).toContain('pause');
    expect(codes).toContain('pitch flat');
    expect(codes).not.toContain('pitch varied');
    expect(codes).not.toContain('louder');
  });

  it('eyes closed longer and lips pressed from AU45 / AU24, and nothing when the moment is like the rest', () => {
    const video = series(WINDOW_COLUMNS, 16, (t, put) => {
      const inMoment = t >= 10 && t <= 11;
      put('AU45_int_mean', inMoment ? 0.6 : 0.1 + 0.01 * (t % 2));
      put('AU24_int_mean', inMoment ? 0.4 : 0.05);
      put('AU26_int_std', 0.05);
      put('yaw_std', 1);
    });
    const cues = momentCues({ video }, 10, 11);
    expect(cues.map((c) => c.code).sort()).toEqual(['eyes closed longer', 'lips pressed']);
    expect(cues.find((c) => c.code === 'eyes closed longer')!.moment).toBeCloseTo(0.6, 12);
    expect(momentCues({ video }, 2, 3)).toEqual([]);
  });

  it('posture cues from the posture rows; an unmeasured (null) cell is not compared', () => {
    const names = [...POSTURE_COLUMNS];
    const rows = Array.from({ length: 12 }, (_, t) => {
      const inMoment = t >= 5 && t <= 6;
      // outOfFrame, tilt, lean, headOffset, handNearFace, handMovement (hands never seen: null).
      return [0, 1 + 0.1 * (t % 2), 0, 0.05, inMoment ? 1 : 0, null];
    });
    const posture = { names, rows, windowIndex: rows.map((_, t) => t), totalWindows: 12 };
    const cues = momentCues({ posture }, 5, 6);
    expect(cues.map((c) => c.code)).toEqual(['hand near face']);
    expect(cues[0]!.modality).toBe('video');
    expect(momentCues({ posture: null }, 5, 6)).toEqual([]);
  });

  it('no cue names an emotion (EU AI Act Art. 5(1)(f))', () => {
    const emotions = /happ|sad|ang|fear|disgust|surpris|nervous|anx|confiden|stress|emotion/i;
    for (const s of CUE_SPECS) expect(s.code).not.toMatch(emotions);
  });
});
