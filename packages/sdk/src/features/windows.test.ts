import { describe, expect, it } from 'vitest';
import { WindowPooler, poolWindows, taperWeight } from './windows.ts';

describe('window pooling', () => {
  it('0.5 s windows every 0.25 s at 100 frames/s: counts, bounds, mean and population std', () => {
    const rows = Array.from({ length: 100 }, (_, i) => [i, 5]);
    const w = poolWindows(rows, { frameRate: 100 });
    expect(w.map((x) => [x.startSeconds, x.endSeconds])).toEqual([
      [0, 0.5],
      [0.25, 0.75],
      [0.5, 1],
    ]);
    // Frames 25..74: mean 49.5, std of 50 consecutive integers = sqrt((50² − 1) / 12).
    expect(w[1]!.values![0]).toBeCloseTo(49.5, 10);
    expect(w[1]!.values![1]).toBeCloseTo(Math.sqrt((50 * 50 - 1) / 12), 10);
    expect(w[1]!.values![2]).toBe(5);
    expect(w[1]!.values![3]).toBe(0);
  });

  it('video-style: invalid frames are excluded and an all-invalid window is masked (values null)', () => {
    // 25 fps: 12.5 → 12 frames per window, hop 6. Face lost for frames 0..17.
    const rows = Array.from({ length: 30 }, (_, i) => [i < 18 ? 999 : 1]);
    const valid = rows.map((_, i) => i >= 18);
    const w = poolWindows(rows, { frameRate: 25, valid });
    expect(w[0]!.masked).toBe(true);
    expect(w[0]!.values).toBeNull();
    expect(w[0]!.validFrames).toBe(0);
    const partial = w.find((x) => !x.masked)!;
    expect(partial.values![0]).toBe(1);
    expect(partial.values![1]).toBe(0);
  });

  it('conditional columns pool over condition frames only; the condition fraction is appended', () => {
    const rows = Array.from({ length: 50 }, (_, i) => [i % 2 === 0 ? 100 : 0, 1]);
    const condition = rows.map((_, i) => i % 2 === 0);
    const w = poolWindows(rows, { frameRate: 100, conditionalColumns: [0], appendConditionFraction: true, condition });
    expect(w).toHaveLength(1);
    expect(Array.from(w[0]!.values!)).toEqual([100, 0, 1, 0, 0.5]);
    const none = poolWindows(rows, {
      frameRate: 100,
      conditionalColumns: [0],
      appendConditionFraction: true,
      condition: rows.map(() => false),
    });
    expect(Array.from(none[0]!.values!)).toEqual([0, 0, 1, 0, 0]);
  });

  it('streams: windows come out as soon as their last frame arrives; short input yields one window', () => {
    const p = new WindowPooler(1, { frameRate: 100 });
    let got = 0;
    for (let i = 0; i < 49; i++) got += p.push([1]).length;
    expect(got).toBe(0);
    expect(p.push([1])).toHaveLength(1);
    const short = poolWindows([[1], [3]], { frameRate: 100 });
    expect(short).toHaveLength(1);
    expect(short[0]!.values![0]).toBe(2);
    expect(short[0]!.endSeconds).toBeCloseTo(0.02, 10);
    expect(poolWindows([], { frameRate: 100 })).toEqual([]);
  });

  it('a non-finite value invalidates its frame instead of poisoning the window', () => {
    const rows = Array.from({ length: 50 }, (_, i) => [i === 3 ? Number.NaN : 2]);
    const w = poolWindows(rows, { frameRate: 100 });
    expect(w[0]!.validFrames).toBe(49);
    expect(w[0]!.values![0]).toBe(2);
  });
});

