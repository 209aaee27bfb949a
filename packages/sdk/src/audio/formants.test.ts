import { describe, expect, it } from 'vitest';
import { FormantAnalyzer } from './formants.ts';
import { burgLpc, polynomialRoots } from './lpc.ts';
import { synthVowel, whiteNoise } from './testing/synth.ts';

describe('LPC formants', () => {
  it('recovers the resonances of a synthetic /a/ (700, 1220, 2600 Hz) within 6 %', () => {
    const x = synthVowel({
      f0: 120,
      formants: [
        [700, 80],
        [1220, 90],
        [2600, 120],
      ],
      noise: 0.05,
      seconds: 0.5,
    });
    const fa = new FormantAnalyzer({ sampleRate: 16000 });
    const errs: number[][] = [];
    for (let c = 2000; c < 7000; c += 160) {
      const f = fa.analyze(x.subarray(c - 200, c + 200)).frequencies;
      errs.push([Math.abs(f[0] / 700 - 1), Math.abs(f[1] / 1220 - 1), Math.abs(f[2] / 2600 - 1)]);
    }
    for (let k = 0; k < 3; k++) {
      const sorted = errs.map((e) => e[k]!).sort((a, b) => a - b);
      expect(sorted[Math.floor(sorted.length / 2)]!).toBeLessThan(0.06);
    }
  });

  it('recovers an /i/-like vowel at 200 Hz F0: F1 300 Hz within 15 %, F2 2300 Hz within 8 %', () => {
    const x = synthVowel({
      f0: 200,
      formants: [
        [300, 60],
        [2300, 100],
        [3000, 150],
      ],
      noise: 0.05,
      seconds: 0.3,
    });
    const f = new FormantAnalyzer({ sampleRate: 16000 }).analyze(x.subarray(2000, 2400)).frequencies;
    // Sparse harmonics (every 200 Hz) pull a low F1 towards them: the known LPC high-pitch bias.
    expect(Math.abs(f[0] / 300 - 1)).toBeLessThan(0.15);
    expect(Math.abs(f[1] / 2300 - 1)).toBeLessThan(0.08);
  });

  it('returns zeros for silence and finite values for noise', () => {
    const fa = new FormantAnalyzer({ sampleRate: 16000 });
    expect(fa.analyze(new Float32Array(400)).frequencies).toEqual([0, 0, 0]);
    const r = fa.analyze(whiteNoise(400));
    for (const v of [...r.frequencies, r.f1Bandwidth]) expect(Number.isFinite(v)).toBe(true);
  });

  it('polynomial roots: z² − 3z + 2 has roots 1 and 2; Burg recovers an AR(2) process', () => {
    const roots = polynomialRoots([1, -3, 2])
      .map((r) => r.re)
      .sort();
    expect(roots[0]).toBeCloseTo(1, 8);
    expect(roots[1]).toBeCloseTo(2, 8);
    const n = 4000;
    const e = whiteNoise(n, 1, 3);
    const x = new Float64Array(n);
    for (let i = 2; i < n; i++) x[i] = 1.2 * x[i - 1]! - 0.5 * x[i - 2]! + e[i]!;
    const a = burgLpc(x, 2);
    expect(a[1]).toBeCloseTo(-1.2, 1);
    expect(a[2]).toBeCloseTo(0.5, 1);
  });
});
