import { HireNetError } from '../util/errors.ts';
import * as tf from '@tensorflow/tfjs-core';
import { additiveAttention, meanPooling, type AttentionWeights, type Pooled } from './attention.ts';
import type { PaddedBatch } from './batch.ts';
import { biGruScan, gruScan, lengthMask, type GruWeights } from './gru.ts';
import { tensorFromHost } from './host-data.ts';
import type { HireNetConfig } from './types.ts';

export type WeightTensors = Readonly<Record<string, tf.Tensor>>;

/** Tensors of one forward pass; the caller owns them (run it inside tf.tidy). */
export interface ForwardResult {
  /** [B] P(hirable). */
  readonly scores: tf.Tensor1D;
  /** [B * maxQuestions, maxSteps] answer attention, or null for the bigru baseline. */
  readonly answerAttention: tf.Tensor2D | null;
  /** [B, maxQuestions] question attention, or null for the bigru baseline. */
  readonly questionAttention: tf.Tensor2D | null;
  /** [B, 2·highUnits (+1 with lengthInput: ℓ)] v, what the classifier reads (eq. 15); null for bigru. */
  readonly interviewVector: tf.Tensor2D | null;
}

function pick(w: WeightTensors, name: string): tf.Tensor {
  const t = w[name];
  if (t === undefined) throw new HireNetError('model-integrity', `weight ${name} is missing`);
  return t;
}

function gru(w: WeightTensors, prefix: string): GruWeights {
  return {
    kernel: pick(w, `${prefix}/kernel`),
    recurrentKernel: pick(w, `${prefix}/recurrentKernel`),
    bias: pick(w, `${prefix}/bias`),
  };
}

function attention(w: WeightTensors, prefix: string, contextual: boolean): AttentionWeights {
  return {
    answerKernel: pick(w, `${prefix}/answerKernel`),
    contextKernel: contextual ? pick(w, `${prefix}/contextKernel`) : undefined,
    bias: pick(w, `${prefix}/bias`),
    query: pick(w, `${prefix}/query`),
  };
}

function classify(w: WeightTensors, v: tf.Tensor2D): tf.Tensor1D {
  const logits = tf.add(tf.matMul(v, pick(w, 'classifier/kernel') as tf.Tensor2D), pick(w, 'classifier/bias'));
  return tf.reshape(tf.sigmoid(logits), [v.shape[0]]);
}

function pool(
  variant: HireNetConfig['variant'],
  h: tf.Tensor3D,
  mask: tf.Tensor2D,
  w: AttentionWeights | null,
  context: tf.Tensor2D | null,
): Pooled {
  return variant === 'hn_avg' || w === null
    ? meanPooling(h, mask)
    : additiveAttention(h, mask, w, variant === 'hirenet' ? context : null);
}

/** Rows per unit of ℓ: ℓ counts an answer in hundreds of words (windows for voice and face). */
export const LENGTH_UNIT = 100;

/**
 * ℓ of one interview (config.lengthInput, types.ts): mean steps / LENGTH_UNIT over its answered
 * questions, 0 if none. Linear, not logarithmic: on FI V2 the word count's r with the judgement is
 * 0.255, its logarithm's 0.201 (the shortest answers are not the most different).
 */
export function meanAnswerLength(lengths: Iterable<number>): number {
  let sum = 0;
  let count = 0;
  for (const n of lengths) {
    if (n > 0) {
      sum += n / LENGTH_UNIT;
      count++;
    }
  }
  return count > 0 ? sum / count : 0;
}

/**
 * ℓ as a [rows, 1] column from the batch's lengths (host data, so padding cannot change it):
 * per slot steps / LENGTH_UNIT for the bigru baseline, otherwise per interview (meanAnswerLength).
 */
function lengthColumn(batch: PaddedBatch, perSlot: boolean): tf.Tensor2D {
  const { size, maxQuestions: n } = batch;
  if (perSlot)
    return tf.tensor2d(
      Float32Array.from(batch.answerLengths, (x) => x / LENGTH_UNIT),
      [size * n, 1],
    );
  const out = Float32Array.from({ length: size }, (_, b) =>
    meanAnswerLength(batch.answerLengths.subarray(b * n, b * n + (batch.questionCounts[b] ?? 0))),
  );
  return tf.tensor2d(out, [size, 1]);
}

