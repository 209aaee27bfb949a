import { fisherExactTwoSided } from './fisher.ts';
import type { CategoryFlag, CategoryResult, DimensionSummary } from './types.ts';

export interface CategoryCount {
  readonly n: number;
  readonly above: number;
  readonly standard: boolean;
}

export interface ImpactSettings {
  readonly total: number;
  readonly fourFifths: number;
  readonly alpha: number;
  readonly smallShare: number;
  readonly excludeSmallFromReference: boolean;
}

/**
 * Rates, impact ratios, significance and flags for one dimension (sex, race or intersection).
 * `counts` is in report order; ties for the highest rate go to the first, which does not change
 * any ratio.
 */
export function scoreDimension(
  counts: ReadonlyMap<string, CategoryCount>,
  unknown: number,
  s: ImpactSettings,
): { categories: Record<string, CategoryResult>; summary: DimensionSummary } {
  const isSmall = (c: CategoryCount): boolean => c.n > 0 && c.n / s.total < s.smallShare;
  const excludedFromReference = s.excludeSmallFromReference
    ? [...counts].filter(([, c]) => isSmall(c)).map(([k]) => k)
    : [];

  let reference: string | null = null;
  let best = -1;
  for (const [name, c] of counts) {
    if (c.n === 0 || excludedFromReference.includes(name)) continue;
    const rate = c.above / c.n;
    if (rate > best) {
      best = rate;
      reference = name;
    }
  }
  const ref = reference === null ? undefined : counts.get(reference);
  const referenceRate = ref === undefined ? null : ref.above / ref.n;

  const categories: Record<string, CategoryResult> = {};
  for (const [name, c] of counts) {
    const rate = c.n === 0 ? null : c.above / c.n;
    const impactRatio = rate === null || referenceRate === null || referenceRate === 0 ? null : rate / referenceRate;
    const isReference = name === reference;
    const pValue =
      rate === null || ref === undefined || isReference
        ? null
        : fisherExactTwoSided(c.above, c.n - c.above, ref.above, ref.n - ref.above);
    const flags: CategoryFlag[] = [];
    if (impactRatio !== null && impactRatio < s.fourFifths) flags.push('below-four-fifths');
    if (pValue !== null && referenceRate !== null && rate !== null && rate < referenceRate && pValue < s.alpha)
      flags.push('significant');
    if (isSmall(c)) flags.push('under-2-percent');
    if (!c.standard) flags.push('non-standard');
    categories[name] = {
      n: c.n,
      above: c.above,
      rate,
      share: c.n / s.total,
      impactRatio,
      pValue,
      flag: flags.length > 0,
      flags,
      reference: isReference,
    };
  }

  const note = reference === null ? 'no-eligible-category' : referenceRate === 0 ? 'zero-reference-rate' : undefined;
  const summary: DimensionSummary = {
    reference,
    referenceRate,
    unknown,
    excludedFromReference,
    ...(note === undefined ? {} : { note }),
  };
  return { categories, summary };
}
