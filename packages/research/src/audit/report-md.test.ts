import { describe, expect, it } from 'vitest';
import { computeAudit } from './audit.ts';
import { renderAuditMarkdown } from './report-md.ts';
import { handDataset } from './testing/hand-dataset.ts';

describe('renderAuditMarkdown', () => {
  const md = renderAuditMarkdown(computeAudit(handDataset()), { source: 'hand dataset' });

  it('states the median, the unknowns and the reference', () => {
    expect(md).toContain('Median score of all candidates: 0.500000');
    expect(md).toContain('Sex or race/ethnicity unknown: 5 candidate(s)');
    expect(md).toContain('| **Male** (reference) | 27 | 45.0 % | 16 | 59.3 % | 1.000 | – |  |');
    expect(md).toContain('| Female | 30 | 50.0 % | 11 | 36.7 % | 0.619 | 0.114 | ratio < 0.8 |');
  });

  it('shows small and empty categories, hides empty intersections', () => {
    expect(md).toContain(
      '| Native Hawaiian or Other Pacific Islander | 1 | 1.7 % | 1 | 100.0 % | 1.750 | 1.000 | < 2 % |',
    );
    expect(md).toContain('| American Indian or Alaska Native | 0 | 0.0 % | 0 | – | – | – |  |');
    expect(md).not.toContain('Female|American Indian');
    expect(md).toContain(
      '| Female|Black or African American | 10 | 16.7 % | 2 | 20.0 % | 0.311 | 0.047 | ratio < 0.8, significant |',
    );
  });

  it('lists findings and never names an emotion', () => {
    expect(md).toContain('- Intersectional — Female|Black or African American: ratio < 0.8, significant');
    expect(md).not.toMatch(/emotion|happ|angr|sad|fear/i);
  });
});
