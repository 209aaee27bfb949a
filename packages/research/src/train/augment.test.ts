import { describe, expect, it } from 'vitest';
import { mulberry32 } from '@hirenet/sdk/internal/util/prng';
import { augmentAnswer, augmentPlan } from './augment.ts';
import { fitStandardizer, standardize } from '@hirenet/sdk/internal/model/standardize';
import { loudnessFactor } from './take-perturbation.ts';

const names = ['F0_semitones_mean', 'intensity_dB_mean', 'loudness_mean'];
const steps = 60;
const raw = Float32Array.from({ length: steps * 3 }, (_, i) => {
  const t = Math.floor(i / 3);
  return [29 + Math.sin(t / 3), 62 + 3 * Math.cos(t / 5), 0.9 + 0.2 * Math.sin(t / 7)][i % 3]!;
});

describe('take augmentation on standardised rows', () => {
  for (const centre of ['answer', 'none'] as const) {
    it(`equals standardising the perturbed raw rows (centre ${centre})`, () => {
      const s = fitStandardizer([raw], names, centre);
      // Phase and edges change the windows; compare against the raw path with the same draws.
      const plan = augmentPlan(s, { maxEdge: 0, dropRate: 0, maxGainDb: 6 });
      const z = standardize(raw, s);
      const seed = 17;
      const out = augmentAnswer(z, plan, mulberry32(seed));
      const u = mulberry32(seed);
      const phase = u();
      u();
      u();
      const gain = (2 * u() - 1) * 6;
      // A phase > 0 reads one window fewer: the last position would fall past the answer.
      const kept = phase > 0 ? steps - 1 : steps;
      const perturbed = new Float32Array(kept * 3);
      for (let t = 0; t < kept; t++) {
        const hi = Math.min(t + 1, steps - 1);
        for (let c = 0; c < 3; c++) {
          let v = (1 - phase) * raw[t * 3 + c]! + phase * raw[hi * 3 + c]!;
          if (c === 1) v += gain;
          if (c === 2) v *= loudnessFactor(gain);
          perturbed[t * 3 + c] = v;
        }
      }
      const expected = standardize(perturbed, s);
      expect(out.length).toBe(expected.length);
      out.forEach((v, i) => expect(v).toBeCloseTo(expected[i]!, 3));
    });
  }

  it('changes the rows, differs between draws and is deterministic per seed', () => {
    const s = fitStandardizer([raw], names, 'answer');
    const plan = augmentPlan(s, { maxEdge: 3, dropRate: 0.05, maxGainDb: 6 });
    const z = standardize(raw, s);
    const a = augmentAnswer(z, plan, mulberry32(1));
    expect(Array.from(a)).toEqual(Array.from(augmentAnswer(z, plan, mulberry32(1))));
    expect(Array.from(a)).not.toEqual(Array.from(augmentAnswer(z, plan, mulberry32(2))));
    expect(Array.from(a)).not.toEqual(Array.from(z));
    expect(Math.abs(a.length / 3 - steps)).toBeLessThanOrEqual(6 + steps * 0.2);
  });
});
