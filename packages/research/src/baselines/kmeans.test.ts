import { describe, expect, it } from 'vitest';
import { gaussian, mulberry32 } from '@hirenet/sdk/internal/util/prng';
import { kmeans, nearestCentroid } from './kmeans.ts';

function blobs(seed: number): { points: Float32Array; centres: number[][] } {
  const centres = [
    [0, 0],
    [10, 0],
    [0, 10],
  ];
  const normal = gaussian(mulberry32(seed));
  const pts: number[] = [];
  for (let i = 0; i < 300; i++) {
    const c = centres[i % 3]!;
    pts.push(c[0]! + 0.3 * normal(), c[1]! + 0.3 * normal());
  }
  return { points: Float32Array.from(pts), centres };
}

describe('kmeans', () => {
  it('finds three separated blobs', () => {
    const { points, centres } = blobs(5);
    const r = kmeans(points, 2, { k: 3, seed: 1 });
    const found = Array.from({ length: 3 }, (_, c) => [r.centroids[2 * c]!, r.centroids[2 * c + 1]!]);
    for (const c of centres) {
      const d = Math.min(...found.map((f) => Math.hypot(f[0]! - c[0]!, f[1]! - c[1]!)));
      expect(d).toBeLessThan(0.1);
    }
    // Each blob point is nearest to the centroid of its own blob.
    const labelOf = (i: number): number => nearestCentroid(points, i, r.centroids, 3, 2);
    for (let i = 3; i < 300; i++) expect(labelOf(i)).toBe(labelOf(i % 3));
  });

  it('is deterministic for a seed', () => {
    const { points } = blobs(6);
    const a = kmeans(points, 2, { k: 5, seed: 9 });
    const b = kmeans(points, 2, { k: 5, seed: 9 });
    expect(Array.from(a.centroids)).toEqual(Array.from(b.centroids));
    expect(a.inertia).toBe(b.inertia);
  });

  it('clamps k to the number of points and puts each on its own centroid', () => {
    const r = kmeans(Float32Array.from([1, 2, 3]), 1, { k: 8, seed: 1 });
    expect(r.k).toBe(3);
    expect(Array.from(r.centroids).sort()).toEqual([1, 2, 3]);
    expect(r.inertia).toBe(0);
  });

  it('computes the mean of a single cluster', () => {
    const r = kmeans(Float32Array.from([0, 0, 2, 0, 0, 2, 2, 2]), 2, { k: 1, seed: 3 });
    expect(Array.from(r.centroids)).toEqual([1, 1]);
    expect(r.inertia).toBe(8);
  });
});
