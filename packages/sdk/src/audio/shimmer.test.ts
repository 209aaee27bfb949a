import { describe, expect, it } from 'vitest';
import { shimmerLocalDb } from './shimmer.ts';

describe('shimmer (local, dB)', () => {
  it('is 0 for constant amplitudes', () => {
    expect(shimmerLocalDb([0.5, 0.5, 0.5], [0.005, 0.005, 0.005])).toBe(0);
  });

  it('is 20·log10 of the ratio for alternating amplitudes', () => {
    expect(shimmerLocalDb([1, 1.1, 1, 1.1], [0.005, 0.005, 0.005, 0.005])).toBeCloseTo(20 * Math.log10(1.1), 8);
  });

  it('skips amplitude jumps above the 1.6 factor and returns 0 when nothing is comparable', () => {
    expect(shimmerLocalDb([1, 2, 2], [0.005, 0.005, 0.005])).toBe(0);
    expect(shimmerLocalDb([1], [0.005])).toBe(0);
  });
});
