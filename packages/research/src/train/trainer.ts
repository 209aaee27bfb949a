import * as tf from '@tensorflow/tfjs-core';
import './register-gradients.ts';
import { HireNetModel, type ModelMetadata } from '@hirenet/sdk/internal/model/hirenet-model';
import type { HireNetConfigInput } from '@hirenet/sdk/internal/model/config';
import type { WeightMap } from '@hirenet/sdk/internal/model/init';
import type { InterviewOutput } from '@hirenet/sdk/internal/model/types';
import { addGaussianNoise, mulberry32 } from '@hirenet/sdk/internal/util/prng';
import { meanAttentionEntropy } from './attention-entropy.ts';
import { augmentInterview, type AugmentPlan } from './augment.ts';
import { packBatch, type EncodedInterview } from './encode.ts';
import { binaryMetrics, type BinaryMetrics } from './metrics.ts';
import { aucStandardError, lengthStart } from './length-init.ts';
import { dropRows, l2 } from './regularise.ts';
import { shuffled } from './split.ts';

export interface TrainOptions {
  readonly epochs: number;
  readonly batchSize: number;
  readonly learningRate: number;
  /** Stop after this many epochs without a better validation score (see selectOn). */
  readonly patience: number;
  /**
   * Model selection: 'f1' (the paper's criterion, AUC breaks ties) or 'auc' (F1 breaks ties).
   * On a small validation split an untrained epoch that calls most candidates hirable can post
   * an F1 near 2p/(1+p) that a learning model takes several epochs to beat, and early stopping
   * then keeps the untrained one; AUC does not reward that.
   */
  readonly selectOn?: 'f1' | 'auc';
  readonly seed: number;
  /**
   * Std of Gaussian noise added to the standardised descriptors of every training batch (fresh
   * each time). Without it a HireNet memorises a few hundred interviews before it learns the short
   * events that matter; 0 disables it.
   */
  readonly inputNoise?: number;
  /**
   * Weight of the mean normalised entropy of answer attention in the loss (attention-entropy.ts);
   * 0 disables it.
   */
  readonly attentionEntropy?: number;
  /** Multiplier on the initial attention query vectors (1 = Glorot, the paper's init). */
  readonly queryInitScale?: number;
  /** L2 penalty λ·Σw² over every kernel (not biases) in the loss; 0 or absent disables it. */
  readonly weightDecay?: number;
  /**
   * Probability of dropping each row of a training answer (fresh each batch, at least one row kept):
   * word dropout for the text modality, so a small set cannot be memorised word by word.
   */
  readonly rowDropout?: number;
  /**
   * With a lengthInput model: start as the answer-length model (length-init.ts) and let that start
   * compete as epoch 0 in model selection. Default true; false keeps the random start.
   */
  readonly lengthStart?: boolean;
  /**
   * While the length start (epoch 0) is the best model, an epoch replaces it only if its validation
   * AUC is higher by more than this many standard errors of the start's AUC (aucStandardError): on a
   * 25-interview validation split that is a large margin, on 1,600 a small one. 0: any gain counts.
   */
  readonly startMargin?: number;
  /** Take augmentation of every training batch (augment.ts); null or absent disables it. */
  readonly augment?: AugmentPlan | null;
  readonly onEpoch?: (e: EpochReport) => void;
  readonly onBatch?: (done: number, total: number) => void;
}

export interface EpochReport {
  readonly epoch: number;
  readonly trainLoss: number;
  readonly validation: BinaryMetrics;
  readonly seconds: number;
  readonly best: boolean;
}

export const DEFAULT_TRAIN: Omit<TrainOptions, 'seed'> = {
  epochs: 20,
  batchSize: 16,
  learningRate: 3e-3,
  patience: 6,
  inputNoise: 0.5,
  attentionEntropy: 0,
  queryInitScale: 1,
  selectOn: 'auc',
};
/**
 * `hirenet train --augment`: 'takes' (augment.ts) or 'none'. Reading every training answer as a
 * fresh take is what made attention land on the event in the two-feature worlds
 * (docs/attention-localisation.md).
 */
export const DEFAULT_AUGMENT: 'takes' | 'none' = 'takes';

/**
 * Batches of similar answer length (shuffled within and across buckets) so padding stays small:
 * the recurrence costs max length × batch, not the sum of lengths.
 */
