import { HireNetError } from '@hirenet/sdk/internal/util/errors';
import { mulberry32 } from '@hirenet/sdk/internal/util/prng';

/**
 * Seeded k-means (k-means++ seeding, then Lloyd iterations) over flat points (n × width,
 * row-major). Used for the Bag-of-*-Words codebook, so it runs on a subsample of windows: the
 * paper clusters "all the low-level frames", which is millions of rows and adds nothing to a
 * 64-word codebook that a few thousand rows do not give.
 */
export interface KMeansOptions {
  readonly k: number;
  readonly seed: number;
  readonly maxIterations?: number;
}

export interface KMeansResult {
  /** k × width, row-major. */
  readonly centroids: Float64Array;
  readonly k: number;
  readonly width: number;
  /** Sum of squared distances of the points to their centroid. */
  readonly inertia: number;
  readonly iterations: number;
}

function squaredDistance(
  points: ArrayLike<number>,
  i: number,
  centroids: Float64Array,
  c: number,
  width: number,
): number {
  let s = 0;
  for (let j = 0; j < width; j++) {
    const dv = (points[i * width + j] as number) - (centroids[c * width + j] as number);
    s += dv * dv;
  }
  return s;
}

/** Index of the nearest centroid to row `i` of `points` (ties go to the lower index). */
export function nearestCentroid(
  points: ArrayLike<number>,
  i: number,
  centroids: Float64Array,
  k: number,
  width: number,
): number {
  let best = 0;
  let bestD = Infinity;
  for (let c = 0; c < k; c++) {
    const dist = squaredDistance(points, i, centroids, c, width);
    if (dist < bestD) {
      bestD = dist;
      best = c;
    }
  }
  return best;
}

/** Picks an index with probability proportional to weights (uniform if they are all 0). */
function drawWeighted(weights: Float64Array, rand: () => number): number {
  let total = 0;
  for (const w of weights) total += w;
  if (!(total > 0)) return Math.min(weights.length - 1, Math.floor(rand() * weights.length));
  let r = rand() * total;
  for (let i = 0; i < weights.length; i++) {
    r -= weights[i] as number;
    if (r < 0) return i;
  }
  return weights.length - 1;
}

export function kmeans(points: ArrayLike<number>, width: number, options: KMeansOptions): KMeansResult {
  const n = Math.floor(points.length / width);
  const { seed, maxIterations = 100 } = options;
  if (n === 0 || points.length % width !== 0)
    throw new HireNetError('invalid-input', `kmeans: ${points.length} values are not whole rows of ${width}`);
  const k = Math.min(options.k, n);
  if (k < 1) throw new HireNetError('invalid-input', 'kmeans: k must be at least 1');
  const rand = mulberry32(seed);
  const centroids = new Float64Array(k * width);
  const setCentroid = (c: number, i: number): void => {
    for (let j = 0; j < width; j++) centroids[c * width + j] = points[i * width + j] as number;
  };

  // k-means++: each new centre drawn with probability ∝ squared distance to the nearest chosen one.
  setCentroid(0, Math.floor(rand() * n));
  const nearest = new Float64Array(n).fill(Infinity);
  for (let c = 1; c < k; c++) {
    for (let i = 0; i < n; i++)
      nearest[i] = Math.min(nearest[i] as number, squaredDistance(points, i, centroids, c - 1, width));
    setCentroid(c, drawWeighted(nearest, rand));
  }

  const assignment = new Int32Array(n).fill(-1);
  let iterations = 0;
  let inertia = 0;
  for (; iterations < maxIterations; iterations++) {
    let changed = 0;
    for (let i = 0; i < n; i++) {
      const c = nearestCentroid(points, i, centroids, k, width);
      if (c !== assignment[i]) changed++;
      assignment[i] = c;
    }
    if (changed === 0) break;
    const sums = new Float64Array(k * width);
    const counts = new Int32Array(k);
    for (let i = 0; i < n; i++) {
      const c = assignment[i] as number;
      counts[c] = (counts[c] as number) + 1;
      for (let j = 0; j < width; j++)
        sums[c * width + j] = (sums[c * width + j] as number) + (points[i * width + j] as number);
    }
    for (let c = 0; c < k; c++) {
      const count = counts[c] as number;
      if (count > 0) {
        for (let j = 0; j < width; j++) centroids[c * width + j] = (sums[c * width + j] as number) / count;
      } else {
        // An emptied cluster restarts at the point worst served by the others (deterministic).
        let worst = 0;
        let worstD = -1;
        for (let i = 0; i < n; i++) {
          const dist = squaredDistance(points, i, centroids, assignment[i] as number, width);
          if (dist > worstD) {
            worstD = dist;
            worst = i;
          }
        }
        setCentroid(c, worst);
        assignment[worst] = c;
      }
    }
  }
  for (let i = 0; i < n; i++)
    inertia += squaredDistance(points, i, centroids, nearestCentroid(points, i, centroids, k, width), width);
  return { centroids, k, width, inertia, iterations };
}
