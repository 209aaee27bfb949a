import { describe, expect, it } from 'vitest';
import { interpolateEven, refineEvenPeak } from './peak-interpolation.ts';

/** An even, band-limited "correlation": a cosine of period 37.3 lags under a slow decay. */
const PERIOD = 37.3;
const truth = (lag: number): number => Math.cos((2 * Math.PI * lag) / PERIOD) * Math.exp(-((lag / 400) ** 2));
const LAST = 120;
const r = Float64Array.from({ length: LAST + 1 }, (_, k) => truth(k));

describe('sinc interpolation of an even correlation function', () => {
  it('passes through the samples and follows the function between them', () => {
    expect(interpolateEven(r, LAST, 12, 30)).toBe(r[12]);
    for (const at of [3.3, 17.5, 40.25, 0.4, 90.9]) expect(interpolateEven(r, LAST, at, 30)).toBeCloseTo(truth(at), 2);
  });

  it('uses the mirror image below lag 0 (r is even)', () => {
    expect(interpolateEven(r, LAST, 0.5, 30)).toBeCloseTo(truth(0.5), 2);
  });

  it('does not ring above its neighbours next to the last lag (linear there, as Praat)', () => {
    const v = interpolateEven(r, LAST, LAST - 0.5, 30);
    expect(v).toBeCloseTo(0.5 * (r[LAST - 1]! + r[LAST]!), 12);
  });

  it('finds a maximum between lags: the peak at one period', () => {
    const p = refineEvenPeak(r, LAST, 37, 30);
    expect(p.lag).toBeCloseTo(PERIOD, 1);
    expect(p.value).toBeCloseTo(truth(PERIOD), 3);
    expect(p.value).toBeGreaterThan(Math.max(r[37]!, r[38]!));
  });
});
