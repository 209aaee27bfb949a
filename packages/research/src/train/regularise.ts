import * as tf from '@tensorflow/tfjs-core';
import type { HireNetModel } from '@hirenet/sdk/internal/model/hirenet-model';
import type { EncodedInterview } from './encode.ts';

/** Σw² over the model's kernels, queries and classifier weights; biases are left free, as usual. */
export function l2(model: HireNetModel): tf.Scalar {
  return tf.tidy(() => {
    const kernels = model.trainableWeights.filter((v) => !/\/bias\/\d+$/.test(v.name));
    return tf.addN(kernels.map((v) => tf.sum(tf.square(v)))) as tf.Scalar;
  });
}

/**
 * A copy of the interview with each answer row dropped with probability p (at least one row kept
 * per non-empty answer). For text this is word dropout: the model cannot lean on one word it has
 * seen with one label, which is how a small set gets memorised.
 */
export function dropRows(iv: EncodedInterview, width: number, p: number, rand: () => number): EncodedInterview {
  const answers = iv.answers.map((a) => {
    if (a === null) return null;
    const steps = a.length / width;
    const keep: number[] = [];
    for (let t = 0; t < steps; t++) if (rand() >= p) keep.push(t);
    if (keep.length === 0) keep.push(Math.min(steps - 1, Math.floor(rand() * steps)));
    if (keep.length === steps) return a;
    const out = new Float32Array(keep.length * width);
    keep.forEach((t, k) => out.set(a.subarray(t * width, (t + 1) * width), k * width));
    return out;
  });
  return { ...iv, answers };
}
