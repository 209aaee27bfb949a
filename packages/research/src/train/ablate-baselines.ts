import { HireNetError } from '@hirenet/sdk/internal/util/errors';
import { fitBow, bowVector } from '../baselines/bow.ts';
import { answerFunctionals } from '../baselines/functionals.ts';
import { fitLogisticL2, logisticScore, type LogisticModel } from '../baselines/logistic.ts';
import type { EncodedInterview } from './encode.ts';
import { binaryMetrics, type BinaryMetrics } from './metrics.ts';

/**
 * The paper's non-sequential baselines in its protocol: each answer is a training example with
 * its interview's label ("answer-wise"), and at test time a candidate's score is the mean of the
 * scores of the answers they gave. The paper picks the best of SVM, ridge and random forest after
 * a hyper-parameter search; we use one learner, L2 logistic regression, with λ chosen on the
 * validation split by the same criterion as the neural models (F1 of the hirable class, AUC
 * breaking ties).
 */
export const L2_GRID: readonly number[] = [1e-4, 1e-3, 1e-2, 1e-1, 1, 10];

export interface BaselineResult {
  readonly validation: BinaryMetrics;
  /** Test scores in the order of the test items. */
  readonly testScores: number[];
  readonly detail: Readonly<Record<string, unknown>>;
}

type Featurize = (rows: Float32Array) => Float64Array;

/** Per interview, the feature vector of each answer that has windows (missing answers are skipped). */
function featurizeAll(items: readonly EncodedInterview[], featurize: Featurize): Float64Array[][] {
  return items.map((iv) => iv.answers.filter((a): a is Float32Array => a !== null && a.length > 0).map(featurize));
}

/** Mean answer score per interview; an interview with no usable answer gets 0.5 (no evidence). */
function interviewScores(features: readonly Float64Array[][], model: LogisticModel): number[] {
  return features.map((answers) =>
    answers.length === 0 ? 0.5 : answers.reduce((s, f) => s + logisticScore(model, f), 0) / answers.length,
  );
}

function better(a: BinaryMetrics, b: BinaryMetrics | null): boolean {
  const auc = (m: BinaryMetrics): number => (Number.isNaN(m.auc) ? 0 : m.auc);
  return b === null || a.f1 > b.f1 || (a.f1 === b.f1 && auc(a) > auc(b));
}

/** Fits one L2 logistic regression per λ on rows, keeps the best on validation. */
export function selectLogistic(
  rows: readonly Float64Array[],
  labels: readonly number[],
  validationScores: (m: LogisticModel) => number[],
  validationLabels: readonly number[],
  grid: readonly number[] = L2_GRID,
): { model: LogisticModel; l2: number; validation: BinaryMetrics } {
  let best: { model: LogisticModel; l2: number; validation: BinaryMetrics } | null = null;
  for (const l2 of grid) {
    const model = fitLogisticL2(rows, labels, { l2 });
    const validation = binaryMetrics(validationScores(model), validationLabels);
    if (better(validation, best?.validation ?? null)) best = { model, l2, validation };
  }
  if (best === null) throw new HireNetError('invalid-options', 'selectLogistic: empty λ grid');
  return best;
}

function answerWise(
  train: readonly EncodedInterview[],
  validation: readonly EncodedInterview[],
  test: readonly EncodedInterview[],
  featurize: Featurize,
  grid: readonly number[],
): BaselineResult & { l2: number } {
  const [trF, vaF, teF] = [
    featurizeAll(train, featurize),
    featurizeAll(validation, featurize),
    featurizeAll(test, featurize),
  ];
  const rows = trF.flat();
  const labels = trF.flatMap((answers, i) => answers.map(() => (train[i] as EncodedInterview).label));
  const chosen = selectLogistic(
    rows,
    labels,
    (m) => interviewScores(vaF, m),
    validation.map((iv) => iv.label),
    grid,
  );
  return {
    validation: chosen.validation,
    testScores: interviewScores(teF, chosen.model),
    l2: chosen.l2,
    detail: {
      l2: chosen.l2,
      trainAnswers: rows.length,
      features: rows[0]?.length ?? 0,
      newtonSteps: chosen.model.iterations,
    },
  };
}

/** Non-sequential: functionals of each (standardised) descriptor over the answer → logistic regression. */
export function nonSequentialBaseline(
  train: readonly EncodedInterview[],
  validation: readonly EncodedInterview[],
  test: readonly EncodedInterview[],
  width: number,
  grid: readonly number[] = L2_GRID,
): BaselineResult {
  return answerWise(train, validation, test, (rows) => answerFunctionals(rows, width), grid);
}

/**
 * The text modality's document vector: the mean word vector of each answer, then the same
 * answer-wise logistic regression. (Six functionals of 100 word-vector dimensions would make a
 * 600-wide Newton problem for no gain: a word vector's min or gradient sum means little.)
 */
export function meanRowBaseline(
  train: readonly EncodedInterview[],
  validation: readonly EncodedInterview[],
  test: readonly EncodedInterview[],
  width: number,
  grid: readonly number[] = L2_GRID,
): BaselineResult {
  const mean = (rows: Float32Array): Float64Array => {
    const out = new Float64Array(width);
    const steps = rows.length / width;
    for (let i = 0; i < rows.length; i++) out[i % width] = (out[i % width] as number) + (rows[i] as number) / steps;
    return out;
  };
  return answerWise(train, validation, test, mean, grid);
}

export interface BowBaselineOptions {
  readonly k: number;
  readonly seed: number;
  readonly sampleWindows?: number;
}

/** Bo*W: k-means codebook on a sample of training windows → TF-IDF per answer → logistic regression. */
export function bowBaseline(
  train: readonly EncodedInterview[],
  validation: readonly EncodedInterview[],
  test: readonly EncodedInterview[],
  width: number,
  options: BowBaselineOptions,
  grid: readonly number[] = L2_GRID,
): BaselineResult {
  const trainAnswers = train.flatMap((iv) => iv.answers.filter((a): a is Float32Array => a !== null && a.length > 0));
  const bow = fitBow(trainAnswers, width, { k: options.k, seed: options.seed, sampleWindows: options.sampleWindows });
  const result = answerWise(train, validation, test, (rows) => bowVector(rows, bow), grid);
  return {
    ...result,
    detail: { ...result.detail, codebook: bow.codebook.k, kmeansIterations: bow.codebook.iterations },
  };
}

/**
 * Early fusion (paper, Table 4): the interview vectors v of each modality's HireNet, concatenated,
 * "with the same test procedure as the non-sequential baselines" — here one row per interview,
 * since v already describes the whole interview.
 */
export function earlyFusion(
  train: { v: readonly Float64Array[]; labels: readonly number[] },
  validation: { v: readonly Float64Array[]; labels: readonly number[] },
  test: readonly Float64Array[],
  grid: readonly number[] = L2_GRID,
): BaselineResult {
  const chosen = selectLogistic(
    train.v,
    train.labels,
    (m) => validation.v.map((r) => logisticScore(m, r)),
    validation.labels,
    grid,
  );
  return {
    validation: chosen.validation,
    testScores: test.map((r) => logisticScore(chosen.model, r)),
    detail: { l2: chosen.l2, features: train.v[0]?.length ?? 0 },
  };
}