describe('taper', () => {
  // A 100 frames/s signal with syllable-rate bursts plus noise, and the same signal starting
  // 3 frames later: what two takes whose window grids differ by a fraction of a hop look like.
  const lcg =
    (seed: number): (() => number) =>
    () => {
      seed = (Math.imul(seed, 1664525) + 1013904223) >>> 0;
      return seed / 2 ** 32;
    };
  const rnd = lcg(7);
  const signal = Array.from({ length: 1200 }, (_, t) => [Math.max(0, Math.sin(t / 4)) * 3 + rnd()]);
  const corr = (a: number[], b: number[]): number => {
    const m = (x: number[]): number => x.reduce((s, v) => s + v, 0) / x.length;
    const [ma, mb] = [m(a), m(b)];
    const cov = a.reduce((s, v, i) => s + (v - ma) * (b[i]! - mb), 0);
    return cov / Math.sqrt(a.reduce((s, v) => s + (v - ma) ** 2, 0) * b.reduce((s, v) => s + (v - mb) ** 2, 0));
  };
  const stdAgreement = (taper: 'none' | 'hann'): number => {
    const a = poolWindows(signal.slice(0, 1100), { frameRate: 100, taper });
    const b = poolWindows(signal.slice(3, 1103), { frameRate: 100, taper });
    return corr(
      a.map((w) => w.values![1]!),
      b.map((w) => w.values![1]!),
    );
  };

  it('hann weights make window values less sensitive to a shift of the window grid', () => {
    expect(stdAgreement('hann')).toBeGreaterThan(stdAgreement('none'));
    expect(stdAgreement('hann')).toBeGreaterThan(0.9);
  });

  it('taperWeight is sin² over the window, never zero, and 1 without a taper', () => {
    expect(taperWeight('none', 0, 50)).toBe(1);
    expect(taperWeight('hann', 0, 50)).toBeGreaterThan(0);
    expect(taperWeight('hann', 24.5, 50)).toBeCloseTo(1, 12);
    expect(taperWeight('hann', 10, 50)).toBeCloseTo(taperWeight('hann', 39, 50), 12);
  });

  it('sine weights are sin over the window: never zero, flatter than Hann, symmetric', () => {
    expect(taperWeight('sine', 0, 50)).toBeGreaterThan(0);
    expect(taperWeight('sine', 10, 50)).toBeCloseTo(Math.sqrt(taperWeight('hann', 10, 50)), 12);
    expect(taperWeight('sine', 10, 50)).toBeGreaterThan(taperWeight('hann', 10, 50));
    expect(taperWeight('sine', 10, 50)).toBeCloseTo(taperWeight('sine', 39, 50), 12);
  });
});

describe('fading sparsely qualified conditional columns', () => {
  // 50 frames (one window); the condition holds on the first `k` frames only, at the window's edge.
  const edge = (k: number, fadeBelowShare?: number): number[] => {
    const rows = Array.from({ length: 50 }, () => [200, 1]);
    const condition = rows.map((_, i) => i < k);
    const options = { frameRate: 100, conditionalColumns: [0], appendConditionFraction: true, taper: 'sine' as const };
    return Array.from(poolWindows(rows, { ...options, condition, fadeBelowShare })[0]!.values!);
  };

  it('without a fade, two edge frames give the full mean; with one, a value near 0 that grows with the share', () => {
    expect(edge(2)[0]).toBeCloseTo(200, 9);
    const share = edge(2, 0.35)[4]!;
    expect(share).toBeLessThan(0.01);
    expect(edge(2, 0.35)[0]).toBeCloseTo((200 * share) / 0.35, 9);
    expect(edge(10, 0.35)[0]).toBeGreaterThan(edge(5, 0.35)[0]!);
    // Above the share nothing changes; unconditional columns never fade.
    expect(edge(40, 0.35)[0]).toBeCloseTo(200, 9);
    expect(edge(2, 0.35)[2]).toBe(1);
  });

  it('rejects a share outside [0, 1] with a typed error', () => {
    expect(() => new WindowPooler(1, { frameRate: 100, fadeBelowShare: 2 })).toThrow(
      expect.objectContaining({ code: 'invalid-options' }),
    );
  });
});
