import { choleskySolve } from '../baselines/logistic.ts';

export interface RidgeModel {
  readonly mean: Float64Array;
  readonly scale: Float64Array;
  readonly weights: Float64Array;
  readonly intercept: number;
}

/** Ridge regression on standardised features; the intercept (target mean) is not penalised. */
export function fitRidge(rows: readonly Float64Array[], y: readonly number[], lambda: number): RidgeModel {
  const d = rows[0]?.length ?? 0;
  const n = rows.length;
  const mean = new Float64Array(d);
  const scale = new Float64Array(d);
  for (const r of rows) for (let j = 0; j < d; j++) mean[j] = (mean[j] as number) + (r[j] as number) / n;
  for (const r of rows)
    for (let j = 0; j < d; j++) scale[j] = (scale[j] as number) + ((r[j] as number) - (mean[j] as number)) ** 2 / n;
  for (let j = 0; j < d; j++) scale[j] = Math.sqrt(scale[j] as number) || 1;
  const ym = y.reduce((a, b) => a + b, 0) / n;
  const a = new Float64Array(d * d);
  const b = new Float64Array(d);
  const z = new Float64Array(d);
  rows.forEach((r, i) => {
    for (let j = 0; j < d; j++) z[j] = ((r[j] as number) - (mean[j] as number)) / (scale[j] as number);
    for (let j = 0; j < d; j++) {
      b[j] = (b[j] as number) + (z[j] as number) * ((y[i] as number) - ym);
      for (let k = 0; k < d; k++) a[j * d + k] = (a[j * d + k] as number) + (z[j] as number) * (z[k] as number);
    }
  });
  for (let j = 0; j < d; j++) a[j * d + j] = (a[j * d + j] as number) + lambda;
  return { mean, scale, weights: choleskySolve(a, b, d), intercept: ym };
}

export function ridgePredict(m: RidgeModel, row: Float64Array): number {
  let s = m.intercept;
  for (let j = 0; j < row.length; j++)
    s += (((row[j] as number) - (m.mean[j] as number)) / (m.scale[j] as number)) * (m.weights[j] as number);
  return s;
}
