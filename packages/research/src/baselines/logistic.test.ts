import { describe, expect, it } from 'vitest';
import { gaussian, mulberry32 } from '@hirenet/sdk/internal/util/prng';
import { choleskySolve, fitLogisticL2, logisticScore } from './logistic.ts';

describe('choleskySolve', () => {
  it('solves a small SPD system', () => {
    // [[4, 2], [2, 3]] x = [2, 1] → x = [0.5, 0]
    const x = choleskySolve(Float64Array.from([4, 2, 2, 3]), Float64Array.from([2, 1]), 2);
    expect(x[0]).toBeCloseTo(0.5, 12);
    expect(x[1]).toBeCloseTo(0, 12);
  });
});

describe('fitLogisticL2', () => {
  it('recovers the saturated maximum-likelihood fit when λ is negligible', () => {
    // x = 0: 1 of 4 positive; x = 1: 3 of 4 positive → fitted P = 0.25 and 0.75 exactly.
    const rows = [[0], [0], [0], [0], [1], [1], [1], [1]];
    const labels = [1, 0, 0, 0, 1, 1, 1, 0];
    const m = fitLogisticL2(rows, labels, { l2: 1e-12 });
    expect(logisticScore(m, [0])).toBeCloseTo(0.25, 8);
    expect(logisticScore(m, [1])).toBeCloseTo(0.75, 8);
    expect(m.iterations).toBeLessThan(20);
  });

  it('matches mean predicted probability to the base rate (unpenalised intercept)', () => {
    const rand = mulberry32(11);
    const normal = gaussian(rand);
    const rows = Array.from({ length: 200 }, () => [normal(), normal() * 10 + 50, normal()]);
    const labels: number[] = rows.map((r) => (r[0]! + 0.1 * (r[1]! - 50) + normal() > 0 ? 1 : 0));
    for (const l2 of [1e-3, 0.1, 10]) {
      const m = fitLogisticL2(rows, labels, { l2 });
      const meanP = rows.reduce((s, r) => s + logisticScore(m, r), 0) / rows.length;
      expect(meanP).toBeCloseTo(labels.reduce((a, b) => a + b, 0) / labels.length, 8);
    }
  });

  it('shrinks weights toward zero as λ grows', () => {
    const rows = Array.from({ length: 40 }, (_, i) => [i % 2, (i * 7) % 5]);
    const labels = rows.map((r) => r[0]!);
    const norm = (l2: number): number => Math.hypot(...fitLogisticL2(rows, labels, { l2 }).weights);
    expect(norm(1e-3)).toBeGreaterThan(norm(1));
    expect(norm(1)).toBeGreaterThan(norm(100));
    expect(norm(1e6)).toBeLessThan(1e-5);
  });

  it('stays finite on separable data and ignores row order', () => {
    const rows = [
      [-2, 1],
      [-1, 0],
      [1, 1],
      [2, 0],
      [3, 3],
      [-3, 2],
    ];
    const labels = [0, 0, 1, 1, 1, 0];
    const a = fitLogisticL2(rows, labels, { l2: 1e-3 });
    const order = [3, 0, 5, 1, 4, 2];
    const b = fitLogisticL2(
      order.map((i) => rows[i]!),
      order.map((i) => labels[i]!),
      { l2: 1e-3 },
    );
    expect(Number.isFinite(a.bias)).toBe(true);
    expect(logisticScore(a, [3, 0])).toBeGreaterThan(0.9);
    expect(logisticScore(a, [-3, 0])).toBeLessThan(0.1);
    a.weights.forEach((w, j) => expect(w).toBeCloseTo(b.weights[j]!, 8));
  });

  it('gives a constant column zero weight', () => {
    const rows = [
      [0, 5],
      [1, 5],
      [2, 5],
      [3, 5],
    ];
    const m = fitLogisticL2(rows, [0, 0, 1, 1], { l2: 0.1 });
    expect(m.weights[1]).toBe(0);
  });
});
