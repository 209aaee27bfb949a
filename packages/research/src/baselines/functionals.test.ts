import { describe, expect, it } from 'vitest';
import { answerStatistics } from '../sim/nonseq.ts';
import { mulberry32 } from '@hirenet/sdk/internal/util/prng';
import { answerFunctionals, functionalNames } from './functionals.ts';

describe('answerFunctionals', () => {
  it('computes mean, std, min, max and gradient sums by hand', () => {
    // Column 0: 1, 2, 4, 3 → gradients +1, +2, −1. Column 1 is constant.
    const rows = Float32Array.from([1, 7, 2, 7, 4, 7, 3, 7]);
    const f = Array.from(answerFunctionals(rows, 2));
    expect(f.slice(0, 6)).toEqual([2.5, Math.sqrt(1.25), 1, 4, 3, 1]);
    expect(f.slice(6)).toEqual([7, 0, 7, 7, 0, 0]);
  });

  it('gives std 0 and no gradients for a single window', () => {
    expect(Array.from(answerFunctionals(Float32Array.from([5]), 1))).toEqual([5, 0, 5, 5, 0, 0]);
  });

  it('agrees with the SimInterview order-free statistics', () => {
    const rand = mulberry32(3);
    const rows = Array.from({ length: 30 }, () => Array.from({ length: 4 }, () => Math.fround(rand() * 10 - 5)));
    const mine = answerFunctionals(Float32Array.from(rows.flat()), 4);
    const theirs = answerStatistics(rows);
    mine.forEach((v, i) => expect(v).toBeCloseTo(theirs[i] as number, 9));
  });

  it('swaps the gradient sums when time is reversed', () => {
    const fwd = Float32Array.from([0, 3, 1, 4, 1, 5]);
    const rev = Float32Array.from([...fwd].reverse());
    const a = answerFunctionals(fwd, 1);
    const b = answerFunctionals(rev, 1);
    expect([a[4], a[5]]).toEqual([b[5], b[4]]);
  });

  it('names columns descriptor-major and refuses ragged or empty input', () => {
    expect(functionalNames(['f0', 'loud'])).toEqual([
      'f0_mean',
      'f0_std',
      'f0_min',
      'f0_max',
      'f0_posGradSum',
      'f0_negGradSum',
      'loud_mean',
      'loud_std',
      'loud_min',
      'loud_max',
      'loud_posGradSum',
      'loud_negGradSum',
    ]);
    expect(() => answerFunctionals(new Float32Array(3), 2)).toThrow(/whole rows/);
    expect(() => answerFunctionals(new Float32Array(0), 2)).toThrow(/empty/);
  });
});
