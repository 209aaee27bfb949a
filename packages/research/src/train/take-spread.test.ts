import { describe, expect, it } from 'vitest';
import { takeSpread } from './take-spread.ts';

describe('takeSpread', () => {
  it('matches interviews by id and reports |Δscore| and decision flips', () => {
    const a = [
      { id: 'a', score: 0.9 },
      { id: 'b', score: 0.4 },
      { id: 'c', score: 0.1 },
    ];
    const b = [
      { id: 'c', score: 0.2 },
      { id: 'a', score: 0.8 },
      { id: 'b', score: 0.6 },
    ];
    const s = takeSpread(a, b);
    expect(s.n).toBe(3);
    expect(s.meanAbs).toBeCloseTo(0.4 / 3);
    expect(s.medianAbs).toBeCloseTo(0.1);
    expect(s.p90Abs).toBeCloseTo(0.2);
    expect(s.flipRate).toBeCloseTo(1 / 3);
  });
  it('refuses takes of different interviews', () => {
    expect(() => takeSpread([{ id: 'a', score: 0 }], [{ id: 'b', score: 0 }])).toThrow(/missing/);
    expect(() => takeSpread([], [])).toThrow(/0 and 0/);
  });
});
