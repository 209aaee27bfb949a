import { describe, expect, it } from 'vitest';
import { resolveSimConfig } from './config.ts';
import { modalitySpec } from './features.ts';
import { generateLine } from './lines.ts';
import type { SimVariantInterview } from './variant-interview.ts';
import { BURST_SD, EVENT_PAIR, VARIANT_PRESETS } from './variants.ts';

const base = resolveSimConfig({
  seed: 8,
  interviews: 60,
  modalities: ['audio'],
  windows: { min: 40, max: 90 },
  variant: 'cooccur',
  ...VARIANT_PRESETS.cooccur,
});
const col = modalitySpec('audio').features.findIndex((f) => f.name === EVENT_PAIR.audio[0]);
const sd = modalitySpec('audio').features[col]?.sd ?? NaN;

function eventLift(lines: SimVariantInterview[]): number {
  let sum = 0;
  let n = 0;
  for (const iv of lines) {
    for (const e of iv.events) {
      const rows = iv.answers[e.answer]?.audio;
      if (rows == null) continue;
      const inside = rows.slice(e.start, e.end).reduce((a, r) => a + (r[col] ?? 0), 0) / (e.end - e.start);
      const all = rows.reduce((a, r) => a + (r[col] ?? 0), 0) / rows.length;
      sum += (inside - all) / sd;
      n++;
    }
  }
  return sum / n;
}

describe('SimInterview re-takes', () => {
  const original = Array.from({ length: 60 }, (_, i) => generateLine(base, i) as SimVariantInterview);
  const take1 = Array.from({ length: 60 }, (_, i) => generateLine({ ...base, take: 1 }, i) as SimVariantInterview);
  const take2 = Array.from({ length: 60 }, (_, i) => generateLine({ ...base, take: 2 }, i) as SimVariantInterview);

  it('keep ids and labels, change the windows by a few at most, and differ between take seeds', () => {
    original.forEach((iv, i) => {
      const t = take1[i] as SimVariantInterview;
      expect([t.id, t.label, t.cleanLabel]).toEqual([iv.id, iv.label, iv.cleanLabel]);
      iv.answers.forEach((a, k) => {
        const before = a.audio?.length ?? 0;
        const after = t.answers[k]?.audio?.length ?? 0;
        expect(after).toBeGreaterThan(before * 0.8 - 7);
        expect(after).toBeLessThanOrEqual(before + 6);
      });
    });
    expect(JSON.stringify(take1[0])).not.toBe(JSON.stringify(take2[0]));
    expect(JSON.stringify(take1[0])).toBe(JSON.stringify(generateLine({ ...base, take: 1 }, 0)));
  });

  it('move the recorded events with the windows, so the bursts stay where the metadata says', () => {
    const lift = eventLift(original);
    expect(lift).toBeGreaterThan(0.7 * BURST_SD);
    expect(eventLift(take1)).toBeGreaterThan(lift - 0.5);
    // Lifts are measured against the moved ranges; unmoved ranges would miss part of each burst.
    const stale = take1.map((t, i) => ({ ...t, events: original[i]?.events ?? [] }));
    expect(eventLift(stale)).toBeLessThan(eventLift(take1));
  });
});
