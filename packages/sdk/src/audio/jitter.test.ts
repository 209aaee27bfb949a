import { describe, expect, it } from 'vitest';
import { JitterAccumulator, jitterLocal } from './jitter.ts';

describe('jitter (local)', () => {
  it('is 0 for identical periods', () => {
    expect(jitterLocal([0.005, 0.005, 0.005, 0.005])).toBe(0);
  });

  it('matches the hand computation for alternating periods', () => {
    // |diffs| = 0.0002 each, mean period 0.0066 → 0.0303…
    expect(jitterLocal([0.0065, 0.0067, 0.0065, 0.0067])).toBeCloseTo(0.0002 / 0.0066, 6);
  });

  it('ignores pairs across a voicing break and implausible period ratios', () => {
    const acc = new JitterAccumulator();
    for (const p of [0.005, 0.0051, null, 0.008, 0.0081, 0.012]) acc.add(p);
    // Pairs used: (5, 5.1) and (8, 8.1); 8.1→12 exceeds the 1.3 factor.
    const expected = (0.0001 + 0.0001) / 2 / ((0.005 + 0.0051 + 0.008 + 0.0081 + 0.012) / 5);
    expect(acc.value()).toBeCloseTo(expected, 8);
    expect(acc.count).toBe(2);
  });

  it('returns 0, not NaN, with too few periods', () => {
    expect(jitterLocal([])).toBe(0);
    expect(jitterLocal([0.005])).toBe(0);
  });
});
