import { describe, expect, it } from 'vitest';
import { meanLuma } from './luma.ts';

const rgba = (...px: [number, number, number][]): Uint8ClampedArray =>
  new Uint8ClampedArray(px.flatMap(([r, g, b]) => [r, g, b, 255]));

describe('meanLuma (Rec. 601 weights)', () => {
  it('white is 255, black is 0, and pure primaries give their weights', () => {
    expect(meanLuma(rgba([255, 255, 255]))).toBeCloseTo(255, 6);
    expect(meanLuma(rgba([0, 0, 0]))).toBe(0);
    expect(meanLuma(rgba([255, 0, 0]))).toBeCloseTo(0.299 * 255, 6);
    expect(meanLuma(rgba([0, 255, 0]))).toBeCloseTo(0.587 * 255, 6);
    expect(meanLuma(rgba([0, 0, 255]))).toBeCloseTo(0.114 * 255, 6);
  });

  it('averages over pixels and ignores alpha', () => {
    expect(meanLuma(rgba([0, 0, 0], [200, 200, 200]))).toBeCloseTo(100, 6);
    expect(meanLuma(new Uint8ClampedArray([100, 100, 100, 0]))).toBeCloseTo(100, 6);
  });

  it('no pixel is NaN', () => {
    expect(meanLuma(new Uint8ClampedArray(0))).toBeNaN();
  });
});
