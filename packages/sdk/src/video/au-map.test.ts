import { describe, expect, it } from 'vitest';
import { AU_CODES, AU_TABLE, mapActionUnits } from './au-map.ts';
import { BLENDSHAPE_NAMES, BLENDSHAPE_PAIRS, blendshapeVector } from './blendshapes.ts';

const at = (code: string): number => AU_CODES.indexOf(code as (typeof AU_CODES)[number]);
const vec = (scores: Record<string, number>): Float32Array =>
  blendshapeVector(Object.entries(scores).map(([categoryName, score]) => ({ categoryName, score })));

describe('blendshapes', () => {
  it('lists the 52 MediaPipe categories and 20 left/right pairs', () => {
    expect(BLENDSHAPE_NAMES).toHaveLength(52);
    expect(new Set(BLENDSHAPE_NAMES).size).toBe(52);
    expect(BLENDSHAPE_PAIRS).toHaveLength(20);
    for (const [l, r] of BLENDSHAPE_PAIRS) {
      expect(BLENDSHAPE_NAMES).toContain(r);
      expect(l.replace('Left', 'Right')).toBe(r);
    }
  });

  it('orders by category name, not by position, and ignores unknown names', () => {
    const v = blendshapeVector([
      { categoryName: 'jawOpen', score: 0.4 },
      { categoryName: 'notABlendshape', score: 1 },
      { categoryName: '_neutral', score: 0.1 },
    ]);
    expect(v[BLENDSHAPE_NAMES.indexOf('jawOpen')]).toBeCloseTo(0.4);
    expect(v[0]).toBeCloseTo(0.1);
    expect(v.reduce((s, x) => s + x, 0)).toBeCloseTo(0.5);
  });
});

describe('mapActionUnits', () => {
  it('covers the 18 AUs of the issue, in order, each from the documented source', () => {
    expect(AU_TABLE.map((s) => s.code)).toEqual([...AU_CODES]);
    expect(AU_TABLE.find((s) => s.code === 'AU12')?.left).toEqual(['mouthSmileLeft']);
    expect(AU_TABLE.find((s) => s.code === 'AU45')?.right).toEqual(['eyeBlinkRight']);
    expect(AU_TABLE.find((s) => s.code === 'AU28')?.left).toEqual(['mouthRollLower', 'mouthRollUpper']);
  });

  it('averages left and right and keeps both for asymmetry', () => {
    const au = mapActionUnits(vec({ mouthSmileLeft: 0.8, mouthSmileRight: 0.2 }), 0);
    const i = at('AU12');
    expect(au.intensity[i]).toBeCloseTo(0.5);
    expect(au.left[i]).toBeCloseTo(0.8);
    expect(au.right[i]).toBeCloseTo(0.2);
    expect(au.presence[i]).toBe(1);
  });

  it('unsided AUs read the same value on both sides; AU28 averages both lip rolls', () => {
    const au = mapActionUnits(vec({ browInnerUp: 0.4, mouthRollLower: 0.6, mouthRollUpper: 0.2 }), 0);
    expect(au.left[at('AU01')]).toBeCloseTo(0.4);
    expect(au.right[at('AU01')]).toBeCloseTo(0.4);
    expect(au.intensity[at('AU28')]).toBeCloseTo(0.4);
  });

  it('AU25 comes from the landmark value, not from any blendshape', () => {
    const au = mapActionUnits(vec({ jawOpen: 0.9 }), 0.35);
    expect(au.intensity[at('AU25')]).toBeCloseTo(0.35);
    expect(au.presence[at('AU25')]).toBe(1);
    expect(au.intensity[at('AU26')]).toBeCloseTo(0.9);
  });

  it('presence switches exactly at each documented threshold', () => {
    for (const spec of AU_TABLE) {
      if (spec.code === 'AU25') continue;
      const scores: Record<string, number> = {};
      for (const n of new Set([...spec.left, ...spec.right])) scores[n] = spec.presence;
      expect(mapActionUnits(vec(scores), 0).presence[at(spec.code)]).toBe(1);
      for (const n of Object.keys(scores)) scores[n] = spec.presence - 0.01;
      expect(mapActionUnits(vec(scores), 0).presence[at(spec.code)]).toBe(0);
    }
  });
});
