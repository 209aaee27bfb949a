import { describe, expect, it } from 'vitest';
import { binaryMetrics, rocAuc } from './metrics.ts';

describe('binaryMetrics', () => {
  it('computes precision, recall and F1 of the hirable class by hand', () => {
    // TP: 0.9, 0.6 · FP: 0.7 · FN: 0.2 · TN: 0.1
    const m = binaryMetrics([0.9, 0.6, 0.7, 0.2, 0.1], [1, 1, 0, 1, 0]);
    expect(m.precision).toBeCloseTo(2 / 3, 12);
    expect(m.recall).toBeCloseTo(2 / 3, 12);
    expect(m.f1).toBeCloseTo(2 / 3, 12);
    expect(m.accuracy).toBeCloseTo(3 / 5, 12);
  });
  it('reports 0 rather than NaN when nothing is predicted hirable', () => {
    expect(binaryMetrics([0.1, 0.2], [1, 0]).f1).toBe(0);
  });
});

describe('rocAuc', () => {
  it('is 1 for a perfect ranking, 0 for a reversed one and 0.5 for all ties', () => {
    expect(rocAuc([0.1, 0.2, 0.8, 0.9], [0, 0, 1, 1])).toBe(1);
    expect(rocAuc([0.9, 0.8, 0.2, 0.1], [0, 0, 1, 1])).toBe(0);
    expect(rocAuc([0.5, 0.5, 0.5, 0.5], [0, 1, 0, 1])).toBe(0.5);
  });
  it('counts pairs: 3 of 4 positive/negative pairs ordered', () => {
    expect(rocAuc([0.1, 0.4, 0.35, 0.8], [0, 0, 1, 1])).toBe(0.75);
  });
  it('is NaN with one class', () => {
    expect(rocAuc([0.1, 0.2], [1, 1])).toBeNaN();
  });
});
