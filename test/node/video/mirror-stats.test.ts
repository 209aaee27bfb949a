import { describe, expect, it } from 'vitest';
import { BLENDSHAPE_NAMES } from '../../../packages/sdk/src/video/blendshapes.ts';
import { FRAME_COLUMNS } from '../../../packages/sdk/src/video/schema.ts';
import { mirrorReport, pearson, type Row } from './mirror-stats.ts';

describe('mirror-test statistics', () => {
  it('pearson matches a hand-computed value and skips missing values', () => {
    expect(pearson([1, 2, 3, 4], [2, 4, 6, 8])).toBeCloseTo(1);
    expect(pearson([1, 2, 3, 4, NaN], [4, 3, 2, 1, 7])).toBeCloseTo(-1);
    expect(pearson([1, 2, 3, 4], [1, 3, 2, 4])).toBeCloseTo(0.8);
  });

  it('a perfect synthetic mirror scores r = 1 and zero angle errors; an unswapped copy does not', () => {
    const frames = 40;
    const orig: Row[] = [];
    const flip: Row[] = [];
    const same: Row[] = [];
    for (let t = 0; t < frames; t++) {
      const o = FRAME_COLUMNS.map(() => 0);
      const f = FRAME_COLUMNS.map(() => 0);
      BLENDSHAPE_NAMES.forEach((_name, i) => {
        o[2 + i] = 0.5 + 0.4 * Math.sin(t * (0.3 + i * 0.07) + i);
      });
      BLENDSHAPE_NAMES.forEach((name, i) => {
        const twin = name.endsWith('Left')
          ? name.replace(/Left$/, 'Right')
          : name.endsWith('Right')
            ? name.replace(/Right$/, 'Left')
            : name;
        f[2 + i] = o[2 + BLENDSHAPE_NAMES.indexOf(twin as (typeof BLENDSHAPE_NAMES)[number])]!;
      });
      const c = (n: string): number => FRAME_COLUMNS.indexOf(n);
      o[c('yaw')] = 10 * Math.sin(t / 5);
      o[c('roll')] = 3 * Math.cos(t / 7);
      o[c('pitch')] = 5;
      f[c('yaw')] = -o[c('yaw')]!;
      f[c('roll')] = -o[c('roll')]!;
      f[c('pitch')] = 5;
      orig.push(o);
      flip.push(f);
      same.push([...o]);
    }
    const good = mirrorReport(orig, flip);
    expect(good.medianR).toBeCloseTo(1);
    expect(good.eyeLookIn).toBeCloseTo(1);
    expect(good.yawSumMean).toBeCloseTo(0);
    expect(good.pitchDiffMean).toBeCloseTo(0);
    const bad = mirrorReport(orig, same);
    expect(bad.medianR).toBeLessThan(0.6);
    expect(bad.yawSumMean).toBeGreaterThan(1.5);
  });
});
