/** Binary classification metrics for the hirable class (label 1), as the paper reports them. */
export interface BinaryMetrics {
  readonly precision: number;
  readonly recall: number;
  readonly f1: number;
  readonly auc: number;
  readonly accuracy: number;
  readonly n: number;
  readonly threshold: number;
}

/** Precision/recall/F1 at a threshold (score ≥ threshold ⇒ hirable); 0 where undefined. */
export function binaryMetrics(scores: readonly number[], labels: readonly number[], threshold = 0.5): BinaryMetrics {
  let tp = 0;
  let fp = 0;
  let fn = 0;
  let correct = 0;
  scores.forEach((s, i) => {
    const predicted = s >= threshold ? 1 : 0;
    const actual = labels[i] ?? 0;
    if (predicted === 1 && actual === 1) tp++;
    else if (predicted === 1) fp++;
    else if (actual === 1) fn++;
    if (predicted === actual) correct++;
  });
  const precision = tp + fp === 0 ? 0 : tp / (tp + fp);
  const recall = tp + fn === 0 ? 0 : tp / (tp + fn);
  const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
  return {
    precision,
    recall,
    f1,
    auc: rocAuc(scores, labels),
    accuracy: scores.length === 0 ? 0 : correct / scores.length,
    n: scores.length,
    threshold,
  };
}

/**
 * ROC AUC as the Mann–Whitney U statistic with tied scores sharing their average rank;
 * NaN when one class is absent.
 */
export function rocAuc(scores: readonly number[], labels: readonly number[]): number {
  const order = scores.map((s, i) => [s, labels[i] ?? 0] as const).sort((a, b) => a[0] - b[0]);
  let positives = 0;
  let rankSum = 0;
  for (let i = 0; i < order.length; ) {
    let j = i;
    while (j < order.length && order[j]?.[0] === order[i]?.[0]) j++;
    const avgRank = (i + 1 + j) / 2;
    for (let k = i; k < j; k++) {
      if (order[k]?.[1] === 1) {
        positives++;
        rankSum += avgRank;
      }
    }
    i = j;
  }
  const negatives = order.length - positives;
  if (positives === 0 || negatives === 0) return NaN;
  return (rankSum - (positives * (positives + 1)) / 2) / (positives * negatives);
}
