/**
 * L2-regularised (ridge) logistic regression, hand-written: the npm candidates we checked
 * (ml-logistic-regression 2.0.0, MIT) have no regularisation and no intercept and run a fixed
 * 50,000 gradient steps, and the paper's baselines need the ridge penalty.
 *
 * Fitted by Newton's method (IRLS) with a backtracking line search: the penalised loss is
 * strictly convex, so the result depends only on the data and λ, not on a seed, a learning rate or
 * the order of the rows. Features are standardised inside (statistics from the training rows)
 * so one λ grid means the same thing for functionals, TF-IDF vectors and HireNet's v.
 */
import { HireNetError } from '@hirenet/sdk/internal/util/errors';
export interface LogisticOptions {
  /** λ in mean log-loss + λ/2·‖w‖² (on standardised features; the intercept is not penalised). */
  readonly l2: number;
  readonly maxIterations?: number;
  /** Stop when no coefficient moves more than this in one Newton step. */
  readonly tolerance?: number;
}

export interface LogisticModel {
  readonly mean: Float64Array;
  readonly scale: Float64Array;
  readonly weights: Float64Array;
  readonly bias: number;
  /** Newton steps taken (a fit that hit maxIterations did not converge). */
  readonly iterations: number;
}

const sigmoid = (z: number): number => (z >= 0 ? 1 / (1 + Math.exp(-z)) : Math.exp(z) / (1 + Math.exp(z)));

/** log(1 + e^z) without overflow. */
const softplus = (z: number): number => (z > 0 ? z + Math.log1p(Math.exp(-z)) : Math.log1p(Math.exp(z)));

/** Solves A x = b for symmetric positive definite A (n × n, row-major, overwritten). */
export function choleskySolve(a: Float64Array, b: Float64Array, n: number): Float64Array {
  for (let j = 0; j < n; j++) {
    let d = a[j * n + j] as number;
    for (let k = 0; k < j; k++) d -= (a[j * n + k] as number) ** 2;
    if (!(d > 0)) throw new HireNetError('invalid-input', 'choleskySolve: matrix is not positive definite');
    const ljj = Math.sqrt(d);
    a[j * n + j] = ljj;
    for (let i = j + 1; i < n; i++) {
      let s = a[i * n + j] as number;
      for (let k = 0; k < j; k++) s -= (a[i * n + k] as number) * (a[j * n + k] as number);
      a[i * n + j] = s / ljj;
    }
  }
  const x = Float64Array.from(b);
  for (let i = 0; i < n; i++) {
    let s = x[i] as number;
    for (let k = 0; k < i; k++) s -= (a[i * n + k] as number) * (x[k] as number);
    x[i] = s / (a[i * n + i] as number);
  }
  for (let i = n - 1; i >= 0; i--) {
    let s = x[i] as number;
    for (let k = i + 1; k < n; k++) s -= (a[k * n + i] as number) * (x[k] as number);
    x[i] = s / (a[i * n + i] as number);
  }
  return x;
}

export function fitLogisticL2(
  rows: readonly ArrayLike<number>[],
  labels: readonly number[],
  options: LogisticOptions,
): LogisticModel {
  const n = rows.length;
  const d = rows[0]?.length ?? 0;
  if (n === 0 || labels.length !== n)
    throw new HireNetError('invalid-input', `fitLogisticL2: ${n} rows for ${labels.length} labels`);
  const { l2, maxIterations = 50, tolerance = 1e-8 } = options;
  const mean = new Float64Array(d);
  const scale = new Float64Array(d);
  for (const r of rows) for (let j = 0; j < d; j++) mean[j] = (mean[j] as number) + (r[j] as number) / n;
  for (const r of rows)
    for (let j = 0; j < d; j++) scale[j] = (scale[j] as number) + ((r[j] as number) - (mean[j] as number)) ** 2 / n;
  // A constant column is centred to 0 and left there (scale 1), so it gets weight 0 under λ > 0.
  for (let j = 0; j < d; j++) scale[j] = (scale[j] as number) > 1e-24 ? Math.sqrt(scale[j] as number) : 1;

  // Design matrix with the intercept as the last column.
  const D = d + 1;
  const x = new Float64Array(n * D);
  rows.forEach((r, i) => {
    for (let j = 0; j < d; j++) x[i * D + j] = ((r[j] as number) - (mean[j] as number)) / (scale[j] as number);
    x[i * D + d] = 1;
  });
  const beta = new Float64Array(D);
  const z = new Float64Array(n);
  const computeZ = (b: Float64Array): void => {
    for (let i = 0; i < n; i++) {
      let s = 0;
      for (let j = 0; j < D; j++) s += (x[i * D + j] as number) * (b[j] as number);
      z[i] = s;
    }
  };
  const objective = (b: Float64Array): number => {
    computeZ(b);
    let loss = 0;
    for (let i = 0; i < n; i++) loss += softplus(z[i] as number) - (labels[i] as number) * (z[i] as number);
    let pen = 0;
    for (let j = 0; j < d; j++) pen += (b[j] as number) ** 2;
    return loss / n + (l2 / 2) * pen;
  };

  let current = objective(beta);
  let iterations = 0;
  for (; iterations < maxIterations; iterations++) {
    computeZ(beta);
    const grad = new Float64Array(D);
    const hess = new Float64Array(D * D);
    for (let i = 0; i < n; i++) {
      const p = sigmoid(z[i] as number);
      const r = (p - (labels[i] as number)) / n;
      const w = (p * (1 - p)) / n;
      const base = i * D;
      for (let j = 0; j < D; j++) {
        const xj = x[base + j] as number;
        if (xj === 0) continue;
        grad[j] = (grad[j] as number) + r * xj;
        const wx = w * xj;
        for (let k = 0; k <= j; k++) hess[j * D + k] = (hess[j * D + k] as number) + wx * (x[base + k] as number);
      }
    }
    for (let j = 0; j < D; j++) {
      for (let k = 0; k < j; k++) hess[k * D + j] = hess[j * D + k] as number;
      const ridge = j < d ? l2 : 1e-10;
      hess[j * D + j] = (hess[j * D + j] as number) + ridge;
      if (j < d) grad[j] = (grad[j] as number) + l2 * (beta[j] as number);
    }
    const step = choleskySolve(hess, grad, D);
    // Backtracking: a full Newton step can overshoot on nearly separable data.
    let t = 1;
    let candidate = beta;
    let value = current;
    for (let halvings = 0; halvings < 30; halvings++, t /= 2) {
      candidate = Float64Array.from(beta, (b, j) => b - t * (step[j] as number));
      value = objective(candidate);
      if (value <= current) break;
    }
    const moved = Math.max(...Array.from(step, (s) => Math.abs(s * t)));
    beta.set(candidate);
    current = value;
    if (moved < tolerance) {
      iterations++;
      break;
    }
  }
  return { mean, scale, weights: beta.slice(0, d), bias: beta[d] as number, iterations };
}

/** P(label = 1) for one feature row. */
export function logisticScore(model: LogisticModel, row: ArrayLike<number>): number {
  let s = model.bias;
  for (let j = 0; j < model.weights.length; j++) {
    s += (model.weights[j] as number) * (((row[j] as number) - (model.mean[j] as number)) / (model.scale[j] as number));
  }
  return sigmoid(s);
}
