import { describe, expect, it } from 'vitest';
import { lostSeconds } from './gaps.ts';

const grid = (from: number, to: number, step: number): number[] =>
  Array.from({ length: Math.floor((to - from) / step) }, (_, i) => from + i * step);

describe('lostSeconds', () => {
  it('a channel that delivered all along lost nothing', () => {
    expect(lostSeconds(grid(0.05, 12, 1 / 15), 0, 12)).toBe(0);
  });

  it('a worker blocked from 3 s to 15 s of a 20 s answer lost those 12 s', () => {
    const times = [...grid(0, 3, 1 / 15), ...grid(15, 20, 1 / 15)];
    expect(lostSeconds(times, 0, 20)).toBeCloseTo(15 - times.filter((t) => t < 3).at(-1)!, 6);
    expect(lostSeconds(times, 0, 20)).toBeGreaterThan(11.9);
  });

  it('counts a late start and an early end, not short hiccups', () => {
    const times = [...grid(4, 6, 0.1), 6.8, 7.5, ...grid(8, 9, 0.1)];
    // 0 → 4 (4 s) and the last row (~8.9) → 14 (≈ 5.1 s); 6 → 6.8 → 7.5 → 8 are below the limit.
    expect(lostSeconds(times, 0, 14)).toBeCloseTo(4 + (14 - times.at(-1)!), 6);
  });

  it('no time at all: the whole span; an empty span: nothing', () => {
    expect(lostSeconds([], 0, 5)).toBe(5);
    expect(lostSeconds([], 0, 1.5)).toBe(0);
    expect(lostSeconds([1, 2], 3, 3)).toBe(0);
  });

  it('ignores times outside the span and needs no sorting', () => {
    expect(lostSeconds([9, 0.5, -1, 4.5, 2.5, 3.5, 1.5], 0, 5)).toBe(0);
    expect(lostSeconds([9, 0.5, 4.5], 0, 5)).toBeCloseTo(4, 6);
  });
});
