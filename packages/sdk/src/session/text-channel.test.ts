import { describe, expect, it } from 'vitest';
import type { TextRowWord } from '../text/answer-text.ts';
import { parseTranscript } from '../text/transcript-parse.ts';
import { answerGrid, fuseOutputs } from './fusion.ts';
import { projectWordAttention, transcriptGridLength } from './text-channel.ts';
import { textFeedback, textOutcome, type TextInputs } from './text-result.ts';
import { answerTexts } from './text-channel.ts';

const row = (index: number, start: number | null, end: number | null): TextRowWord => ({
  token: `w${index}`,
  source: `w${index}`,
  index,
  start,
  end,
});

describe('word attention on the window grid', () => {
  it('covers the last word: a transcript ending at 2.0 s reaches window 6 ([1.5, 2.0))', () => {
    const t = parseTranscript([{ word: 'a', start: 0, end: 2 }]);
    expect(transcriptGridLength(t)).toBe(7);
    expect(transcriptGridLength(parseTranscript('a b'))).toBe(0);
  });

  it('spreads a word evenly over the windows it overlaps and keeps the total', () => {
    // [0.3, 0.6) overlaps windows 0 [0,0.5), 1 [0.25,0.75), 2 [0.5,1.0).
    const p = projectWordAttention([row(0, 0.3, 0.6), row(1, 1.0, 1.0)], [0.6, 0.4], 8);
    expect(p.windowIndex).toEqual([0, 1, 2, 3, 4]);
    expect(p.weights.slice(0, 3).map((w) => +w.toFixed(12))).toEqual([0.2, 0.2, 0.2]);
    // A zero-length word at 1.0 s lies in windows 3 [0.75,1.25) and 4 [1.0,1.5).
    expect(p.weights.slice(3).map((w) => +w.toFixed(12))).toEqual([0.2, 0.2]);
    expect(p.weights.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 12);
  });

  it('puts untimed words nowhere on the grid', () => {
    expect(projectWordAttention([row(0, null, null)], [1], 8)).toEqual({ windowIndex: [], weights: [] });
  });

  it('an answer whose only words are untimed keeps the score but not the timeline in fusion', () => {
    const text = {
      modality: 'text' as const,
      output: { score: 0.9, questionAttention: [1], answerAttention: [[]] },
      answers: [{ names: ['word'], rows: [[], []], windowIndex: [], totalWindows: 4 }],
    };
    const audio = {
      modality: 'audio' as const,
      output: { score: 0.3, questionAttention: [1], answerAttention: [[0.1, 0.2, 0.3, 0.4]] },
      answers: [{ names: ['x'], rows: [[1], [1], [1], [1]], windowIndex: [0, 1, 2, 3], totalWindows: 4 }],
    };
    const f = fuseOutputs([audio, text], [4]);
    expect(f.score).toBeCloseTo(0.6, 12);
    expect(f.scores).toEqual({ audio: 0.3, text: 0.9 });
    expect(f.answerAttention[0]).toEqual([0.1, 0.2, 0.3, 0.4]);
  });

  it('the grid is the longest channel, a timed transcript included', () => {
    expect(answerGrid([null, null], 2, [0, 9])).toEqual([0, 9]);
  });
});

describe('text in the result', () => {
  const timed = parseTranscript([
    { word: 'I', start: 0.0, end: 0.2 },
    { word: 'um', start: 0.3, end: 0.6 },
    { word: 'negotiated', start: 1.0, end: 1.6 },
    { word: 'budgets,', start: 1.6, end: 2.2 },
  ]);
  const texts = answerTexts([timed, null], ['Tell us about a deal.', 'Why us?'], [3, null], null);
  const inputs: TextInputs = { grid: [9, 0], run: null, transcripts: [timed, null], texts };

  it('a key moment says what was being said when the words have times', () => {
    expect(textOutcome.said(inputs, 0, 0.9, 1.9)).toEqual({ said: 'negotiated budgets,' });
    expect(textOutcome.said(inputs, 1, 0, 9)).toEqual({});
    expect(textOutcome.said(undefined, 0, 0, 9)).toEqual({});
  });

  it('answers carry words, no key words without a model, and lexical counts over the answer length', () => {
    expect(texts[0]).toMatchObject({ answer: 0, timed: true, source: 'json', keyWords: [] });
    expect(texts[0]!.lexical.wordsPerMinute).toBeCloseTo(80, 12);
    expect(texts[0]!.lexical.fillers.count).toBe(1);
    expect(texts[1]).toBeNull();
  });

  it('lexical items join the voice and face feedback, per answer and overall', () => {
    const fb = textFeedback({ overall: [], answers: [] }, inputs);
    expect(fb.answers.map((a) => a.answer)).toEqual([0]);
    expect(fb.answers[0]!.items.map((i) => i.metric)).toContain('filler words');
    expect(fb.overall.find((i) => i.metric === 'words per minute')?.value).toBe(80);
  });
});
