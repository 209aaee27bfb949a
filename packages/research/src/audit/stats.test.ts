import { HireNetError } from '@hirenet/sdk/internal/util/errors';
import { describe, expect, it } from 'vitest';
import { fisherExactTwoSided } from './fisher.ts';
import { countAbove, median } from './median.ts';

describe('median', () => {
  it('takes the middle value, or the mean of the two middle values', () => {
    expect(median([3, 1, 2])).toBe(2);
    expect(median([4, 1, 3, 2])).toBe(2.5);
    expect(median([0.5, 0.5, 0.9, 0.1])).toBe(0.5);
    expect(() => median([])).toThrow(HireNetError);
  });
  it('sorts numerically, not as text', () => {
    expect(median([10, 9, 100])).toBe(10);
  });
  it('counts strictly above, so ties at the median do not count', () => {
    expect(countAbove([0.5, 0.5, 0.6, 0.4], 0.5)).toBe(1);
  });
});

describe('fisherExactTwoSided', () => {
  // Expected values from scipy.stats.fisher_exact (two-sided), computed independently.
  it.each([
    [[3, 1, 1, 3], 0.48571428571428565],
    [[1, 9, 11, 3], 0.0027594561852200836],
    [[0, 5, 5, 0], 0.007936507936507938],
    [[10, 10, 10, 10], 1],
    [[120, 80, 90, 110], 0.0036351855558814402],
    [[0, 0, 3, 4], 1],
  ])('%j → %f', (cells, p) => {
    const [a, b, c, d] = cells as [number, number, number, number];
    expect(fisherExactTwoSided(a, b, c, d)).toBeCloseTo(p, 10);
  });
  it('refuses non-integer cells', () => {
    expect(() => fisherExactTwoSided(1.5, 1, 1, 1)).toThrow(HireNetError);
  });
});
