import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-cpu';
import './register-gradients.ts';
import { describe, expect, it } from 'vitest';
import { gaussian, mulberry32 } from '@hirenet/sdk/internal/util/prng';
import { HireNetModel } from '@hirenet/sdk/internal/model/hirenet-model';
import type { HireNetVariant, InterviewInput } from '@hirenet/sdk/internal/model/types';

const DIMS = {
  inputDim: 3,
  wordDim: 4,
  lowUnits: 5,
  contextUnits: 4,
  highUnits: 4,
  attentionDim: 4,
  highAttentionDim: 3,
};

/** Toy task: hirable when one answer holds a burst of feature 0 — it needs attention, not averages. */
function toyData(seed: number, count: number): { inputs: InterviewInput[]; labels: number[] } {
  const rand = mulberry32(seed);
  const normal = gaussian(rand);
  const rows = (n: number, w: number): number[][] =>
    Array.from({ length: n }, () => Array.from({ length: w }, () => 0.5 * normal()));
  const inputs: InterviewInput[] = [];
  const labels: number[] = [];
  for (let k = 0; k < count; k++) {
    const label = k % 2;
    const n = 1 + Math.floor(rand() * 3);
    const answers = Array.from({ length: n }, () => rows(6 + Math.floor(rand() * 10), DIMS.inputDim));
    if (label === 1) {
      const a = answers[Math.floor(rand() * n)] as number[][];
      const t = Math.floor(rand() * a.length);
      (a[t] as number[])[0] = 3;
    }
    inputs.push({ jobTitle: rows(2, DIMS.wordDim), questions: answers.map(() => rows(3, DIMS.wordDim)), answers });
    labels.push(label);
  }
  return { inputs, labels };
}

function bce(model: HireNetModel, batch: ReturnType<HireNetModel['pad']>, labels: tf.Tensor1D): tf.Scalar {
  const p = tf.clipByValue(model.forwardBatch(batch).scores, 1e-6, 1 - 1e-6);
  return tf.neg(
    tf.mean(tf.add(tf.mul(labels, tf.log(p)), tf.mul(tf.sub(1, labels), tf.log(tf.sub(1, p))))),
  ) as tf.Scalar;
}

describe.each<HireNetVariant>(['hirenet', 'hn_satt', 'hn_avg', 'bigru'])('gradients (%s)', (variant) => {
  it('reach every weight, and Adam lowers the loss on a toy task without leaking tensors', () => {
    const { inputs, labels } = toyData(4, 16);
    const model = HireNetModel.random({ ...DIMS, variant }, 5);
    const batch = model.pad(inputs);
    const y = tf.tensor1d(labels);
    const before = tf.memory().numTensors;

    const { value, grads } = tf.variableGrads(() => bce(model, batch, y), model.trainableWeights);
    for (const [name, g] of Object.entries(grads)) {
      expect(
        tf.tidy(() => tf.norm(g).dataSync()[0] ?? 0),
        `gradient of ${name}`,
      ).toBeGreaterThan(0);
    }
    expect(Object.keys(grads)).toHaveLength(model.trainableWeights.length);
    const initial = value.dataSync()[0] ?? NaN;
    value.dispose();
    tf.dispose(Object.values(grads));

    const optimizer = tf.train.adam(0.05);
    let loss = initial;
    for (let step = 0; step < 20; step++) {
      const cost = optimizer.minimize(() => bce(model, batch, y), true, model.trainableWeights);
      loss = cost?.dataSync()[0] ?? NaN;
      cost?.dispose();
    }
    optimizer.dispose();
    expect(loss).toBeLessThan(initial * 0.85);
    expect(tf.memory().numTensors).toBe(before);
    y.dispose();
    model.dispose();
  });
});