export function lengthBuckets<T extends EncodedInterview>(items: readonly T[], batchSize: number, seed: number): T[][] {
  const order = shuffled(items, seed);
  const longest = (iv: EncodedInterview): number => Math.max(0, ...iv.answers.map((a) => a?.length ?? 0));
  const batches: T[][] = [];
  const chunk = batchSize * 16;
  for (let i = 0; i < order.length; i += chunk) {
    const sorted = order.slice(i, i + chunk).sort((a, b) => longest(a) - longest(b));
    for (let j = 0; j < sorted.length; j += batchSize) batches.push(sorted.slice(j, j + batchSize));
  }
  return shuffled(batches, seed + 1);
}

interface LossOptions {
  readonly noise: number;
  readonly entropy: number;
  readonly augment: AugmentPlan | null;
  readonly weightDecay: number;
  readonly rowDropout: number;
}

function loss(model: HireNetModel, items: readonly EncodedInterview[], o: LossOptions, rand: () => number): tf.Scalar {
  const augmented =
    o.augment === null ? items : items.map((iv) => augmentInterview(iv, o.augment as AugmentPlan, rand));
  const inputs =
    o.rowDropout > 0 ? augmented.map((iv) => dropRows(iv, model.config.inputDim, o.rowDropout, rand)) : augmented;
  const batch = packBatch(inputs, model.config.inputDim, model.config.wordDim);
  if (o.noise > 0) addGaussianNoise(batch.answers, o.noise, rand);
  const labels = tf.tensor1d(items.map((iv) => iv.label));
  const out = model.forwardBatch(batch);
  const p = tf.clipByValue(out.scores, 1e-7, 1 - 1e-7);
  const bce = tf.neg(
    tf.mean(tf.add(tf.mul(labels, tf.log(p)), tf.mul(tf.sub(1, labels), tf.log(tf.sub(1, p))))),
  ) as tf.Scalar;
  let total: tf.Scalar = bce;
  if (o.weightDecay > 0) total = tf.add(total, tf.mul(o.weightDecay, l2(model))) as tf.Scalar;
  if (o.entropy <= 0 || out.answerAttention === null) return total;
  return tf.add(total, tf.mul(o.entropy, meanAttentionEntropy(out.answerAttention, batch.answerLengths))) as tf.Scalar;
}

/** Scales the attention query vectors of freshly initialised weights (sharper or flatter start). */
function scaleQueries(weights: WeightMap, factor: number): WeightMap {
  const out: WeightMap = { ...weights };
  for (const name of ['lowAttention/query', 'highAttention/query']) {
    const w = weights[name];
    if (w !== undefined) out[name] = { shape: w.shape, data: w.data.map((x) => x * factor) };
  }
  return out;
}

/** Scores and attention for many interviews, in batches of similar length, in input order. */
export async function predictEncoded(
  model: HireNetModel,
  items: readonly EncodedInterview[],
  batchSize = 64,
): Promise<InterviewOutput[]> {
  const out = new Array<InterviewOutput>(items.length);
  const indexed = items.map((iv, i) => ({ iv, i }));
  const longest = (x: { iv: EncodedInterview }): number => Math.max(0, ...x.iv.answers.map((a) => a?.length ?? 0));
  const sorted = [...indexed].sort((a, b) => longest(a) - longest(b));
  for (let k = 0; k < sorted.length; k += batchSize) {
    const chunk = sorted.slice(k, k + batchSize);
    const results = await model.predictBatch(
      packBatch(
        chunk.map((c) => c.iv),
        model.config.inputDim,
        model.config.wordDim,
      ),
    );
    chunk.forEach((c, j) => (out[c.i] = results[j] as InterviewOutput));
  }
  return out;
}

export async function evaluateEncoded(model: HireNetModel, items: readonly EncodedInterview[]): Promise<BinaryMetrics> {
  const outputs = await predictEncoded(model, items);
  return binaryMetrics(
    outputs.map((o) => o.score),
    items.map((iv) => iv.label),
  );
}

/**
 * BCE with Adam, model selection on validation F1 of the hirable class (the paper's criterion;
 * validation AUC breaks ties), early stopping. Returns the best model; the others are disposed.
 */