/** The classifier's input: v, with ℓ appended when the model reads answer length. */
function withLength(config: HireNetConfig, batch: PaddedBatch, v: tf.Tensor2D, perSlot: boolean): tf.Tensor2D {
  return config.lengthInput === true ? tf.concat([v, lengthColumn(batch, perSlot)], 1) : v;
}

/** Answer-level baseline: each answer scored alone from its final states, averaged per interview. */
function forwardBigru(
  config: HireNetConfig,
  w: WeightTensors,
  batch: PaddedBatch,
  answers: tf.Tensor3D,
  answerMask: tf.Tensor2D,
): ForwardResult {
  const low = biGruScan(answers, answerMask, gru(w, 'lowEncoder/forward'), gru(w, 'lowEncoder/backward'));
  const finals = tf.concat([low.finalForward, low.finalBackward], 1) as tf.Tensor2D;
  const perAnswer = classify(w, withLength(config, batch, finals, true));
  const present = tf.tensor2d(
    Float32Array.from(batch.answerLengths, (n) => (n > 0 ? 1 : 0)),
    [batch.size, batch.maxQuestions],
  );
  const sums = tf.sum(tf.mul(tf.reshape(perAnswer, [batch.size, batch.maxQuestions]), present), 1);
  const scores = tf.div(sums, tf.maximum(tf.sum(present, 1), 1)) as tf.Tensor1D;
  return { scores, answerAttention: null, questionAttention: null, interviewVector: null };
}

/** HireNet's forward pass, eqs 1–15 (and the ablation variants), over one padded batch. */
export function forward(config: HireNetConfig, w: WeightTensors, batch: PaddedBatch): ForwardResult {
  const { size: b, maxQuestions: n, maxSteps: t, inputDim: d, wordDim: e } = batch;
  const slots = b * n;
  const answers = tensorFromHost<tf.Rank.R3>(batch.answers, [slots, t, d]);
  const answerMask = lengthMask(batch.answerLengths, t);
  if (config.variant === 'bigru') return forwardBigru(config, w, batch, answers, answerMask);

  const questions = tensorFromHost<tf.Rank.R3>(batch.questions, [slots, batch.maxQuestionWords, e]);
  const questionContext = gruScan(
    questions,
    lengthMask(batch.questionLengths, batch.maxQuestionWords),
    gru(w, 'questionEncoder'),
  ).final;
  const attends = config.variant !== 'hn_avg';
  const contextual = config.variant === 'hirenet';

  const low = biGruScan(answers, answerMask, gru(w, 'lowEncoder/forward'), gru(w, 'lowEncoder/backward'));
  const lowPool = pool(
    config.variant,
    low.outputs,
    answerMask,
    attends ? attention(w, 'lowAttention', contextual) : null,
    questionContext,
  );

  const pairs: tf.Tensor3D = tf.reshape(tf.concat([questionContext, lowPool.pooled], 1), [
    b,
    n,
    config.contextUnits + 2 * config.lowUnits,
  ]);
  const pairMask = lengthMask(batch.questionCounts, n);
  const high = biGruScan(pairs, pairMask, gru(w, 'highEncoder/forward'), gru(w, 'highEncoder/backward'));

  let jobContext: tf.Tensor2D | null = null;
  if (contextual) {
    const jobs = tensorFromHost<tf.Rank.R3>(batch.jobTitles, [b, batch.maxJobWords, e]);
    jobContext = gruScan(jobs, lengthMask(batch.jobLengths, batch.maxJobWords), gru(w, 'jobEncoder')).final;
  }
  const highPool = pool(
    config.variant,
    high.outputs,
    pairMask,
    attends ? attention(w, 'highAttention', contextual) : null,
    jobContext,
  );
  const v = withLength(config, batch, highPool.pooled, false);
  return {
    scores: classify(w, v),
    answerAttention: lowPool.weights,
    questionAttention: highPool.weights,
    interviewVector: v,
  };
}
