/**
 * The spread the practice report states (packages/demo/src/report/stability.ts) is the one the
 * agreement benchmark measured last (bench/results.json), rounded up to whole points.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { SEGMENT_SPREAD_POINTS, TAKE_SPREAD_POINTS } from '../../packages/demo/src/report/stability.ts';

interface Clip {
  liveSpread: { fused: number };
  halvesSpread?: { fused: number };
}

describe('stated take-to-take spread', () => {
  const results = JSON.parse(readFileSync(new URL('../../bench/results.json', import.meta.url), 'utf8')) as {
    agreement?: { clips: Clip[] };
  };
  it('equals the largest spread in the last agreement benchmark', () => {
    const clips = results.agreement?.clips ?? [];
    expect(clips.length, 'bench/results.json has an agreement section').toBeGreaterThan(0);
    const points = (xs: number[]): number => Math.ceil(100 * Math.max(...xs) - 1e-9);
    expect(TAKE_SPREAD_POINTS).toBe(points(clips.map((c) => c.liveSpread.fused)));
    expect(SEGMENT_SPREAD_POINTS).toBe(
      points(clips.flatMap((c) => (c.halvesSpread === undefined ? [] : [c.halvesSpread.fused]))),
    );
  });
});
