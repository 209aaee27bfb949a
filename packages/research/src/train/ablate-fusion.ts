import { HireNetError } from '@hirenet/sdk/internal/util/errors';
import * as tf from '@tensorflow/tfjs-core';
import type { PaddedBatch } from '@hirenet/sdk/internal/model/batch';
import { forward } from '@hirenet/sdk/internal/model/forward';
import type { HireNetModel } from '@hirenet/sdk/internal/model/hirenet-model';
import type { HireNetConfig } from '@hirenet/sdk/internal/model/types';
import { packBatch, type EncodedInterview } from './encode.ts';

/**
 * HireNet's last layer v (the interview vector the classifier reads, eq. 15's input) for the
 * paper's early fusion, taken from the model's own forward pass. A test checks
 * sigmoid(v·W + b) against the model's scores.
 */
type Weights = Readonly<Record<string, tf.Tensor>>;

/** [B, 2·highUnits] v for one padded batch (tensors owned by the caller; run inside tf.tidy). */
export function lastLayerBatch(config: HireNetConfig, w: Weights, batch: PaddedBatch): tf.Tensor2D {
  const v = forward(config, w, batch).interviewVector;
  if (v === null) throw new HireNetError('model-integrity', 'the bigru baseline has no interview-level layer v');
  return v;
}

/** v for each interview, in input order. */
export async function lastLayerEncoded(
  model: HireNetModel,
  items: readonly EncodedInterview[],
  batchSize = 64,
): Promise<Float32Array[]> {
  const weights = model.getWeights();
  const tensors: Record<string, tf.Tensor> = {};
  for (const [name, value] of Object.entries(weights))
    tensors[name] = tf.tensor(value.data, [...value.shape], 'float32');
  const out: Float32Array[] = [];
  try {
    for (let k = 0; k < items.length; k += batchSize) {
      const chunk = items.slice(k, k + batchSize);
      const batch = packBatch(chunk, model.config.inputDim, model.config.wordDim);
      const v = tf.tidy(() => lastLayerBatch(model.config, tensors, batch));
      const data = (await v.data()) as Float32Array;
      v.dispose();
      const width = v.shape[1];
      chunk.forEach((_, i) => out.push(data.slice(i * width, (i + 1) * width)));
    }
  } finally {
    for (const t of Object.values(tensors)) t.dispose();
  }
  return out;
}

/** The model's own classifier applied to v (for the consistency check). */
export function classifyLastLayer(model: HireNetModel, v: Float32Array): number {
  const w = model.getWeights();
  const kernel = w['classifier/kernel']?.data;
  const bias = w['classifier/bias']?.data[0] ?? 0;
  if (kernel === undefined) throw new HireNetError('model-integrity', 'classifier/kernel is missing');
  let z = bias;
  v.forEach((x, i) => (z += x * (kernel[i] as number)));
  return 1 / (1 + Math.exp(-z));
}
