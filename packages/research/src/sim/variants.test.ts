import { describe, expect, it } from 'vitest';
import { resolveSimConfig } from './config.ts';
import { modalitySpec } from './features.ts';
import { generateInterview } from './interview.ts';
import { generateLine, simLines } from './lines.ts';
import { generateVariantInterview, variantLabel, type SimVariantInterview } from './variant-interview.ts';
import {
  BURST_SD,
  EVENT_PAIR,
  overlap,
  pairIsEvent,
  SIM_VARIANTS,
  VARIANT_PRESETS,
  type SimVariant,
} from './variants.ts';

const names = modalitySpec('audio').features.map((f) => f.name);
const sdOf = (name: string): number => modalitySpec('audio').features.find((f) => f.name === name)?.sd ?? NaN;

function draw(variant: SimVariant, interviews = 120): SimVariantInterview[] {
  const config = resolveSimConfig({
    seed: 5,
    interviews,
    modalities: ['audio'],
    windows: { min: 40, max: 90 },
    variant,
    ...VARIANT_PRESETS[variant],
  });
  return Array.from({ length: interviews }, (_, i) => generateVariantInterview(config, i));
}

/** Mean over windows [start, end) of a column minus its mean over the rest of the answer, in sd units. */
function lift(rows: number[][], column: string, start: number, end: number): number {
  const c = names.indexOf(column);
  let inside = 0;
  let outside = 0;
  rows.forEach((r, t) => {
    if (t >= start && t < end) inside += r[c] ?? 0;
    else outside += r[c] ?? 0;
  });
  return (inside / (end - start) - outside / (rows.length - (end - start))) / sdOf(column);
}

describe.each(SIM_VARIANTS)('SimInterview variant %s', (variant) => {
  const lines = draw(variant);

  it('labels follow the variant rule; events are exactly the pairs that satisfy it', () => {
    for (const iv of lines) {
      expect(iv.cleanLabel).toBe(variantLabel(variant, iv.pairs));
      expect(iv.pairs.map((p) => p.answer)).toEqual(iv.answers.map((_, i) => i));
      const events = iv.pairs.filter((p) => pairIsEvent(variant, p));
      expect(iv.events.map((e) => [e.answer, e.start, e.end])).toEqual(
        events.map((p) => [p.answer, p.first.start, p.first.end]),
      );
      // Relevant answers all agree with the label; with two or more answers both kinds appear.
      for (const p of iv.pairs.filter((x) => x.relevant)) expect(pairIsEvent(variant, p) ? 1 : 0).toBe(iv.cleanLabel);
      if (iv.answers.length >= 2) expect(new Set(iv.pairs.map((p) => pairIsEvent(variant, p))).size).toBe(2);
    }
  });

  it('foils never satisfy the rule, and differ from events only in the way the variant says', () => {
    const foils = lines.flatMap((iv) => iv.pairs.filter((p) => !pairIsEvent(variant, p)));
    expect(foils.length).toBeGreaterThan(50);
    for (const { first: a, second: b } of foils) {
      expect(a.end - a.start).toBe(b.end - b.start);
      if (variant === 'cooccur') expect(overlap(a, b)).toBe(0);
      if (variant === 'shifted') {
        expect(a.start).not.toBe(b.start);
        expect(overlap(a, b)).toBeLessThanOrEqual((a.end - a.start) / 2);
      }
      if (variant === 'xor') {
        expect([a.start, a.end]).toEqual([b.start, b.end]);
        expect(a.sign).toBe(b.sign);
      }
    }
  });

  it('writes the bursts where the metadata says, on both pair columns, with the recorded signs', () => {
    const [colA, colB] = EVENT_PAIR.audio;
    let signed = 0;
    let count = 0;
    for (const iv of lines) {
      for (const p of iv.pairs) {
        const rows = iv.answers[p.answer]?.audio;
        if (rows == null) continue;
        signed +=
          p.first.sign * lift(rows, colA, p.first.start, p.first.end) +
          p.second.sign * lift(rows, colB, p.second.start, p.second.end);
        count += 2;
      }
    }
    // AR noise and per-answer offsets blur single answers, not the average.
    expect(signed / count).toBeGreaterThan(0.75 * BURST_SD);
    expect(signed / count).toBeLessThan(1.15 * BURST_SD);
  });

  it('adds distractor bursts on columns outside the pair', () => {
    const distractors = lines.flatMap((iv) => iv.distractors);
    expect(distractors.length).toBeGreaterThanOrEqual(lines.flatMap((iv) => iv.answers).length);
    for (const d of distractors) expect(EVENT_PAIR.audio).not.toContain(d.columns.audio);
  });
});

describe('variant worlds beside the default one', () => {
  it('are deterministic per seed and interview index', () => {
    const config = resolveSimConfig({
      seed: 9,
      interviews: 10,
      modalities: ['audio'],
      variant: 'xor',
      ...VARIANT_PRESETS.xor,
    });
    expect(JSON.stringify(generateLine(config, 3))).toBe(
      JSON.stringify(generateLine({ ...config, interviews: 400 }, 3)),
    );
    expect(JSON.stringify(generateLine(config, 3))).not.toBe(JSON.stringify(generateLine({ ...config, seed: 10 }, 3)));
  });

  it('leave the default world as it was: simLines without a variant is generateInterview', () => {
    const config = resolveSimConfig({ seed: 3, interviews: 5, windows: { min: 40, max: 60 } });
    expect([...simLines(config)].map((l) => JSON.stringify(l))).toEqual(
      [0, 1, 2, 3, 4].map((i) => JSON.stringify(generateInterview(config, i))),
    );
  });

  it('refuses an unknown variant and answers too short for a foil', () => {
    expect(() => resolveSimConfig({ seed: 1, interviews: 2, variant: 'nope' as SimVariant })).toThrow(
      /unknown variant/,
    );
    expect(() =>
      resolveSimConfig({ seed: 1, interviews: 2, variant: 'cooccur', windows: { min: 30, max: 40 } }),
    ).toThrow(/needs windows/);
    expect(() => resolveSimConfig({ seed: 1, interviews: 2, take: -1 })).toThrow(/take/);
  });
});
