import { describe, expect, it } from 'vitest';
import { findKeyMoments } from './key-moments.ts';

function flat(n: number): number[] {
  return new Array<number>(n).fill(1 / n);
}

describe('findKeyMoments', () => {
  it('finds a planted attention bump with its exact window span and seconds', () => {
    const att = flat(20).map((_v, t) => (t >= 8 && t <= 10 ? 0.2 : 0.01));
    const [m] = findKeyMoments([att], [1]);
    expect(m).toMatchObject({ answer: 0, first: 8, last: 10, startSeconds: 2, endSeconds: 3 });
    expect(m!.weight).toBeCloseTo(0.6, 10);
  });

  it('flat attention has no key moment', () => {
    expect(findKeyMoments([flat(30)], [1])).toEqual([]);
  });

  it('caps a moment at 4 s (15 windows) however wide the plateau', () => {
    const att = new Array<number>(60).fill(0.001).map((v, t) => (t >= 10 && t < 40 ? 0.03 : v));
    const moments = findKeyMoments([att], [1]);
    for (const m of moments) expect(m.endSeconds - m.startSeconds).toBeLessThanOrEqual(4 + 1e-9);
    expect(moments[0]!.last - moments[0]!.first + 1).toBe(15);
  });

  it('orders moments across answers by question attention × answer attention', () => {
    const a = flat(20).map((_v, t) => (t === 5 ? 0.5 : 0.5 / 19));
    const b = flat(20).map((_v, t) => (t === 12 ? 0.3 : 0.7 / 19));
    const moments = findKeyMoments([a, b], [0.2, 0.8]);
    expect(moments.map((m) => m.answer)).toEqual([1, 0]);
    expect(moments[0]!.weight).toBeCloseTo(0.8 * 0.3, 10);
  });

  it('ignores windows the model could not read (0) when judging uniform attention', () => {
    const att = [0, 0, 0, 0, 0.6, 0.2, 0.2];
    // Uniform over the 3 read windows is 1/3; counting the zeros it would be 1/7 and hide nothing.
    expect(findKeyMoments([[0.6, 0.2, 0.2]], [1])[0]?.first).toBe(0);
    const [m] = findKeyMoments([att], [1]);
    expect(m?.first).toBe(4);
  });
});
