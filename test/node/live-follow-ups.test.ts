/**
 * Follow-up suggestions ranked with the SDK's own word vectors (models/vocab, committed): the
 * question that shares the answer's topic comes first, each with the pairs that matched; nothing
 * is suggested from keywords the vocabulary does not know.
 */
import { HireNetError } from '@hirenet/sdk/internal/util/errors';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { FOLLOW_UP_STOP_WORDS, rankFollowUps } from '../../packages/sdk/src/live/follow-ups.ts';
import { openVocabulary, type Vocabulary } from '../../packages/sdk/src/text/vocabulary.ts';

const VOCAB = join(import.meta.dirname, '../../models/vocab');
let vocab: Vocabulary;

beforeAll(async () => {
  const read = async (f: string): Promise<Uint8Array> => new Uint8Array(readFileSync(join(VOCAB, f)));
  vocab = await openVocabulary(JSON.parse(readFileSync(join(VOCAB, 'vocab.json'), 'utf8')), {
    read,
    where: (f) => join(VOCAB, f),
  });
});

const BANK = [
  'Tell us about a project you are proud of.',
  'How do you make sure your software is tested before release?',
  'Describe a time you disagreed with a colleague and how you resolved it.',
  'How would you speed up a slow database query?',
  'What would you improve in your last team?',
];

describe('rankFollowUps', () => {
  it('an answer about SQL performance ranks the database question first, with the matched words shown', () => {
    const { suggestions } = rankFollowUps(vocab, BANK, ['sql', 'indexes', 'latency']);
    expect(suggestions.length).toBeGreaterThanOrEqual(1);
    expect(suggestions.length).toBeLessThanOrEqual(3);
    expect(suggestions[0]!.index).toBe(3);
    const words = suggestions[0]!.matched.map((m) => m.word);
    expect(words.some((w) => ['database', 'query', 'slow'].includes(w))).toBe(true);
    for (const m of suggestions[0]!.matched) expect(m.similarity).toBeGreaterThanOrEqual(0.45);
    // Scores are non-increasing down the list.
    for (let i = 1; i < suggestions.length; i++)
      expect(suggestions[i]!.score).toBeLessThanOrEqual(suggestions[i - 1]!.score);
  });

  it('an answer about a conflict at work ranks the disagreement question first', () => {
    const { suggestions } = rankFollowUps(vocab, BANK, ['argument', 'coworker', 'compromise']);
    expect(suggestions[0]!.index).toBe(2);
  });

  it('leaves out questions already asked, and never suggests more than asked for', () => {
    const { suggestions } = rankFollowUps(vocab, BANK, ['sql', 'indexes', 'latency'], {
      asked: [BANK[3]!],
      count: 2,
    });
    expect(suggestions.map((s) => s.index)).not.toContain(3);
    expect(suggestions.length).toBeLessThanOrEqual(2);
  });

  it('stop words and unknown words are reported unused; with none usable there is no suggestion', () => {
    const r = rankFollowUps(vocab, BANK, ['the', 'about', 'qwzxv']);
    expect(r.suggestions).toEqual([]);
    expect(r.unused).toEqual(expect.arrayContaining(['the', 'about', 'qwzxv']));
    expect(FOLLOW_UP_STOP_WORDS.has('tell')).toBe(true);
    expect(rankFollowUps(vocab, [], ['sql']).suggestions).toEqual([]);
  });

  it('refuses a count or a threshold outside its range', () => {
    expect(() => rankFollowUps(vocab, BANK, ['sql'], { count: 0 })).toThrow(HireNetError);
    expect(() => rankFollowUps(vocab, BANK, ['sql'], { minSimilarity: 0 })).toThrow(HireNetError);
  });
});
