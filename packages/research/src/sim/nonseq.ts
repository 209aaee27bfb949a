/**
 * Order-free answer statistics (the paper's non-sequential baseline: mean, std, min, max, sum of
 * positive and of negative gradients per descriptor). SimInterview's checks score them with the
 * project's own rank AUC (train/metrics.ts) and ridge logistic regression (baselines/logistic.ts).
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
    out.set(
      [mean, Math.sqrt(Math.max(0, sq / rows.length - mean * mean)), min, max, pos, neg],
      j * NONSEQ_STATS.length,
    );
  }
  return out;
}
