import { HireNetError } from '../util/errors.ts';
import { describe, expect, it } from 'vitest';
import { gaussian, mulberry32 } from '../util/prng.ts';
import { cosine, dequantiseRow, quantisePerDimension, quantisePerVector } from './quantise.ts';
import { WINK_SAMPLE } from './testing/wink-sample.ts';

/** Rows with norms spread over two orders of magnitude, like GloVe's frequent vs rare words. */
function randomRows(count: number, dims: number, seed: number): Float32Array {
  const draw = gaussian(mulberry32(seed));
  const out = new Float32Array(count * dims);
  for (let i = 0; i < count; i++) {
    const scale = 10 ** (2 * (i / count) - 1);
    for (let d = 0; d < dims; d++) out[i * dims + d] = draw() * scale;
  }
  return out;
}

describe('per-vector int8 quantisation', () => {
  it('reconstructs every value within half a step of its row scale', () => {
    const dims = 100;
    const values = randomRows(500, dims, 7);
    const q = quantisePerVector(values, dims);
    let worst = 0; // error in units of half a step; must not exceed 1
    for (let i = 0; i < q.count; i++) {
      const row = dequantiseRow(q, i);
      const half = (q.scales[i] ?? 0) / 2;
      for (let d = 0; d < dims; d++)
        worst = Math.max(worst, Math.abs((row[d] ?? 0) - (values[i * dims + d] ?? 0)) / half);
    }
    expect(worst).toBeLessThanOrEqual(1 + 1e-5);
    expect(worst).toBeGreaterThan(0.9); // the bound is tight, not vacuous
  });

  it('uses the full code range: the largest magnitude of each row codes to ±127', () => {
    const q = quantisePerVector(randomRows(50, 100, 8), 100);
    for (let i = 0; i < q.count; i++) {
      const codes = q.codes.subarray(i * 100, (i + 1) * 100);
      expect(Math.max(...Array.from(codes, Math.abs))).toBe(127);
    }
  });

  it('keeps cosine to the float row above 0.9999 whatever the row norm', () => {
    const values = randomRows(500, 100, 9);
    const q = quantisePerVector(values, 100);
    for (let i = 0; i < q.count; i++) {
      expect(cosine(values.subarray(i * 100, (i + 1) * 100), dequantiseRow(q, i))).toBeGreaterThan(0.9999);
    }
  });

  it('keeps real GloVe rows and their pairwise similarities (float64 originals as reference)', () => {
    const words = Object.keys(WINK_SAMPLE);
    const original = words.map((w) => WINK_SAMPLE[w] ?? []);
    const q = quantisePerVector(Float32Array.from(original.flat()), 100);
    const restored = words.map((_, i) => dequantiseRow(q, i));
    restored.forEach((r, i) => expect(cosine(original[i] ?? [], r)).toBeGreaterThan(0.9999));
    for (let i = 0; i < words.length; i++) {
      for (let j = i + 1; j < words.length; j++) {
        const exact = cosine(original[i] ?? [], original[j] ?? []);
        const approx = cosine(restored[i] ?? [], restored[j] ?? []);
        expect(Math.abs(exact - approx), `${words[i]}/${words[j]}`).toBeLessThan(0.005);
      }
    }
  });

  it('stores an all-zero row as scale 0 and zero codes', () => {
    const q = quantisePerVector(new Float32Array(8), 4);
    expect(Array.from(q.scales)).toEqual([0, 0]);
    expect(Array.from(dequantiseRow(q, 1))).toEqual([0, 0, 0, 0]);
  });

  it('rejects values that do not split into whole rows', () => {
    expect(() => quantisePerVector(new Float32Array(7), 4)).toThrow(HireNetError);
  });

  it('loses more with one scale per dimension than with one per vector on rows of mixed norm', () => {
    const values = randomRows(500, 100, 10);
    const perVector = quantisePerVector(values, 100);
    const perDim = quantisePerDimension(values, 100);
    let worstVector = 1;
    let worstDim = 1;
    for (let i = 0; i < 500; i++) {
      const orig = values.subarray(i * 100, (i + 1) * 100);
      worstVector = Math.min(worstVector, cosine(orig, dequantiseRow(perVector, i)));
      const row = Array.from({ length: 100 }, (_, d) => (perDim.codes[i * 100 + d] ?? 0) * (perDim.scales[d] ?? 0));
      worstDim = Math.min(worstDim, cosine(orig, row));
    }
    expect(worstDim).toBeLessThan(worstVector);
  });
});

describe('cosine', () => {
  it('is 1 for parallel, -1 for opposite, 0 for orthogonal or zero vectors', () => {
    expect(cosine([1, 2], [2, 4])).toBeCloseTo(1, 12);
    expect(cosine([1, 2], [-1, -2])).toBeCloseTo(-1, 12);
    expect(cosine([1, 0], [0, 3])).toBe(0);
    expect(cosine([0, 0], [1, 1])).toBe(0);
  });
});
