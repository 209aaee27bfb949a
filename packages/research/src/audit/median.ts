/**
 * Median of all scores (6 RCNY § 5-301(c)(1): "the median score for the full sample"). An even
 * count takes the mean of the two middle values, the usual statistical definition; the rules do
 * not define it further.
 */
import { HireNetError } from '@hirenet/sdk/internal/util/errors';
export function median(values: readonly number[]): number {
  if (values.length === 0) throw new HireNetError('invalid-input', 'median of an empty list');
  const sorted = Float64Array.from(values).sort();
  const mid = sorted.length >> 1;
  const upper = sorted[mid] as number;
  return sorted.length % 2 === 1 ? upper : ((sorted[mid - 1] as number) + upper) / 2;
}

/**
 * Scoring rate (6 RCNY § 5-300): the share of a category scoring strictly above the median.
 * A score equal to the median does not count, so a tie at the median lowers every rate alike.
 */
export function countAbove(scores: readonly number[], threshold: number): number {
  let n = 0;
  for (const s of scores) if (s > threshold) n++;
  return n;
}
