import { describe, expect, it } from 'vitest';
import type { DescriptorModality as Modality } from '@hirenet/sdk/internal/dataset/format';
import { resolveSimConfig } from './config.ts';
import { plantedLabel } from './events.ts';
import { simInterviews, type SimInterview } from './interview.ts';
import { fitLogisticL2, logisticScore } from '../baselines/logistic.ts';
import { rocAuc } from '../train/metrics.ts';
import { answerStatistics } from './nonseq.ts';
import { detectBlind, kindAt } from './oracle.ts';

// A few thousand answers per modality; shorter answers keep the test fast and do not change the
// argument (the two kinds are mirror images at any length).
const config = resolveSimConfig({ seed: 2024, interviews: 1200, windows: { min: 40, max: 100 } });
const interviews: SimInterview[] = [...simInterviews(config)];
const MODALITIES: readonly Modality[] = ['audio', 'video'];

interface AnswerRow {
  readonly stats: Float64Array;
  readonly kind: number;
  readonly label: number;
  readonly interview: number;
}

function answerRows(m: Modality): AnswerRow[] {
  return interviews.flatMap((iv, interview) =>
    iv.answers.flatMap((a, i) => {
      const rows = a[m];
      const e = iv.events[i];
      if (rows == null || e === undefined) return [];
      return [
        { stats: answerStatistics(rows), kind: e.kind === 'rise-pause' ? 1 : 0, label: iv.cleanLabel, interview },
      ];
    }),
  );
}

/** Logistic regression on all order-free statistics, fitted on 2/3 of the interviews, AUC on the rest. */
function heldOutAuc(rows: readonly AnswerRow[], target: 'kind' | 'label'): number {
  const train = rows.filter((r) => r.interview % 3 !== 0);
  const test = rows.filter((r) => r.interview % 3 === 0);
  const model = fitLogisticL2(
    train.map((r) => r.stats),
    train.map((r) => r[target]),
    { l2: 1e-2 },
  );
  return rocAuc(
    test.map((r) => logisticScore(model, r.stats)),
    test.map((r) => r[target]),
  );
}

describe('SimInterview: order-free statistics carry no signal, sequences carry all of it', () => {
  for (const m of MODALITIES) {
    const rows = answerRows(m);

    it(`${m}: no per-feature statistic separates the two event kinds`, () => {
      expect(rows.length).toBeGreaterThan(3000);
      const kinds = rows.map((r) => r.kind);
      let worst = 0;
      for (let j = 0; j < (rows[0]?.stats.length ?? 0); j++) {
        worst = Math.max(
          worst,
          Math.abs(
            rocAuc(
              rows.map((r) => r.stats[j] ?? 0),
              kinds,
            ) - 0.5,
          ),
        );
      }
      expect(worst).toBeLessThan(0.05);
    });

    it(`${m}: logistic regression on mean/std/min/max/gradient sums is at chance for kind and label`, () => {
      const kindAuc = heldOutAuc(rows, 'kind');
      const labelAuc = heldOutAuc(rows, 'label');
      expect(Math.abs(kindAuc - 0.5)).toBeLessThan(0.05);
      expect(Math.abs(labelAuc - 0.5)).toBeLessThan(0.05);
    });
  }

  it('recovers every clean label from the sequences at the planted positions (either modality)', () => {
    for (const m of MODALITIES) {
      let wrong = 0;
      for (const iv of interviews) {
        // An answer whose modality is missing cannot vote; the generator guarantees a relevant one remains.
        const seen = iv.events.flatMap((e) => {
          const rows = iv.answers[e.answer]?.[m];
          return rows == null ? [] : [{ answer: e.answer, kind: kindAt(rows, m, e) }];
        });
        if (plantedLabel(iv.jobFamily, iv.questionTypes, seen) !== iv.cleanLabel) wrong++;
      }
      expect(wrong).toBe(0);
    }
  });

  it('makes events findable without knowing where they are', () => {
    for (const m of MODALITIES) {
      let kindOk = 0;
      let placeOk = 0;
      let n = 0;
      for (const iv of interviews.slice(0, 200)) {
        for (const e of iv.events) {
          const rows = iv.answers[e.answer]?.[m];
          if (rows == null) continue;
          const found = detectBlind(rows, m);
          n++;
          if (found.kind === e.kind) kindOk++;
          if (Math.abs(found.boundary - (e.start + e.firstPhase)) <= 1) placeOk++;
        }
      }
      // A fixed matched filter, not a trained model: a floor for what sequence models can reach.
      expect(kindOk / n).toBeGreaterThan(m === 'audio' ? 0.95 : 0.85);
      expect(placeOk / n).toBeGreaterThan(m === 'audio' ? 0.95 : 0.8);
    }
  });
});
