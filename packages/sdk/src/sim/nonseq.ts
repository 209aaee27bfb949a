/**
 * Order-free answer statistics (the paper's non-sequential baseline: mean, std, min, max, sum of
 * positive and of negative gradients per descriptor) plus the small tools SimInterview's checks
 * need to show they carry no label signal: rank AUC and an L2 logistic regression.
 */
export const NONSEQ_STATS = ['mean', 'std', 'min', 'max', 'posGrad', 'negGrad'] as const;

/** 6 statistics per feature, feature-major: [f0.mean, f0.std, …, f1.mean, …]. */
export function answerStatistics(rows: readonly (readonly number[])[]): Float64Array {
  const d = rows[0]?.length ?? 0;
  const out = new Float64Array(d * NONSEQ_STATS.length);
  for (let j = 0; j < d; j++) {
    let sum = 0;
    let sq = 0;
    let min = Infinity;
    let max = -Infinity;
    let pos = 0;
    let neg = 0;
    let prev = NaN;
    for (const row of rows) {
      const v = row[j] ?? 0;
      sum += v;
      sq += v * v;
      if (v < min) min = v;
      if (v > max) max = v;
      const g = v - prev;
      if (g > 0) pos += g;
      else if (g < 0) neg -= g;
      prev = v;
    }
    const mean = sum / rows.length;
    out.set([mean, Math.sqrt(Math.max(0, sq / rows.length - mean * mean)), min, max, pos, neg], j * NONSEQ_STATS.length);
  }
  return out;
}

/** Area under the ROC curve by ranks (ties get half credit). */
export function auc(scores: ArrayLike<number>, labels: ArrayLike<number>): number {
  const idx = Array.from({ length: scores.length }, (_, i) => i).sort((a, b) => (scores[a] ?? 0) - (scores[b] ?? 0));
  let rankSumPos = 0;
  let positives = 0;
  for (let i = 0; i < idx.length; ) {
    let j = i;
    while (j + 1 < idx.length && scores[idx[j + 1] ?? 0] === scores[idx[i] ?? 0]) j++;
    const rank = (i + j) / 2 + 1;
    for (let k = i; k <= j; k++) {
      if (labels[idx[k] ?? 0] === 1) {
        rankSumPos += rank;
        positives++;
      }
    }
    i = j + 1;
  }
  const negatives = scores.length - positives;
  if (positives === 0 || negatives === 0) return 0.5;
  return (rankSumPos - (positives * (positives + 1)) / 2) / (positives * negatives);
}

/** Standardised-input logistic regression by full-batch gradient descent; returns a scorer. */
export function fitLogistic(
  x: readonly Float64Array[],
  y: readonly number[],
  options: { l2?: number; epochs?: number; rate?: number } = {},
): (row: Float64Array) => number {
  const { l2 = 1e-2, epochs = 300, rate = 0.5 } = options;
  const d = x[0]?.length ?? 0;
  const mu = new Float64Array(d);
  const sd = new Float64Array(d);
  for (const row of x) for (let j = 0; j < d; j++) mu[j] = (mu[j] ?? 0) + (row[j] ?? 0) / x.length;
  for (const row of x) for (let j = 0; j < d; j++) sd[j] = (sd[j] ?? 0) + ((row[j] ?? 0) - (mu[j] ?? 0)) ** 2 / x.length;
  for (let j = 0; j < d; j++) sd[j] = Math.sqrt(sd[j] ?? 0) || 1;
  const z = x.map((row) => Float64Array.from(row, (v, j) => (v - (mu[j] ?? 0)) / (sd[j] ?? 1)));
  const w = new Float64Array(d);
  let b = 0;
  for (let epoch = 0; epoch < epochs; epoch++) {
    const gw = new Float64Array(d);
    let gb = 0;
    z.forEach((row, i) => {
      let s = b;
      for (let j = 0; j < d; j++) s += (w[j] ?? 0) * (row[j] ?? 0);
      const err = 1 / (1 + Math.exp(-s)) - (y[i] ?? 0);
      gb += err;
      for (let j = 0; j < d; j++) gw[j] = (gw[j] ?? 0) + err * (row[j] ?? 0);
    });
    for (let j = 0; j < d; j++) w[j] = (w[j] ?? 0) - rate * ((gw[j] ?? 0) / z.length + l2 * (w[j] ?? 0));
    b -= (rate * gb) / z.length;
  }
  return (row) => {
    let s = b;
    for (let j = 0; j < d; j++) s += (w[j] ?? 0) * (((row[j] ?? 0) - (mu[j] ?? 0)) / (sd[j] ?? 1));
    return s;
  };
}
