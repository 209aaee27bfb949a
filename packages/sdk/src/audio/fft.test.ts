import { HireNetError } from '../util/errors.ts';
import { describe, expect, it } from 'vitest';
import { Fft } from './fft.ts';
import { CrossCorrelation, RealFft } from './real-fft.ts';

function dftPower(x: number[], n: number): number[] {
  const out: number[] = [];
  for (let k = 0; k <= n / 2; k++) {
    let re = 0;
    let im = 0;
    x.forEach((v, t) => {
      re += v * Math.cos((2 * Math.PI * k * t) / n);
      im -= v * Math.sin((2 * Math.PI * k * t) / n);
    });
    out.push(re * re + im * im);
  }
  return out;
}

describe('FFT', () => {
  it('complex forward then inverse returns the input', () => {
    const f = new Fft(64);
    const re = Float64Array.from({ length: 64 }, (_, i) => Math.sin(i) + i / 10);
    const im = new Float64Array(64);
    const orig = re.slice();
    f.transform(re, im);
    f.transform(re, im, true);
    re.forEach((v, i) => expect(v).toBeCloseTo(orig[i]!, 10));
  });

  it('real power spectrum equals a direct float64 DFT', () => {
    const x = Array.from({ length: 40 }, (_, i) => Math.cos(i * 0.7) * (i % 3) - 0.2);
    const p = new RealFft(64).power(x);
    dftPower(x, 64).forEach((v, k) => expect(p[k]).toBeCloseTo(v, 8));
  });

  it('autocorrelation of a zero-padded signal equals the direct linear sum', () => {
    const x = Array.from({ length: 30 }, (_, i) => Math.sin(i * 1.3) + 0.1 * i);
    const f = new RealFft(64);
    f.power(x);
    const ac = f.autocorrelation(new Float64Array(20));
    for (let lag = 0; lag < 20; lag++) {
      let s = 0;
      for (let t = 0; t + lag < x.length; t++) s += x[t]! * x[t + lag]!;
      expect(ac[lag]).toBeCloseTo(s, 8);
    }
  });

  it('cross-correlation of two zero-padded signals equals the direct linear sum', () => {
    const a = Array.from({ length: 21 }, (_, i) => Math.sin(i * 0.9) - 0.3);
    const b = Array.from({ length: 40 }, (_, i) => Math.cos(i * 0.4) + 0.05 * i);
    const c = new CrossCorrelation(64).compute(a, a.length, b, b.length, new Float64Array(30));
    for (let lag = 0; lag < 30; lag++) {
      let s = 0;
      for (let j = 0; j < a.length && j + lag < b.length; j++) s += a[j]! * b[j + lag]!;
      expect(c[lag]).toBeCloseTo(s, 8);
    }
    expect(() => new CrossCorrelation(32).compute(a, a.length, b, b.length, new Float64Array(30))).toThrow(
      HireNetError,
    );
  });

  it('rejects sizes that are not powers of two', () => {
    expect(() => new Fft(48)).toThrow(HireNetError);
  });
});
