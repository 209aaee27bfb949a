import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-cpu';
import { beforeAll, describe, expect, it } from 'vitest';
import { HireNetModel } from '@hirenet/sdk/internal/model/hirenet-model';
import { mulberry32 } from '@hirenet/sdk/internal/util/prng';
import type { EncodedInterview } from './encode.ts';
import { aucStandardError, encodedLength, lengthStart } from './length-init.ts';
import { predictEncoded, trainHireNet } from './trainer.ts';

const D = 4;
const E = 3;

/** One-answer interviews whose label follows the answer length (noisy), rows random. */
function interviews(count: number, seed: number): EncodedInterview[] {
  const rand = mulberry32(seed);
  return Array.from({ length: count }, (_, i) => {
    const steps = 5 + Math.floor(rand() * 40);
    const label = (steps + 15 * (rand() - 0.5) > 25 ? 1 : 0) as 0 | 1;
    return {
      id: `iv${i}`,
      label,
      jobTitle: Float32Array.from({ length: E }, () => rand() - 0.5),
      questions: [Float32Array.from({ length: 2 * E }, () => rand() - 0.5)],
      answers: [Float32Array.from({ length: steps * D }, () => rand() - 0.5)],
      source: {} as EncodedInterview['source'],
    };
  });
}

const CONFIG = { inputDim: D, wordDim: E, lowUnits: 3, contextUnits: 3, highUnits: 3, attentionDim: 2 };

beforeAll(async () => {
  await tf.setBackend('cpu');
});

describe('length start (config.lengthInput)', () => {
  it('starts as the length model: score rises with answer length, whatever the rows', async () => {
    const train = interviews(120, 1);
    const model = HireNetModel.random({ ...CONFIG, lengthInput: true }, 3);
    const started = HireNetModel.fromWeights(model.config, lengthStart(model.getWeights(), train, D));
    model.dispose();
    try {
      const out = await predictEncoded(started, train);
      const byLength = train.map((iv, i) => [encodedLength(iv, D), out[i]?.score ?? NaN] as const);
      byLength.sort((a, b) => a[0] - b[0]);
      for (let i = 1; i < byLength.length; i++)
        expect((byLength[i] as readonly number[])[1]).toBeGreaterThanOrEqual(
          (byLength[i - 1] as readonly number[])[1] ?? 0,
        );
      expect((byLength.at(-1) as readonly number[])[1]).toBeGreaterThan((byLength[0] as readonly number[])[1] ?? 1);
    } finally {
      started.dispose();
    }
  });

  it('with a start margin, a small validation split keeps the start unless an epoch clearly beats it', async () => {
    const before = tf.memory().numTensors;
    const opts = { epochs: 3, batchSize: 16, learningRate: 3e-3, patience: 6, seed: 2, selectOn: 'auc' as const };
    const { model, history } = await trainHireNet(
      { ...CONFIG, lengthInput: true },
      interviews(80, 4),
      interviews(20, 5),
      { ...opts, startMargin: 100 },
      {},
    );
    model.dispose();
    expect(history[0]?.epoch).toBe(0);
    expect(history.filter((h) => h.best).map((h) => h.epoch)).toEqual([0]);
    expect(tf.memory().numTensors).toBe(before);
  });

  it('AUC standard error shrinks with the validation size (Hanley–McNeil)', () => {
    expect(aucStandardError(0.6, 12, 13)).toBeGreaterThan(0.1);
    expect(aucStandardError(0.6, 800, 800)).toBeLessThan(0.02);
    expect(aucStandardError(0.6, 0, 20)).toBe(Number.POSITIVE_INFINITY);
  });
});
