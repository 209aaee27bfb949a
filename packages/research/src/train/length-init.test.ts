import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-cpu';
import { beforeAll, describe, expect, it } from 'vitest';
import { HireNetModel } from '@hirenet/sdk/internal/model/hirenet-model';
import { mulberry32 } from '@hirenet/sdk/internal/util/prng';
import type { EncodedInterview } from './encode.ts';
import { pearson } from '../fi-v2/correlation.ts';
import { aucStandardError, encodedLength, lengthStart, V_START_SCALE } from './length-init.ts';
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
  it('starts as (mostly) the length model: score follows answer length, v rows at a tenth', async () => {
    const train = interviews(120, 1);
    const model = HireNetModel.random({ ...CONFIG, lengthInput: true }, 3);
    const random = model.getWeights();
    const start = lengthStart(random, train, D);
    const started = HireNetModel.fromWeights(model.config, start);
    model.dispose();
    try {
      const k = start['classifier/kernel']?.data ?? new Float32Array();
      const k0 = random['classifier/kernel']?.data ?? new Float32Array();
      expect(k).toHaveLength(2 * CONFIG.highUnits + 1);
      for (let i = 0; i < k.length - 1; i++) expect(k[i]).toBeCloseTo((k0[i] ?? NaN) * V_START_SCALE, 6);
      expect(k.at(-1)).toBeGreaterThan(0); // longer answers were labelled 1 more often
      const out = await predictEncoded(started, train);
      const r = pearson(
        train.map((iv) => encodedLength(iv, D)),
        out.map((o) => o.score),
      );
      expect(r).toBeGreaterThan(0.9);
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
