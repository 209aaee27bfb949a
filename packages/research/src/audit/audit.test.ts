import { describe, expect, it } from 'vitest';
import { computeAudit } from './audit.ts';
import { handDataset } from './testing/hand-dataset.ts';

describe('computeAudit on a hand-computed dataset', () => {
  const report = computeAudit(handDataset());

  it('takes the median of all 60 scores and counts only scores strictly above it', () => {
    expect(report.n).toBe(60);
    expect(report.median).toBe(0.5);
    expect(report.above).toBe(28);
  });

  it('sex: Female 11/30, Male 16/27, ratio (11/30)/(16/27) = 297/480', () => {
    const { Female, Male } = report.categories.sex;
    expect(Male).toMatchObject({ n: 27, above: 16, reference: true, impactRatio: 1, pValue: null, flag: false });
    expect(Male?.rate).toBeCloseTo(16 / 27, 12);
    expect(Female).toMatchObject({ n: 30, above: 11, reference: false, flags: ['below-four-fifths'] });
    expect(Female?.rate).toBeCloseTo(11 / 30, 12);
    expect(Female?.impactRatio).toBeCloseTo(297 / 480, 12);
    // scipy.stats.fisher_exact([[11, 19], [16, 11]]) = 0.11444476382414712
    expect(Female?.pValue).toBeCloseTo(0.11444476382414712, 10);
    expect(report.dimensions.sex).toMatchObject({ reference: 'Male', unknown: 3 });
  });

  it('race: White 16/28 is the reference; the 1-person category is flagged and not the reference', () => {
    const r = report.categories.race;
    expect(r['White']).toMatchObject({ n: 28, above: 16, reference: true, impactRatio: 1 });
    expect(r['Black or African American']).toMatchObject({ n: 18, above: 6, flags: ['below-four-fifths'] });
    expect(r['Black or African American']?.impactRatio).toBeCloseTo(7 / 12, 12);
    expect(r['Black or African American']?.pValue).toBeCloseTo(0.14047024360368043, 10);
    expect(r['Asian']).toMatchObject({ n: 6, above: 3, rate: 0.5, flag: false });
    expect(r['Asian']?.impactRatio).toBeCloseTo(7 / 8, 12);
    expect(r['Hispanic or Latino']).toMatchObject({ n: 4, above: 2, rate: 0.5 });
    expect(r['Hispanic or Latino']?.impactRatio).toBeCloseTo(7 / 8, 12);
    const nhopi = r['Native Hawaiian or Other Pacific Islander'];
    expect(nhopi).toMatchObject({ n: 1, above: 1, rate: 1, reference: false, flags: ['under-2-percent'] });
    expect(nhopi?.share).toBeCloseTo(1 / 60, 12);
    expect(nhopi?.impactRatio).toBeCloseTo(7 / 4, 12);
    expect(r['American Indian or Alaska Native']).toMatchObject({ n: 0, rate: null, impactRatio: null, flag: false });
    expect(r['Two or More Races']).toMatchObject({ n: 0, rate: null });
    expect(report.dimensions.race).toMatchObject({
      reference: 'White',
      unknown: 3,
      excludedFromReference: ['Native Hawaiian or Other Pacific Islander'],
    });
  });

  it('intersections: Male|White 9/14 is the reference; Female|Black 2/10 is significantly lower', () => {
    const x = report.categories.intersection;
    expect(Object.keys(x)).toHaveLength(14);
    expect(x['Male|White']).toMatchObject({ n: 14, above: 9, reference: true });
    for (const key of ['Female|White', 'Female|Asian', 'Male|Black or African American', 'Male|Hispanic or Latino']) {
      expect(x[key]?.rate, key).toBe(0.5);
      expect(x[key]?.impactRatio, key).toBeCloseTo(7 / 9, 12);
      expect(x[key]?.flags, key).toContain('below-four-fifths');
    }
    expect(x['Female|Black or African American']).toMatchObject({
      n: 10,
      above: 2,
      rate: 0.2,
      flags: ['below-four-fifths', 'significant'],
    });
    expect(x['Female|Black or African American']?.impactRatio).toBeCloseTo(14 / 45, 12);
    expect(x['Female|Black or African American']?.pValue).toBeCloseTo(0.04717997038632386, 10);
    expect(x['Female|White']?.pValue).toBeCloseTo(0.6921658365863508, 10);
    expect(x['Male|Native Hawaiian or Other Pacific Islander']).toMatchObject({
      n: 1,
      above: 1,
      flags: ['under-2-percent'],
    });
    expect(x['Male|Native Hawaiian or Other Pacific Islander']?.impactRatio).toBeCloseTo(14 / 9, 12);
    expect(report.dimensions.intersection).toMatchObject({ reference: 'Male|White', unknown: 5 });
  });

  it('counts 5 candidates with an unknown field and lists every flagged category in EEO-1 order', () => {
    expect(report.unknown).toBe(5);
    expect(report.findings.map((f) => `${f.dimension}:${f.category}`)).toEqual([
      'sex:Female',
      'race:Black or African American',
      'race:Native Hawaiian or Other Pacific Islander',
      'intersection:Male|Hispanic or Latino',
      'intersection:Male|Black or African American',
      'intersection:Male|Native Hawaiian or Other Pacific Islander',
      'intersection:Female|White',
      'intersection:Female|Black or African American',
      'intersection:Female|Asian',
    ]);
  });

  it('lets the small category become the reference when exclusion is turned off', () => {
    const kept = computeAudit(handDataset(), { excludeSmallFromReference: false });
    expect(kept.dimensions.race.reference).toBe('Native Hawaiian or Other Pacific Islander');
    expect(kept.categories.race['White']?.impactRatio).toBeCloseTo(4 / 7, 12);
    expect(kept.categories.race['Asian']?.impactRatio).toBe(0.5);
  });
});

describe('computeAudit edge cases', () => {
  it('keeps a non-EEO-1 value as its own, flagged category', () => {
    const r = computeAudit([
      { id: 'a', score: 1, sex: 'Nonbinary', race: 'Asian' },
      { id: 'b', score: 0, sex: 'female', race: 'asian' },
      { id: 'c', score: 2, sex: 'M', race: 'White (Not Hispanic or Latino)' },
    ]);
    expect(r.categories.sex['Nonbinary']).toMatchObject({ n: 1 });
    expect(r.categories.sex['Nonbinary']?.flags).toContain('non-standard');
    expect(r.categories.sex['Female']).toMatchObject({ n: 1 });
    expect(r.categories.sex['Male']).toMatchObject({ n: 1, above: 1 });
    expect(r.categories.race['White']).toMatchObject({ n: 1 });
    expect(r.categories.intersection['Nonbinary|Asian']?.flags).toContain('non-standard');
  });

  it('leaves ratios undefined when every category scores 0 above the median', () => {
    const r = computeAudit([
      { id: 'a', score: 1, sex: 'Male' },
      { id: 'b', score: 1, sex: 'Female' },
    ]);
    expect(r.median).toBe(1);
    expect(r.dimensions.sex).toMatchObject({ reference: 'Male', referenceRate: 0, note: 'zero-reference-rate' });
    expect(r.categories.sex['Female']).toMatchObject({ rate: 0, impactRatio: null });
    expect(r.dimensions.race).toMatchObject({ reference: null, note: 'no-eligible-category', unknown: 2 });
  });
});
