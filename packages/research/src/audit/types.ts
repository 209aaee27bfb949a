/** Report shapes of `hirenet audit` (docs/audit.md). */

export const AUDIT_FORMAT = 'hirenet-audit/1';

export type Dimension = 'sex' | 'race' | 'intersection';

/**
 * Why a category needs a reader's attention:
 * - `below-four-fifths`: impact ratio < 0.8 (EEOC Uniform Guidelines, 29 CFR 1607.4(D));
 * - `significant`: rate below the reference's and Fisher's exact p < alpha;
 * - `under-2-percent`: fewer than 2 % of all audited candidates (6 RCNY § 5-301(d));
 * - `non-standard`: a value outside the EEO-1 categories, reported verbatim.
 */
export type CategoryFlag = 'below-four-fifths' | 'significant' | 'under-2-percent' | 'non-standard';

export interface CategoryResult {
  /** Candidates in the category. */
  readonly n: number;
  /** Of those, how many scored strictly above the median. */
  readonly above: number;
  /** Scoring rate above / n; null for an empty category. */
  readonly rate: number | null;
  /** n ÷ all audited candidates (unknowns included). */
  readonly share: number;
  /** rate ÷ reference rate; null when either is undefined or the reference rate is 0. */
  readonly impactRatio: number | null;
  /** Two-sided Fisher's exact p against the reference category; null for the reference or an empty category. */
  readonly pValue: number | null;
  /** True when any flag is raised. */
  readonly flag: boolean;
  readonly flags: readonly CategoryFlag[];
  /** This is the highest-rate category that the ratios divide by. */
  readonly reference: boolean;
}

export interface DimensionSummary {
  /** The category with the highest scoring rate among those eligible; null when none is. */
  readonly reference: string | null;
  readonly referenceRate: number | null;
  /** Candidates whose value for this dimension is unknown (excluded from its calculations). */
  readonly unknown: number;
  /** Small categories left out of the choice of reference. */
  readonly excludedFromReference: readonly string[];
  /** Set when ratios cannot be computed: no eligible category, or the best rate is 0. */
  readonly note?: 'no-eligible-category' | 'zero-reference-rate';
}

export interface AuditFinding {
  readonly dimension: Dimension;
  readonly category: string;
  readonly flags: readonly CategoryFlag[];
  readonly impactRatio: number | null;
  readonly pValue: number | null;
}

export interface AuditOptions {
  /** Impact ratio below which a category is flagged; 0.8 is the four-fifths rule. */
  readonly fourFifths?: number;
  /** Significance level of the Fisher test. */
  readonly alpha?: number;
  /** Share of all candidates below which a category is "small" (LL144: 2 %). */
  readonly smallShare?: number;
  /** Leave small categories out of the choice of reference (default true; LL144 allows it). */
  readonly excludeSmallFromReference?: boolean;
}

export interface AuditReport {
  readonly format: typeof AUDIT_FORMAT;
  /** Candidates audited: everyone in the scores file. */
  readonly n: number;
  readonly median: number;
  /** Candidates scoring strictly above the median. */
  readonly above: number;
  readonly categories: Readonly<Record<Dimension, Readonly<Record<string, CategoryResult>>>>;
  /** Candidates with sex or race unknown, i.e. left out of at least one table (all of the intersectional one). */
  readonly unknown: number;
  readonly dimensions: Readonly<Record<Dimension, DimensionSummary>>;
  /** Every flagged category, in report order. */
  readonly findings: readonly AuditFinding[];
  readonly method: {
    readonly scoringRate: 'share scoring strictly above the median of all candidates';
    readonly test: 'fisher-exact-two-sided';
    readonly fourFifths: number;
    readonly alpha: number;
    readonly smallShare: number;
    readonly excludeSmallFromReference: boolean;
  };
}
