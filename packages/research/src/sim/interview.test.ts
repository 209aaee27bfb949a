import { describe, expect, it } from 'vitest';
import { EVENT_MARGIN, resolveSimConfig, simManifest } from './config.ts';
import { HIRABLE_KIND, effectOf, eventEffects, isRelevant, plantedLabel } from './events.ts';
import { modalitySpec } from './features.ts';
import { generateInterview, simInterviews, type SimInterview } from './interview.ts';

const config = resolveSimConfig({ seed: 11, interviews: 400, windows: { min: 40, max: 90 } });
const interviews: SimInterview[] = [...simInterviews(config)];

describe('SimInterview generator', () => {
  it('is deterministic for a seed, and interview i does not depend on K', () => {
    const again = generateInterview(config, 17);
    expect(JSON.stringify(again)).toBe(JSON.stringify(interviews[17]));
    const larger = generateInterview({ ...config, interviews: 5000 }, 17);
    expect(JSON.stringify(larger)).toBe(JSON.stringify(interviews[17]));
    const otherSeed = generateInterview({ ...config, seed: 12 }, 17);
    expect(JSON.stringify(otherSeed)).not.toBe(JSON.stringify(interviews[17]));
  });

  it('labels follow the documented rule before noise', () => {
    for (const iv of interviews) {
      expect(iv.cleanLabel).toBe(plantedLabel(iv.jobFamily, iv.questionTypes, iv.events));
      const relevant = iv.events.filter((e) => e.relevant);
      expect(relevant.length).toBeGreaterThan(0);
      for (const e of iv.events)
        expect(e.relevant).toBe(isRelevant(iv.jobFamily, iv.questionTypes[e.answer] ?? 'motivation'));
      // All relevant events agree, so the rule never needs a tie-break.
      for (const e of relevant) expect(e.kind === HIRABLE_KIND ? 1 : 0).toBe(iv.cleanLabel);
    }
  });

  it('plants one event per answer, inside the answer, 2–16 windows, both kinds per interview', () => {
    for (const iv of interviews) {
      expect(iv.events.map((e) => e.answer)).toEqual(iv.answers.map((_, i) => i));
      iv.events.forEach((e, i) => {
        const answer = iv.answers[i];
        const length = answer?.audio?.length ?? answer?.video?.length ?? 0;
        expect(e.end - e.start).toBeGreaterThanOrEqual(2);
        expect(e.end - e.start).toBeLessThanOrEqual(16);
        expect(e.start).toBeGreaterThanOrEqual(EVENT_MARGIN);
        expect(e.end).toBeLessThanOrEqual(length - EVENT_MARGIN);
        expect(e.firstPhase).toBeGreaterThan(0);
        expect(e.firstPhase).toBeLessThan(e.end - e.start);
      });
      if (iv.answers.length >= 2) expect(new Set(iv.events.map((e) => e.kind)).size).toBe(2);
    }
  });

  it('has questions of every type, missing-modality answers, and never loses a label', () => {
    const answers = interviews.flatMap((iv) => iv.answers);
    const missing = {
      audio: answers.filter((a) => a.audio === null).length,
      video: answers.filter((a) => a.video === null).length,
    };
    expect(missing.audio).toBeGreaterThan(0);
    expect(missing.video).toBeGreaterThan(0);
    expect(answers.every((a) => a.audio !== null || a.video !== null)).toBe(true);
    for (const iv of interviews) {
      for (const m of ['audio', 'video'] as const) {
        expect(iv.events.some((e) => e.relevant && iv.answers[e.answer]?.[m] != null)).toBe(true);
      }
    }
    const types = new Set(interviews.flatMap((iv) => iv.questionTypes));
    expect([...types].sort()).toEqual(['behavioural', 'motivation', 'technical']);
    const counts = interviews.map((iv) => iv.answers.length);
    expect(Math.min(...counts)).toBe(1);
    expect(Math.max(...counts)).toBe(6);
  });

  it('balances classes and flips about 10% of labels', () => {
    const hirable = interviews.filter((iv) => iv.cleanLabel === 1).length / interviews.length;
    const flipped = interviews.filter((iv) => iv.label !== iv.cleanLabel).length / interviews.length;
    expect(hirable).toBeGreaterThan(0.4);
    expect(hirable).toBeLessThan(0.55);
    expect(flipped).toBeGreaterThan(0.06);
    expect(flipped).toBeLessThan(0.14);
    const clean = resolveSimConfig({ ...config, labelNoise: 0 });
    expect([...simInterviews({ ...clean, interviews: 50 })].every((iv) => iv.label === iv.cleanLabel)).toBe(true);
  });

  it('writes rows matching the manifest, finite and within each feature range', () => {
    const manifest = simManifest(config);
    for (const m of ['audio', 'video'] as const) {
      const names = manifest.modalities[m] ?? [];
      const features = modalitySpec(m).features;
      expect(names.length).toBeGreaterThan(10);
      const bad: string[] = [];
      for (const iv of interviews.slice(0, 100)) {
        for (const answer of iv.answers) {
          for (const row of answer[m] ?? []) {
            if (row.length !== names.length) bad.push(`${iv.id}: ${row.length} columns`);
            row.forEach((v, j) => {
              const f = features[j];
              if (!Number.isFinite(v) || f === undefined || v < f.lo || v > f.hi) bad.push(`${iv.id} ${names[j]}=${v}`);
            });
          }
        }
      }
      expect(bad.slice(0, 5)).toEqual([]);
    }
    expect(manifest.generator).toMatchObject({ name: 'SimInterview', seed: 11 });
  });

  it('plants events on columns that exist in the current extractor schemas', () => {
    for (const m of ['audio', 'video'] as const) {
      const names = modalitySpec(m).features.map((f) => f.name);
      for (const phase of ['rise', 'pause'] as const) {
        const touched = names.filter((n) => effectOf(m, phase, n) !== 0);
        expect(touched.length, `${m} ${phase}: ${touched.join(',')}`).toBeGreaterThanOrEqual(
          Object.keys(eventEffects(m)[phase]).length,
        );
      }
    }
  });

  it('keeps the texts plain and describes behaviour, not inner states', () => {
    const text = interviews
      .flatMap((iv) => [iv.jobTitle, ...iv.questions])
      .join(' ')
      .toLowerCase();
    const words = new Set(text.split(/[^a-z]+/));
    for (const word of [
      'anxious',
      'confident',
      'nervous',
      'happy',
      'unhappy',
      'angry',
      'stressed',
      'emotion',
      'calm',
    ]) {
      expect(words.has(word), word).toBe(false);
    }
    expect(/^[a-z ,.?]+$/.test(text)).toBe(true);
  });

  it('rejects impossible configurations', () => {
    expect(() => resolveSimConfig({ seed: 1, interviews: 0 })).toThrow(/interviews/);
    expect(() => resolveSimConfig({ seed: 1, interviews: 5, windows: { min: 10, max: 20 } })).toThrow(/windows/);
    expect(() => resolveSimConfig({ seed: 1, interviews: 5, labelNoise: 0.7 })).toThrow(/label noise/);
  });
});
