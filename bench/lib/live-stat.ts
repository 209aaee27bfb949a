/** Median, min and max of a few measurements (nulls, i.e. never observed, are counted apart). */
export interface Stat {
  readonly median: number;
  readonly min: number;
  readonly max: number;
  readonly n: number;
  /** Values that were never observed (e.g. a tile that never showed a frame). */
  readonly missing: number;
}

export function stat(values: readonly (number | null)[]): Stat {
  const v = values.filter((x): x is number => x !== null && Number.isFinite(x)).sort((a, b) => a - b);
  const mid = v.length / 2;
  const median = v.length === 0 ? NaN : v.length % 2 === 1 ? v[Math.floor(mid)]! : (v[mid - 1]! + v[mid]!) / 2;
  return {
    median: Math.round(median * 100) / 100,
    min: v[0] ?? NaN,
    max: v.at(-1) ?? NaN,
    n: v.length,
    missing: values.length - v.length,
  };
}
