import type { AuditReport, CategoryResult, Dimension } from './types.ts';

const TITLES: Record<Dimension, string> = {
  sex: 'Sex',
  race: 'Race/ethnicity',
  intersection: 'Intersectional categories (sex | race/ethnicity)',
};

const FLAG_TEXT: Record<string, string> = {
  'below-four-fifths': 'ratio < 0.8',
  significant: 'significant',
  'under-2-percent': '< 2 %',
  'non-standard': 'not EEO-1',
};

export interface MarkdownOptions {
  /** Where the data came from (LL144 summaries state the source of the data). */
  readonly source?: string;
  /** Leave out intersectional categories with no candidates (they are still in the JSON). */
  readonly hideEmptyIntersections?: boolean;
}

const pct = (x: number | null): string => (x === null ? '–' : `${(100 * x).toFixed(1)} %`);
const ratio = (x: number | null): string => (x === null ? '–' : x.toFixed(3));
const pval = (x: number | null): string => (x === null ? '–' : x < 0.001 ? '< 0.001' : x.toFixed(3));

function row(name: string, c: CategoryResult): string {
  const label = c.reference ? `**${name}** (reference)` : name;
  const flags = c.flags.map((f) => FLAG_TEXT[f] ?? f).join(', ');
  return [
    `| ${label} | ${c.n} | ${pct(c.share)} | ${c.above} | ${pct(c.rate)} | ${ratio(c.impactRatio)} |`,
    `${pval(c.pValue)} | ${flags} |`,
  ].join(' ');
}

function table(report: AuditReport, dim: Dimension, hideEmpty: boolean): string[] {
  const summary = report.dimensions[dim];
  const lines = [
    `## ${TITLES[dim]}`,
    '',
    '| category | n | share | above median | scoring rate | impact ratio | p (Fisher) | flags |',
    '|---|---:|---:|---:|---:|---:|---:|---|',
  ];
  for (const [name, c] of Object.entries(report.categories[dim]))
    if (!(hideEmpty && c.n === 0)) lines.push(row(name, c));
  lines.push('');
  const notes = [
    [
      'Unknown',
      `${dim === 'intersection' ? 'sex or race/ethnicity' : dim === 'race' ? 'race/ethnicity' : 'sex'}:`,
      `${summary.unknown} candidate(s), not included in this table.`,
    ].join(' '),
  ];
  if (summary.excludedFromReference.length > 0)
    notes.push(`Under 2 % of candidates, so not eligible as reference: ${summary.excludedFromReference.join(', ')}.`);
  if (summary.note === 'no-eligible-category')
    notes.push('No category is eligible as reference: impact ratios are undefined.');
  if (summary.note === 'zero-reference-rate') notes.push('The highest scoring rate is 0: impact ratios are undefined.');
  lines.push(...notes.map((n) => `- ${n}`), '');
  return lines;
}

/** A human-readable audit summary; the JSON report holds the same numbers unrounded. */
export function renderAuditMarkdown(report: AuditReport, options: MarkdownOptions = {}): string {
  const m = report.method;
  const lines = [
    '# Bias audit: scoring rates and impact ratios (NYC Local Law 144 method)',
    '',
    ...(options.source === undefined ? [] : [`Data: ${options.source}`, '']),
    `- Candidates audited: ${report.n}`,
    `- Median score of all candidates: ${report.median.toPrecision(6)}`,
    `- Scoring strictly above the median: ${report.above} (${pct(report.above / report.n)})`,
    `- Sex or race/ethnicity unknown: ${report.unknown} candidate(s)`,
    '',
    'Scoring rate = share of a category scoring strictly above the median. Impact ratio = scoring rate ÷ the highest',
    [
      `scoring rate among eligible categories. Flags: ratio < ${m.fourFifths} (four-fifths rule);`,
      'significant = lower rate than the',
    ].join(' '),
    [
      `reference with two-sided Fisher's exact p < ${m.alpha}; < 2 % = fewer than ${100 * m.smallShare} %`,
      'of all candidates',
      m.excludeSmallFromReference ? '(reported, never the reference).' : '(reported; may be the reference).',
    ].join(' '),
    '',
    ...table(report, 'sex', false),
    ...table(report, 'race', false),
    ...table(report, 'intersection', options.hideEmptyIntersections ?? true),
    '## Findings',
    '',
  ];
  if (report.findings.length === 0) lines.push('No category is flagged.');
  for (const f of report.findings) {
    lines.push(
      [
        `- ${TITLES[f.dimension].split(' ')[0]} — ${f.category}:`,
        `${f.flags.map((x) => FLAG_TEXT[x] ?? x).join(', ')} (impact ratio ${ratio(f.impactRatio)}, p`,
        `${pval(f.pValue)})`,
      ].join(' '),
    );
  }
  lines.push(
    '',
    'A flag calls for review, not a conclusion: small categories give noisy rates, and an impact ratio describes the',
    'scores, not the reasons for them. Method and limitations: docs/audit.md.',
    '',
  );
  return lines.join('\n');
}
