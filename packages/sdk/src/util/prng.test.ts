import { describe, expect, it } from 'vitest';
import { addGaussianNoise, mulberry32 } from './prng.ts';

describe('addGaussianNoise', () => {
  it('adds N(0, std²) to every value, odd lengths included, the same for the same seed', () => {
    const n = 200_001;
    const base = Float32Array.from({ length: n }, (_, i) => (i % 7) - 3);
    const a = Float32Array.from(base);
    addGaussianNoise(a, 0.5, mulberry32(9));
    const noise = Array.from(a, (v, i) => v - base[i]!);
    const mean = noise.reduce((s, v) => s + v, 0) / n;
    const sd = Math.sqrt(noise.reduce((s, v) => s + (v - mean) ** 2, 0) / n);
    expect(Math.abs(mean)).toBeLessThan(0.005);
    expect(Math.abs(sd - 0.5)).toBeLessThan(0.005);
    // The last (unpaired) value gets noise too, and neighbours (cos/sin halves of one draw) are uncorrelated.
    expect(noise[n - 1]).not.toBe(0);
    let cross = 0;
    for (let i = 0; i + 1 < n; i += 2) cross += noise[i]! * noise[i + 1]!;
    expect(Math.abs(cross / ((n - 1) / 2) / 0.25)).toBeLessThan(0.02);
    const b = Float32Array.from(base);
    addGaussianNoise(b, 0.5, mulberry32(9));
    expect(b).toEqual(a);
  });
});