export async function trainHireNet(
  config: HireNetConfigInput,
  train: readonly EncodedInterview[],
  validation: readonly EncodedInterview[],
  options: TrainOptions,
  metadata: ModelMetadata,
): Promise<{ model: HireNetModel; history: EpochReport[] }> {
  const initial = HireNetModel.random(config, Math.floor(mulberry32(options.seed)() * 2 ** 31));
  const queryScale = options.queryInitScale ?? 1;
  const fromLength = initial.config.lengthInput === true && options.lengthStart !== false;
  let start = initial.getWeights();
  if (queryScale !== 1) start = scaleQueries(start, queryScale);
  if (fromLength) start = lengthStart(start, train, initial.config.inputDim);
  const model = queryScale === 1 && !fromLength ? initial : HireNetModel.fromWeights(initial.config, start);
  if (model !== initial) initial.dispose();
  const lossOptions: LossOptions = {
    weightDecay: options.weightDecay ?? 0,
    rowDropout: options.rowDropout ?? 0,
    noise: options.inputNoise ?? 0,
    entropy: options.attentionEntropy ?? 0,
    augment: options.augment ?? null,
  };
  const optimizer = tf.train.adam(options.learningRate);
  const history: EpochReport[] = [];
  let best: { weights: WeightMap; f1: number; auc: number } | null = null;
  let sinceBest = 0;
  let bestEpoch = 0;
  const positives = validation.filter((iv) => iv.label === 1).length;
  if (fromLength) {
    // Epoch 0 is the length model itself: training must beat it on validation to replace it.
    const m = await evaluateEncoded(model, validation);
    best = { weights: model.getWeights(), f1: m.f1, auc: Number.isNaN(m.auc) ? 0 : m.auc };
    const report = { epoch: 0, trainLoss: NaN, validation: m, seconds: 0, best: true };
    history.push(report);
    options.onEpoch?.(report);
  }
  try {
    for (let epoch = 1; epoch <= options.epochs; epoch++) {
      const t0 = performance.now();
      const batches = lengthBuckets(train, options.batchSize, options.seed * 1000 + epoch);
      const rand = mulberry32(options.seed * 7919 + epoch);
      let lossSum = 0;
      for (const [k, items] of batches.entries()) {
        const cost = optimizer.minimize(() => loss(model, items, lossOptions, rand), true, model.trainableWeights);
        lossSum += (cost?.dataSync()[0] ?? NaN) * items.length;
        cost?.dispose();
        options.onBatch?.(k + 1, batches.length);
      }
      const validationOutputs = await predictEncoded(model, validation);
      const validationMetrics = binaryMetrics(
        validationOutputs.map((o) => o.score),
        validation.map((iv) => iv.label),
      );
      const auc = Number.isNaN(validationMetrics.auc) ? 0 : validationMetrics.auc;
      // Calling (almost) everyone hirable scores a fair F1 on a balanced set while knowing nothing;
      // such epochs only count when nothing better has been seen.
      const positiveRate =
        validationOutputs.filter((o) => o.score >= 0.5).length / Math.max(1, validationOutputs.length);
      const collapsed = positiveRate > 0.95 || positiveRate < 0.05;
      const f1 = collapsed ? 0 : validationMetrics.f1;
      const margin =
        best !== null && fromLength && bestEpoch === 0 && (options.startMargin ?? 0) > 0
          ? (options.startMargin ?? 0) * aucStandardError(best.auc, positives, validation.length - positives)
          : 0;
      const improved =
        best === null ||
        (margin > 0 && auc > best.auc + margin) ||
        (margin === 0 &&
          (options.selectOn === 'auc'
            ? auc > best.auc || (auc === best.auc && f1 > best.f1)
            : f1 > best.f1 || (f1 === best.f1 && auc > best.auc)));
      if (improved) {
        best = { weights: model.getWeights(), f1, auc };
        bestEpoch = epoch;
        sinceBest = 0;
        // While the length start still leads (margin > 0), patience is not spent: the recurrent path
        // gets the whole epoch budget to beat it (SimInterview's word order can take 7+ epochs to show).
      } else if (margin === 0) sinceBest++;
      const report = {
        epoch,
        trainLoss: lossSum / train.length,
        validation: validationMetrics,
        seconds: (performance.now() - t0) / 1000,
        best: improved,
      };
      history.push(report);
      options.onEpoch?.(report);
      if (sinceBest >= options.patience) break;
    }
  } finally {
    optimizer.dispose();
  }
  const finalModel = HireNetModel.fromWeights(model.config, (best as { weights: WeightMap }).weights, metadata);
  model.dispose();
  return { model: finalModel, history };
}
