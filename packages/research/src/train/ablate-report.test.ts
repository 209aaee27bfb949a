import { describe, expect, it } from 'vitest';
import type { AblationEntry, AblationModel } from './ablate.ts';
import { meanStd, orderingChecks, renderMarkdown, summarize } from './ablate-report.ts';
import { binaryMetrics } from './metrics.ts';

function entry(model: AblationModel, seed: number, f1Scores: number[]): AblationEntry {
  const labels = [1, 1, 0, 0];
  const m = binaryMetrics(f1Scores, labels);
  return { modality: 'audio', model, seed, validation: m, test: m, testClean: null, seconds: 1, detail: {} };
}

describe('ablation report', () => {
  it('uses the sample standard deviation', () => {
    expect(meanStd([1, 2, 3])).toEqual({ mean: 2, std: 1, n: 3 });
    expect(meanStd([4])).toEqual({ mean: 4, std: 0, n: 1 });
    expect(meanStd([NaN]).n).toBe(0);
  });

  it('checks each adjacent pair of the paper ordering, seed by seed', () => {
    const perfect = [0.9, 0.9, 0.1, 0.1];
    const half = [0.9, 0.1, 0.1, 0.1]; // F1 = 2/3
    const entries = [
      entry('nonseq', 1, half),
      entry('nonseq', 2, perfect),
      entry('bigru', 1, perfect),
      entry('bigru', 2, perfect),
    ];
    const [check] = orderingChecks(entries);
    expect(check).toMatchObject({
      lower: 'nonseq',
      higher: 'bigru',
      against: 'label',
      holds: true,
      seedsHolding: 1,
      seedsCompared: 2,
    });
    expect(check?.lowerF1).toBeCloseTo(5 / 6, 12);
    const md = renderMarkdown(entries, {
      command: 'hirenet ablate',
      dataset: 'd',
      split: 's',
      settings: {},
      partial: true,
    });
    expect(md).toContain('PARTIAL');
    expect(md).toContain('**holds**');
    expect(summarize(entries).map((r) => r.label)).toEqual(['Non-sequential', 'BiGRU']);
  });
});
