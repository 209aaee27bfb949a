import { describe, expect, it } from 'vitest';
import { HNR_MAX_DB, HNR_MIN_DB, hnrDb } from './hnr.ts';

describe('HNR from autocorrelation', () => {
  it('is 0 dB at r = 0.5 and 10·log10(9) at r = 0.9', () => {
    expect(hnrDb(0.5)).toBeCloseTo(0, 10);
    expect(hnrDb(0.9)).toBeCloseTo(10 * Math.log10(9), 10);
  });

  it('stays finite at the extremes', () => {
    expect(hnrDb(1)).toBe(HNR_MAX_DB);
    expect(hnrDb(0)).toBe(HNR_MIN_DB);
    expect(hnrDb(Number.NaN)).toBe(HNR_MIN_DB);
  });
});
