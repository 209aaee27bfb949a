import { HireNetError } from '@hirenet/sdk/internal/util/errors';

export interface TakeSpread {
  /** Interviews scored in both takes. */
  readonly n: number;
  /** Mean, median and 90th percentile of |score(take A) − score(take B)|. */
  readonly meanAbs: number;
  readonly medianAbs: number;
  readonly p90Abs: number;
  /** Share of interviews whose decision (score ≥ threshold) differs between the takes. */
  readonly flipRate: number;
}

function quantile(sorted: readonly number[], q: number): number {
  const i = Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1));
  return sorted[i] ?? NaN;
}

/**
 * Take-to-take spread of scores for the same interviews in two takes, matched by id. Every id
 * must be in both: a partial match would compare different populations.
 */
type Scored = readonly { readonly id: string; readonly score: number }[];

export function takeSpread(a: Scored, b: Scored, threshold = 0.5): TakeSpread {
  const other = new Map(b.map((s) => [s.id, s.score]));
  if (a.length === 0 || a.length !== b.length) {
    throw new HireNetError('invalid-dataset', `take spread: the takes hold ${a.length} and ${b.length} interviews`);
  }
  const diffs: number[] = [];
  let flips = 0;
  for (const { id, score } of a) {
    const s = other.get(id);
    if (s === undefined) {
      throw new HireNetError('invalid-dataset', `take spread: interview ${id} is missing from the second take`);
    }
    diffs.push(Math.abs(score - s));
    if (score >= threshold !== s >= threshold) flips++;
  }
  diffs.sort((x, y) => x - y);
  const meanAbs = diffs.reduce((x, y) => x + y, 0) / diffs.length;
  return {
    n: diffs.length,
    meanAbs,
    medianAbs: quantile(diffs, 0.5),
    p90Abs: quantile(diffs, 0.9),
    flipRate: flips / diffs.length,
  };
}
