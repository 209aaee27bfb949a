import * as tf from '@tensorflow/tfjs-core';
import { additiveAttention, meanPooling, type AttentionWeights } from '../model/attention.ts';
import type { PaddedBatch } from '../model/batch.ts';
import { biGruScan, gruScan, lengthMask, type GruWeights } from '../model/gru.ts';
import type { HireNetModel } from '../model/hirenet-model.ts';
import type { HireNetConfig } from '../model/types.ts';
import { packBatch, type EncodedInterview } from './encode.ts';

/**
 * HireNet's last layer v (the interview vector the classifier reads, eq. 15's input) for the
 * paper's early fusion. model/forward.ts returns only scores and attention, so this repeats its
 * hierarchical path up to the question-level pooling, from the same layer functions. A test
 * checks sigmoid(v·W + b) against the model's own scores, so the two cannot drift apart silently.
 */
type Weights = Readonly<Record<string, tf.Tensor>>;

function pick(w: Weights, name: string): tf.Tensor {
  const t = w[name];
  if (t === undefined) throw new Error(`weight ${name} is missing`);
  return t;
}

function gru(w: Weights, prefix: string): GruWeights {
  return { kernel: pick(w, `${prefix}/kernel`), recurrentKernel: pick(w, `${prefix}/recurrentKernel`), bias: pick(w, `${prefix}/bias`) };
}

function attention(w: Weights, prefix: string, contextual: boolean): AttentionWeights {
  return {
    answerKernel: pick(w, `${prefix}/answerKernel`),
    contextKernel: contextual ? pick(w, `${prefix}/contextKernel`) : undefined,
    bias: pick(w, `${prefix}/bias`),
    query: pick(w, `${prefix}/query`),
  };
}

/** [B, 2·highUnits] v for one padded batch (tensors owned by the caller; run inside tf.tidy). */
export function lastLayerBatch(config: HireNetConfig, w: Weights, batch: PaddedBatch): tf.Tensor2D {
  if (config.variant === 'bigru') throw new Error('the bigru baseline has no interview-level layer v');
  const { size: b, maxQuestions: n, maxSteps: t, inputDim: d, wordDim: e } = batch;
  const slots = b * n;
  const answers = tf.tensor3d(batch.answers, [slots, t, d]);
  const answerMask = lengthMask(batch.answerLengths, t);
  const questions = tf.tensor3d(batch.questions, [slots, batch.maxQuestionWords, e]);
  const questionContext = gruScan(questions, lengthMask(batch.questionLengths, batch.maxQuestionWords), gru(w, 'questionEncoder')).final;
  const attends = config.variant !== 'hn_avg';
  const contextual = config.variant === 'hirenet';
  const low = biGruScan(answers, answerMask, gru(w, 'lowEncoder/forward'), gru(w, 'lowEncoder/backward'));
  const lowPooled = attends ? additiveAttention(low.outputs, answerMask, attention(w, 'lowAttention', contextual), questionContext).pooled : meanPooling(low.outputs, answerMask).pooled;
  const pairs: tf.Tensor3D = tf.reshape(tf.concat([questionContext, lowPooled], 1), [b, n, config.contextUnits + 2 * config.lowUnits]);
  const pairMask = lengthMask(batch.questionCounts, n);
  const high = biGruScan(pairs, pairMask, gru(w, 'highEncoder/forward'), gru(w, 'highEncoder/backward'));
  if (!attends) return meanPooling(high.outputs, pairMask).pooled;
  let jobContext: tf.Tensor2D | null = null;
  if (contextual) {
    const jobs = tf.tensor3d(batch.jobTitles, [b, batch.maxJobWords, e]);
    jobContext = gruScan(jobs, lengthMask(batch.jobLengths, batch.maxJobWords), gru(w, 'jobEncoder')).final;
  }
  return additiveAttention(high.outputs, pairMask, attention(w, 'highAttention', contextual), jobContext).pooled;
}

/** v for each interview, in input order. */
export async function lastLayerEncoded(model: HireNetModel, items: readonly EncodedInterview[], batchSize = 64): Promise<Float32Array[]> {
  const weights = model.getWeights();
  const tensors: Record<string, tf.Tensor> = {};
  for (const [name, value] of Object.entries(weights)) tensors[name] = tf.tensor(value.data, [...value.shape], 'float32');
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
  if (kernel === undefined) throw new Error('classifier/kernel is missing');
  let z = bias;
  v.forEach((x, i) => (z += x * (kernel[i] as number)));
  return 1 / (1 + Math.exp(-z));
}
