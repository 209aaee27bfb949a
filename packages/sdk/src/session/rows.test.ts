import { describe, expect, it } from 'vitest';
import { AUDIO_FEATURE_SCHEMA } from '../audio/schema.ts';
import type { PooledWindow } from '../features/windows.ts';
import { expandAttention, fuseOutputs } from './fusion.ts';
import { assertSameNames, windowsToRows } from './rows.ts';
import type { ModalityRows } from './types.ts';

const names = ['a_mean', 'a_std', 'b_mean'];

function win(index: number, values: number[] | null): PooledWindow {
  return {
    index,
    startSeconds: index * 0.25,
    endSeconds: index * 0.25 + 0.5,
    validFrames: values === null ? 0 : 5,
    masked: values === null,
    values: values === null ? null : Float64Array.from(values),
  };
}

describe('window → model rows', () => {
  it('keeps unmasked windows in order and remembers their grid positions', () => {
    const r = windowsToRows('video', [win(0, [1, 2, 3]), win(1, null), win(2, [4, 5, 6])], names, names);
    expect(r).toEqual({
      names,
      rows: [
        [1, 2, 3],
        [4, 5, 6],
      ],
      windowIndex: [0, 2],
      totalWindows: 3,
    });
  });

  it('an answer with only masked windows is a missing modality (null), not zeros', () => {
    expect(windowsToRows('video', [win(0, null), win(1, null)], names, names)).toBeNull();
  });

  it('refuses a model whose column names differ from what the SDK produces', () => {
    expect(() => assertSameNames('audio', names, ['a_mean', 'b_mean', 'a_std'])).toThrow(
      /first difference at #1: a_std vs b_mean/,
    );
    expect(() => windowsToRows('audio', [win(0, [1, 2, 3])], names, names.slice(0, 2))).toThrow(
      expect.objectContaining({ code: 'feature-mismatch' }),
    );
  });

  it(
    'the audio pooled layout is the schema the models are trained on (mean/std per descriptor + ' + 'voicedFraction)',
    () => {
      const f = AUDIO_FEATURE_SCHEMA.windowFeatures;
      expect(f[0]).toBe('F0_semitones_mean');
      expect(f[f.length - 1]).toBe('voicedFraction');
      expect(f.length).toBe(45);
    },
  );
});

describe('late fusion', () => {
  const rowsOf = (windowIndex: number[], total: number): ModalityRows => ({
    names: ['x'],
    rows: windowIndex.map(() => [0]),
    windowIndex,
    totalWindows: total,
  });

  it('maps attention over kept windows back onto the answer grid', () => {
    expect(expandAttention([0.7, 0.3], rowsOf([1, 3], 4), 4)).toEqual([0, 0.7, 0, 0.3]);
  });

  it('averages the scores of modalities present; a modality no answer has does not count', () => {
    const audio = {
      modality: 'audio' as const,
      output: { score: 0.8, questionAttention: [0.6, 0.4], answerAttention: [[0.5, 0.5], [1]] },
      answers: [rowsOf([0, 1], 2), rowsOf([0], 1)],
    };
    const video = {
      modality: 'video' as const,
      output: { score: 0.2, questionAttention: [1, 0], answerAttention: [[1], []] },
      answers: [rowsOf([1], 2), null],
    };
    const f = fuseOutputs([audio, video], [2, 1]);
    expect(f.score).toBeCloseTo(0.5, 12);
    expect(f.scores).toEqual({ audio: 0.8, video: 0.2 });
    expect(f.questionAttention).toEqual([0.8, 0.2]);
    // Answer 0: audio [0.5, 0.5], video [0, 1] → mean; answer 1: audio only.
    expect(f.answerAttention).toEqual([[0.25, 0.75], [1]]);
    const onlyAudio = fuseOutputs([audio, { ...video, answers: [null, null] }], [2, 1]);
    expect(onlyAudio.score).toBe(0.8);
    expect(onlyAudio.scores).toEqual({ audio: 0.8 });
  });
});
