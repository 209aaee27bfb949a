import * as tf from '@tensorflow/tfjs-core';
import { HireNetError, HireNetInputError, ModelIntegrityError } from '../util/errors.ts';
import { padBatch, type PaddedBatch } from './batch.ts';
import { resolveConfig, type HireNetConfigInput } from './config.ts';
import { forward, type ForwardResult } from './forward.ts';
import { initWeights, type InitOptions, type WeightMap } from './init.ts';
import type { HireNetConfig, InterviewInput, InterviewOutput } from './types.ts';
import { weightSpecs } from './weight-spec.ts';

/** Free-form facts a model file carries beside its weights (feature schema, standardisation…). */
export type ModelMetadata = Readonly<Record<string, unknown>>;

/**
 * A HireNet with its weights held as tf.Variables (so training can update them in place).
 * predict() is the only thing a page needs; forwardBatch() is for training and benchmarks.
 */
export class HireNetModel {
  private disposed = false;

  private constructor(
    readonly config: HireNetConfig,
    private readonly variables: ReadonlyMap<string, tf.Variable>,
    readonly metadata: ModelMetadata,
  ) {}

  /** Seeded random weights (reference checks, training start). */
  static random(
    config: HireNetConfigInput,
    seed: number,
    options: InitOptions = {},
    metadata: ModelMetadata = {},
  ): HireNetModel {
    const resolved = resolveConfig(config);
    return HireNetModel.fromWeights(resolved, initWeights(weightSpecs(resolved), seed, options), metadata);
  }

  /** Builds a model from plain weights, refusing any missing, extra or misshapen weight. */
  static fromWeights(config: HireNetConfigInput, weights: WeightMap, metadata: ModelMetadata = {}): HireNetModel {
    const resolved = resolveConfig(config);
    const specs = weightSpecs(resolved);
    const expected = new Set(specs.map((s) => s.name));
    const extra = Object.keys(weights).filter((name) => !expected.has(name));
    if (extra.length > 0)
      throw new ModelIntegrityError(`unexpected weights for variant ${resolved.variant}: ${extra.join(', ')}`);
    // Validate everything before allocating, so a refused file leaks no tensors.
    for (const spec of specs) {
      const w = weights[spec.name];
      if (w === undefined) throw new ModelIntegrityError(`weight ${spec.name} is missing`);
      const size = spec.shape.reduce((a, b) => a * b, 1);
      if (w.shape.join(',') !== spec.shape.join(',') || w.data.length !== size) {
        throw new ModelIntegrityError(
          `weight ${spec.name} has shape [${w.shape.join(', ')}], expected [${spec.shape.join(', ')}]`,
        );
      }
    }
    const variables = new Map<string, tf.Variable>();
    for (const spec of specs) {
      const initial = tf.tensor((weights[spec.name] as WeightMap[string]).data, [...spec.shape], 'float32');
      variables.set(spec.name, tf.variable(initial, true, `hirenet/${spec.name}/${nextId()}`));
      initial.dispose();
    }
    return new HireNetModel(resolved, variables, metadata);
  }

  /** Weights in storage order, for optimizers. */
  get trainableWeights(): tf.Variable[] {
    this.assertAlive();
    return [...this.variables.values()];
  }

  /** Tensors of one forward pass over a padded batch; the caller disposes them (use tf.tidy). */
  forwardBatch(batch: PaddedBatch): ForwardResult {
    this.assertAlive();
    return forward(this.config, Object.fromEntries(this.variables), batch);
  }

  /** Pads and validates interviews into one batch (HireNetInputError names a bad value). */
  pad(interviews: readonly InterviewInput[]): PaddedBatch {
    const batch = padBatch(interviews, this.config.inputDim, this.config.wordDim);
    if (this.config.variant === 'bigru') {
      // The answer-level baseline averages per-answer scores: with no answer there is nothing to average.
      interviews.forEach((iv, b) => {
        if (!iv.answers.some((a) => (a?.length ?? 0) > 0))
          throw new HireNetInputError(
            `interviews[${b}].answers`,
            'the bigru baseline needs at least one non-empty answer',
          );
      });
    }
    return batch;
  }

  /** Scores interviews in one padded batch; the result of each does not depend on the others. */
  async predict(interviews: readonly InterviewInput[]): Promise<InterviewOutput[]> {
    return this.predictBatch(this.pad(interviews));
  }

  /** Scores an already padded batch (training and evaluation pack their own). */
  async predictBatch(batch: PaddedBatch): Promise<InterviewOutput[]> {
    const { scores, answerAttention, questionAttention } = keptForward(() => this.forwardBatch(batch));
    try {
      const [s, aa, qa] = await Promise.all([scores.data(), answerAttention?.data(), questionAttention?.data()]);
      return unpackOutputs(batch, s as Float32Array, aa as Float32Array | undefined, qa as Float32Array | undefined);
    } finally {
      scores.dispose();
      answerAttention?.dispose();
      questionAttention?.dispose();
    }
  }

  /** A copy of the weights as plain data, in storage order. */
  getWeights(): WeightMap {
    this.assertAlive();
    const out: WeightMap = {};
    for (const [name, v] of this.variables) out[name] = { shape: [...v.shape], data: v.dataSync() as Float32Array };
    return out;
  }

  /** Frees every tensor the model owns; the model is unusable afterwards. */
  dispose(): void {
    if (this.disposed) return;
    this.disposed = true;
    for (const v of this.variables.values()) v.dispose();
  }

  private assertAlive(): void {
    if (this.disposed) throw new HireNetError('disposed', 'this HireNetModel has been disposed');
  }
}

/** Runs a forward pass in a tidy scope and keeps only its outputs. */
function keptForward(run: () => ForwardResult): ForwardResult {
  let result: ForwardResult | undefined;
  tf.tidy(() => {
    result = run();
    for (const t of [result.scores, result.answerAttention, result.questionAttention]) if (t !== null) tf.keep(t);
  });
  if (result === undefined) throw new Error('unreachable: tidy did not run');
  return result;
}

let variableCounter = 0;
// tf.variable names must be unique per engine; several models (e.g. ablations) live side by side.
function nextId(): number {
  return ++variableCounter;
}

function unpackOutputs(
  batch: PaddedBatch,
  scores: Float32Array,
  answer?: Float32Array,
  question?: Float32Array,
): InterviewOutput[] {
  const { maxQuestions: n, maxSteps: t } = batch;
  return Array.from({ length: batch.size }, (_, b) => {
    const count = batch.questionCounts[b] ?? 0;
    const answerAttention: number[][] = [];
    const questionAttention: number[] = [];
    if (answer !== undefined && question !== undefined) {
      for (let i = 0; i < count; i++) {
        const slot = b * n + i;
        const len = batch.answerLengths[slot] ?? 0;
        answerAttention.push(Array.from(answer.subarray(slot * t, slot * t + len)));
        questionAttention.push(question[b * n + i] ?? 0);
      }
    }
    return { score: scores[b] ?? NaN, answerAttention, questionAttention };
  });
}
