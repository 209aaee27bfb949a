import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-cpu';
import { beforeAll, describe, expect, it } from 'vitest';
import type { ParsedInterview } from '@hirenet/sdk/internal/dataset/validate';
import { HireNetModel } from '@hirenet/sdk/internal/model/hirenet-model';
import { TINY, UNEVEN_SHAPES, unevenInterviews } from '@hirenet/sdk/internal/model/testing/fixtures';
import type { HireNetVariant } from '@hirenet/sdk/internal/model/types';
import { classifyLastLayer, lastLayerEncoded } from './ablate-fusion.ts';
import type { EncodedInterview } from './encode.ts';
import { predictEncoded } from './trainer.ts';

/** The model fixtures as already-encoded interviews (flat rows), one answer missing. */
function encoded(): EncodedInterview[] {
  return unevenInterviews(5, TINY, UNEVEN_SHAPES).map((iv, i) => ({
    id: `iv${i}`,
    label: (i % 2) as 0 | 1,
    jobTitle: Float32Array.from(iv.jobTitle.flatMap((r) => Array.from(r))),
    questions: iv.questions.map((q) => Float32Array.from(q.flat())),
    answers: iv.answers.map((a, k) => (i === 2 && k === 1 ? null : Float32Array.from((a ?? []).flat()))),
    source: {} as ParsedInterview,
  }));
}

beforeAll(async () => {
  await tf.setBackend('cpu');
});

describe.each(['hirenet', 'hn_satt', 'hn_avg'] as HireNetVariant[])('lastLayerEncoded (%s)', (variant) => {
  it("gives the v that the model's own classifier turns into its score", async () => {
    const model = HireNetModel.random({ ...TINY, variant }, 3, { biasScale: 0.2 });
    const items = encoded();
    const before = tf.memory().numTensors;
    const vs = await lastLayerEncoded(model, items, 2);
    expect(tf.memory().numTensors).toBe(before);
    const scores = (await predictEncoded(model, items)).map((o) => o.score);
    expect(vs).toHaveLength(items.length);
    vs.forEach((v, i) => {
      expect(v.length).toBe(2 * TINY.highUnits);
      expect(classifyLastLayer(model, v)).toBeCloseTo(scores[i] as number, 5);
    });
    model.dispose();
  });
});

describe('lastLayerEncoded (bigru)', () => {
  it('refuses the answer-level baseline, which has no interview vector', async () => {
    const model = HireNetModel.random({ ...TINY, variant: 'bigru' }, 3);
    await expect(lastLayerEncoded(model, encoded())).rejects.toThrow(/no interview-level/);
    model.dispose();
  });
});
