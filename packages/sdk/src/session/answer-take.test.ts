import { describe, expect, it } from 'vitest';
import type { AudioResult } from '../audio/audio-worker.ts';
import { AUDIO_FEATURE_SCHEMA } from '../audio/schema.ts';
import type { AudioSummary } from '../audio/summary.ts';
import { decideTake } from './answer-take.ts';

const NAMES = AUDIO_FEATURE_SCHEMA.windowFeatures;

/** Audio of `windows` windows; `voiced`/`speech` decide whether the silence rule drops it. */
function audio(windows: number, voiced: number, speech: number): AudioResult {
  const summary = {
    durationSeconds: windows * 0.25 + 0.25,
    voicedFraction: voiced,
    speechRate: 4,
    pauseCount: 0,
    meanPauseSeconds: 0,
    longestPauseSeconds: 0,
    stdF0semitones: 2,
  } as AudioSummary;
  return {
    rows: new Float32Array(0),
    columns: 24,
    summary,
    windows: Array.from({ length: windows }, (_, i) => {
      const v = new Float64Array(NAMES.length);
      v[NAMES.indexOf('speech_mean')] = speech;
      v[NAMES.length - 1] = voiced;
      return {
        index: i,
        startSeconds: i * 0.25,
        endSeconds: i * 0.25 + 0.5,
        validFrames: 50,
        masked: false,
        values: v,
      };
    }),
  };
}

const take = (a: AudioResult, seconds = 5) => ({ index: 0, seconds, audio: a, videoRows: null });

describe('decideTake', () => {
  const good = decideTake(take(audio(19, 0.6, 0.8)), null, {}, []);

  it('a usable take is stored', () => {
    expect(good.store?.audio?.rows).toHaveLength(19);
    expect(good.warnings).toEqual([]);
  });

  it('a silent take does not replace a usable one: take-kept, after the silence warning', () => {
    const d = decideTake(take(audio(19, 0, 0)), good.store, {}, []);
    expect(d.store).toBeNull();
    expect(d.warnings.map((w) => w.code)).toEqual(['silence', 'take-kept']);
  });

  it('a silent first take is stored (its warnings say why it has no audio)', () => {
    const d = decideTake(take(audio(19, 0, 0)), null, {}, []);
    expect(d.store).not.toBeNull();
    expect(d.store?.audio).toBeNull();
    expect(d.warnings.map((w) => w.code)).toEqual(['silence']);
  });

  it('a take shorter than one window is never stored', () => {
    const d = decideTake(take(audio(0, 0.5, 0.5), 0.3), good.store, {}, []);
    expect(d.store).toBeNull();
    expect(d.warnings[0]?.message).toMatch(/previous take is kept/);
  });
});
