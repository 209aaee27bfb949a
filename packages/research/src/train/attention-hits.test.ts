import { describe, expect, it } from 'vitest';
import { attentionHits } from './attention-hits.ts';

describe('attentionHits', () => {
  it('counts a top window inside the event, or one window either side, as a hit', () => {
    const r = attentionHits([
      {
        answerAttention: [
          [0.1, 0.6, 0.1, 0.1, 0.1],
          [0.5, 0.1, 0.1, 0.1, 0.2],
          [0.1, 0.1, 0.1, 0.1, 0.6],
        ],
        events: [
          { answer: 0, start: 1, end: 3, relevant: true }, // top 1 inside
          { answer: 1, start: 2, end: 4, relevant: false }, // top 0: two before start, a miss
          { answer: 2, start: 1, end: 4, relevant: true }, // top 4 = end (exclusive) + 0: within ±1
        ],
      },
    ]);
    expect(r).toEqual({ answers: 3, hitRate: 2 / 3, relevantAnswers: 2, relevantHitRate: 1 });
  });
  it('skips answers without attention (missing modality)', () => {
    expect(attentionHits([{ answerAttention: [[]], events: [{ answer: 0, start: 0, end: 2 }] }]).answers).toBe(0);
  });
});
