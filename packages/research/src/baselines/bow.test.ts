import { describe, expect, it } from 'vitest';
import type { KMeansResult } from './kmeans.ts';
import { bowVector, fitBow, sampleIndices, smoothIdf, termCounts, tfidf } from './bow.ts';

const codebook: KMeansResult = {
  centroids: Float64Array.from([0, 0, 10, 10]),
  k: 2,
  width: 2,
  inertia: 0,
  iterations: 0,
};

describe('bag of words', () => {
  it('counts nearest-centroid words', () => {
    const rows = Float32Array.from([0.1, -0.2, 9, 11, 8, 8, 1, 1]);
    expect(Array.from(termCounts(rows, codebook))).toEqual([2, 2]);
  });

  it('computes smoothed IDF and L2-normalised TF-IDF', () => {
    const docs = [Float64Array.from([1, 0]), Float64Array.from([2, 1])];
    const idf = smoothIdf(docs, 2);
    expect(idf[0]).toBeCloseTo(1, 12);
    expect(idf[1]).toBeCloseTo(Math.log(1.5) + 1, 12);
    const v = tfidf(Float64Array.from([2, 1]), idf);
    const raw = [(2 / 3) * 1, (1 / 3) * (Math.log(1.5) + 1)];
    const n = Math.hypot(raw[0]!, raw[1]!);
    expect(v[0]).toBeCloseTo(raw[0]! / n, 12);
    expect(v[1]).toBeCloseTo(raw[1]! / n, 12);
    expect(Array.from(tfidf(new Float64Array(2), idf))).toEqual([0, 0]);
  });

  it('samples distinct sorted indices, reproducibly', () => {
    const a = sampleIndices(100, 10, 4);
    expect(new Set(a).size).toBe(10);
    expect(Array.from(a)).toEqual([...a].sort((x, y) => x - y));
    expect(Array.from(a)).toEqual(Array.from(sampleIndices(100, 10, 4)));
    expect(sampleIndices(5, 10, 1).length).toBe(5);
  });

  it('fits a codebook that separates two kinds of windows', () => {
    const low = Float32Array.from([0, 0, 0.1, 0, 0, 0.1]);
    const high = Float32Array.from([5, 5, 5.1, 5, 5, 5.1, 5, 5]);
    const model = fitBow([low, high, low], 2, { k: 2, seed: 1, sampleWindows: 100 });
    const a = bowVector(low, model);
    const b = bowVector(high, model);
    // Each answer uses exactly one word, and not the same one.
    expect(a.filter((v) => v > 0).length).toBe(1);
    expect(b.filter((v) => v > 0).length).toBe(1);
    expect(a.findIndex((v) => v > 0)).not.toBe(b.findIndex((v) => v > 0));
    // The rarer word (one document of three) weighs more before normalisation.
    expect(Math.max(...model.idf)).toBeGreaterThan(Math.min(...model.idf));
  });
});
