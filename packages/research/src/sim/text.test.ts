import { describe, expect, it } from 'vitest';
import { loadVocabularyFromDir } from '../text/vocabulary-node.ts';
import { resolveSimConfig, simManifest } from './config.ts';
import { generateInterview } from './interview.ts';
import { FILLER, PAUSE_WORD, RISE_WORD, textAnswer } from './text.ts';
import { mulberry32 } from '@hirenet/sdk/internal/util/prng';

describe('SimInterview text', () => {
  it('uses only words that are exact vocabulary entries, so word k is row k', async () => {
    const vocab = await loadVocabularyFromDir();
    for (const w of [...FILLER, RISE_WORD, PAUSE_WORD]) expect(vocab.has(w), w).toBe(true);
    expect(FILLER).not.toContain(RISE_WORD);
    expect(FILLER).not.toContain(PAUSE_WORD);
  });

  it('plants the two words in the kind’s order; both kinds hold the same planted multiset', () => {
    for (let seed = 0; seed < 50; seed++) {
      const a = textAnswer(0, 'rise-pause', true, mulberry32(seed));
      const b = textAnswer(0, 'pause-rise', true, mulberry32(seed));
      const span = (t: typeof a) => t.words.slice(t.event.start, t.event.end).map((w) => w.word);
      const first = span(a).slice(0, a.event.firstPhase);
      expect(new Set(first)).toEqual(new Set([RISE_WORD]));
      expect(new Set(span(b).slice(0, b.event.firstPhase))).toEqual(new Set([PAUSE_WORD]));
      expect([...span(a)].sort()).toEqual(
        [...span(b)]
          .sort()
          .map((w) => (w === RISE_WORD ? PAUSE_WORD : RISE_WORD))
          .sort(),
      );
      // Planted words appear nowhere else; times increase.
      const outside = a.words.filter((_, k) => k < a.event.start || k >= a.event.end).map((w) => w.word);
      expect(outside).not.toContain(RISE_WORD);
      expect(outside).not.toContain(PAUSE_WORD);
      a.words.forEach((w, k) => {
        expect(w.end).toBeGreaterThan(w.start ?? Infinity);
        if (k > 0) expect(w.start).toBeGreaterThanOrEqual(a.words[k - 1]?.end ?? Infinity);
      });
    }
  });

  it('adds transcripts without changing the audio and video draws, and lists text in the manifest', () => {
    const base = resolveSimConfig({ seed: 5, interviews: 3 });
    const withText = resolveSimConfig({ seed: 5, interviews: 3, text: true });
    for (let i = 0; i < 3; i++) {
      const a = generateInterview(base, i);
      const b = generateInterview(withText, i);
      expect(b.answers.map((x) => ({ audio: x.audio, video: x.video }))).toEqual(
        a.answers.map((x) => ({ audio: x.audio, video: x.video })),
      );
      expect(b.label).toBe(a.label);
      const textEvents = b['textEvents'] as { kind: string; relevant: boolean }[];
      expect(textEvents.map((e) => [e.kind, e.relevant])).toEqual(a.events.map((e) => [e.kind, e.relevant]));
    }
    expect(simManifest(withText).modalities.text).toEqual(['words']);
    const textOnly = generateInterview(resolveSimConfig({ seed: 5, interviews: 1, modalities: [], text: true }), 0);
    expect(textOnly.events).toEqual(textOnly['textEvents']);
    expect(textOnly.answers.every((a) => a.audio === undefined && Array.isArray(a.words))).toBe(true);
  });
});
