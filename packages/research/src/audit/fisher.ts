/**
 * Fisher's exact test on a 2×2 table, two-sided. Chosen over the two-proportion z-test because
 * pilot audits have small categories (a handful of candidates), where the normal approximation
 * misstates p-values; the exact test is valid at any size.
 *
 *              above median   not above
 *   category        a             b
 *   reference       c             d
 */
import { HireNetError } from '@hirenet/sdk/internal/util/errors';
export function fisherExactTwoSided(a: number, b: number, c: number, d: number): number {
  for (const v of [a, b, c, d])
    if (!Number.isInteger(v) || v < 0)
      throw new HireNetError('invalid-input', `table cells must be non-negative integers, got ${v}`);
  const row1 = a + b;
  const col1 = a + c;
  const n = a + b + c + d;
  if (n === 0) return 1;
  const logFact = logFactorials(n);
  const lf = (k: number): number => logFact[k] as number;
  // log P(X = x) for the hypergeometric with the table's margins fixed.
  const logP = (x: number): number =>
    lf(row1) +
    lf(n - row1) +
    lf(col1) +
    lf(n - col1) -
    lf(n) -
    lf(x) -
    lf(row1 - x) -
    lf(col1 - x) -
    lf(n - row1 - col1 + x);
  const lo = Math.max(0, row1 + col1 - n);
  const hi = Math.min(row1, col1);
  const observed = logP(a);
  // Same relative tolerance as R's fisher.test, so tables tied with the observed one in
  // probability are not lost to rounding.
  const cutoff = observed + Math.log1p(1e-7);
  let p = 0;
  for (let x = lo; x <= hi; x++) {
    const lp = logP(x);
    if (lp <= cutoff) p += Math.exp(lp);
  }
  return Math.min(1, p);
}

function logFactorials(n: number): Float64Array {
  const out = new Float64Array(n + 1);
  for (let k = 2; k <= n; k++) out[k] = (out[k - 1] as number) + Math.log(k);
  return out;
}
