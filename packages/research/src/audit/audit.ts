import { HireNetError } from '@hirenet/sdk/internal/util/errors';
import {
  SEX_CATEGORIES,
  RACE_CATEGORIES,
  intersectionKey,
  normaliseRace,
  normaliseSex,
  standardIntersections,
  type Normalised,
} from './categories.ts';
import { scoreDimension, type CategoryCount, type ImpactSettings } from './impact.ts';
import type { AuditRecord } from './join.ts';
import { median } from './median.ts';
import { AUDIT_FORMAT, type AuditFinding, type AuditOptions, type AuditReport, type Dimension } from './types.ts';

/**
 * NYC Local Law 144 bias audit of a scoring tool (6 RCNY § 5-301(c)): the median of all
 * scores, the scoring rate of every sex, race/ethnicity and intersectional category, impact
 * ratios against the highest-rate category, the count of unknowns, and our additions: the
 * four-fifths flag, Fisher's exact test and the 2 % small-category flag.
 */
export function computeAudit(records: readonly AuditRecord[], options: AuditOptions = {}): AuditReport {
  if (records.length === 0) throw new HireNetError('invalid-input', 'an audit needs at least one scored candidate');
  const settings: ImpactSettings = {
    total: records.length,
    fourFifths: options.fourFifths ?? 0.8,
    alpha: options.alpha ?? 0.05,
    smallShare: options.smallShare ?? 0.02,
    excludeSmallFromReference: options.excludeSmallFromReference ?? true,
  };
  const mid = median(records.map((r) => r.score));

  // Every standard category is listed even when empty, so an absent group shows as n = 0.
  const counts: Record<Dimension, Map<string, { n: number; above: number; standard: boolean }>> = {
    sex: new Map(SEX_CATEGORIES.map((c) => [c, { n: 0, above: 0, standard: true }])),
    race: new Map(RACE_CATEGORIES.map((c) => [c, { n: 0, above: 0, standard: true }])),
    intersection: new Map(standardIntersections().map((c) => [c, { n: 0, above: 0, standard: true }])),
  };
  const unknownBy: Record<Dimension, number> = { sex: 0, race: 0, intersection: 0 };
  const tally = (dim: Dimension, name: string, standard: boolean, above: boolean): void => {
    const entry = counts[dim].get(name) ?? { n: 0, above: 0, standard };
    entry.n++;
    if (above) entry.above++;
    counts[dim].set(name, entry);
  };

  let aboveAll = 0;
  for (const r of records) {
    const above = r.score > mid;
    if (above) aboveAll++;
    const sex: Normalised = normaliseSex(r.sex);
    const race: Normalised = normaliseRace(r.race);
    if (sex.kind === 'category') tally('sex', sex.name, sex.standard, above);
    else unknownBy.sex++;
    if (race.kind === 'category') tally('race', race.name, race.standard, above);
    else unknownBy.race++;
    if (sex.kind === 'category' && race.kind === 'category')
      tally('intersection', intersectionKey(sex.name, race.name), sex.standard && race.standard, above);
    else unknownBy.intersection++;
  }

  const dims: Dimension[] = ['sex', 'race', 'intersection'];
  const scored = Object.fromEntries(
    dims.map((d) => [d, scoreDimension(ordered(counts[d]), unknownBy[d], settings)]),
  ) as Record<Dimension, ReturnType<typeof scoreDimension>>;
  const findings: AuditFinding[] = dims.flatMap((dimension) =>
    Object.entries(scored[dimension].categories)
      .filter(([, c]) => c.flag)
      .map(([category, c]) => ({ dimension, category, flags: c.flags, impactRatio: c.impactRatio, pValue: c.pValue })),
  );

  return {
    format: AUDIT_FORMAT,
    n: records.length,
    median: mid,
    above: aboveAll,
    categories: {
      sex: scored.sex.categories,
      race: scored.race.categories,
      intersection: scored.intersection.categories,
    },
    // A candidate with either field unknown is outside the intersectional table, hence this count.
    unknown: unknownBy.intersection,
    dimensions: { sex: scored.sex.summary, race: scored.race.summary, intersection: scored.intersection.summary },
    findings,
    method: {
      scoringRate: 'share scoring strictly above the median of all candidates',
      test: 'fisher-exact-two-sided',
      fourFifths: settings.fourFifths,
      alpha: settings.alpha,
      smallShare: settings.smallShare,
      excludeSmallFromReference: settings.excludeSmallFromReference,
    },
  };
}

/** Standard categories first (in EEO-1 order, as inserted), then other reported values alphabetically. */
function ordered(map: ReadonlyMap<string, CategoryCount>): Map<string, CategoryCount> {
  const entries = [...map];
  const standard = entries.filter(([, c]) => c.standard);
  const other = entries.filter(([, c]) => !c.standard).sort(([a], [b]) => a.localeCompare(b));
  return new Map([...standard, ...other]);
}
