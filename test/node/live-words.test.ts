/**
 * The words channel's part of a cue message: `keywords` (the current answer's most used content
 * words with counts, never the transcript), its validation at both ends, the 1 KiB bound with the
 * widest keywords, and the counter that makes them on the candidate's device.
 */
import { describe, expect, it } from 'vitest';
import { WIDEST_MEASURES } from './live-widest.ts';
import {
  encodeCueMessage,
  MAX_CUE_BYTES,
  MAX_KEYWORD_BYTES,
  MAX_KEYWORD_CHARS,
  MAX_KEYWORDS,
  parseCueMessage,
  validateCueMessage,
  type CueMessage,
} from '../../packages/sdk/src/live/cue-schema.ts';
import { isKeyword, KeywordCounter } from '../../packages/sdk/src/live/keywords.ts';
import { WordsChannel } from '../../packages/sdk/src/live/words-channel.ts';

const base: CueMessage = {
  v: 3,
  seq: 7,
  t: 14.1,
  span: 2,
  channels: { face: 'off', voice: 'on', words: 'on' },
  face: null,
  posture: null,
  voice: { speaking: 0.5, pauses: 0, pauseSeconds: 0, loudness: 6.1, pitchVariability: 1.9, speakingRate: 3.2 },
  keywords: {
    answer: 1,
    words: [
      ['budget', 3],
      ['deadline', 2],
      ['testing', 1],
    ],
  },
};

const bytes = (s: string): number => new TextEncoder().encode(s).length;

describe('keywords in the cue message', () => {
  it('round-trips; null while the words channel is paused, off or unavailable', () => {
    expect(parseCueMessage(encodeCueMessage(base))).toEqual(base);
    for (const words of ['paused', 'off', 'unavailable'] as const) {
      const m: CueMessage = { ...base, channels: { ...base.channels, words }, keywords: null };
      expect(parseCueMessage(encodeCueMessage(m)).channels.words).toBe(words);
      expect(() => validateCueMessage({ ...m, keywords: base.keywords })).toThrow(
        expect.objectContaining({ code: 'bad-cue', message: expect.stringMatching(/\$\.keywords: must be null/) }),
      );
    }
    expect(validateCueMessage({ ...base, keywords: { answer: 0, words: [] } }).keywords).toEqual({
      answer: 0,
      words: [],
    });
  });

  it('refuses phrases, sentences, upper case, repeats, disorder, extra fields and too many words', () => {
    const kw = base.keywords!;
    const nine = Array.from({ length: 9 }, (_, i) => [`word${String.fromCharCode(97 + i)}`, 1]);
    const bad: unknown[] = [
      { ...base, keywords: { ...kw, transcript: 'we cut the budget' } },
      { ...base, keywords: { ...kw, words: [['the budget', 2]] } },
      { ...base, keywords: { ...kw, words: [['we cut the budget by half.', 1]] } },
      { ...base, keywords: { ...kw, words: [['Budget', 1]] } },
      { ...base, keywords: { ...kw, words: [['"x', 1]] } },
      { ...base, keywords: { ...kw, words: [['budget\\n', 1]] } },
      { ...base, keywords: { ...kw, words: [['x'.repeat(MAX_KEYWORD_CHARS + 1), 1]] } },
      {
        ...base,
        keywords: {
          ...kw,
          words: [
            ['budget', 2],
            ['budget', 1],
          ],
        },
      },
      {
        ...base,
        keywords: {
          ...kw,
          words: [
            ['budget', 1],
            ['deadline', 2],
          ],
        },
      },
      { ...base, keywords: { ...kw, words: [['budget', 0]] } },
      { ...base, keywords: { ...kw, words: [['budget', 1.5]] } },
      { ...base, keywords: { ...kw, words: [['budget', 1, 'x']] } },
      { ...base, keywords: { ...kw, words: nine } },
      { ...base, keywords: { ...kw, answer: -1 } },
      { ...base, keywords: { words: kw.words } },
      (({ keywords: _, ...rest }) => rest)(base),
      { ...base, channels: { face: 'off', voice: 'on', words: 'listening' } },
      { ...base, channels: { face: 'off', voice: 'on' } },
    ];
    for (const m of bad) expect(() => validateCueMessage(m)).toThrow(expect.objectContaining({ code: 'bad-cue' }));
  });

  it('refuses more than MAX_KEYWORD_BYTES of words (multi-byte scripts included)', () => {
    // 8 words of 24 three-byte letters: 576 bytes of words.
    const wide = Array.from({ length: 8 }, (_, i) => [String.fromCharCode(0x4e00 + i).repeat(24), 8 - i]);
    expect(() => validateCueMessage({ ...base, keywords: { answer: 0, words: wide } })).toThrow(
      /more than 320 bytes of words/,
    );
  });

  it('the widest message with the widest keywords the counter can produce stays under 1 KiB', () => {
    // Every other field at its widest printed value (as live-cues.test.ts); 8 words of 13 three-byte letters and a
    // digit: 40 bytes each, the whole byte budget.
    const perWord = Math.floor(MAX_KEYWORD_BYTES / MAX_KEYWORDS);
    expect(perWord).toBe(40);
    const widest: CueMessage = {
      v: 3,
      seq: Number.MAX_SAFE_INTEGER,
      t: 9_999_999.99,
      span: 59.99,
      channels: { face: 'on', voice: 'on', words: 'on' },
      ...WIDEST_MEASURES,
      keywords: {
        answer: 1_000_000,
        words: Array.from({ length: MAX_KEYWORDS }, (_, i) => [`${'\u4e00'.repeat(13)}${i}`, 100_000] as const),
      },
    };
    const size = bytes(encodeCueMessage(widest));
    console.log(`[live-words] widest message with keywords: ${size} bytes`);
    expect(size).toBeLessThanOrEqual(MAX_CUE_BYTES);
  });
});

describe('keyword counter (the candidate device)', () => {
  it('counts content words of the current answer: no function words, fillers, numbers or boilerplate', () => {
    const c = new KeywordCounter();
    c.add('Um, so I think the budget was, like, the main thing. We cut the budget and kept the deadline.');
    c.add("The deadline held: 3 releases, budget reviews weekly, and the team's testing.");
    const top = c.top();
    expect(top.answer).toBe(0);
    expect(top.words.slice(0, 2)).toEqual([
      ['budget', 3],
      ['deadline', 2],
    ]);
    const words = top.words.map(([w]) => w);
    for (const w of ['um', 'so', 'the', 'think', 'like', 'thing', '3', 'we', 'and']) expect(words).not.toContain(w);
    expect(words).toHaveLength(MAX_KEYWORDS);
    expect(isKeyword('budget')).toBe(true);
    expect(isKeyword('3.5')).toBe(false);
  });

  it('at most 8 words within the byte budget; a new answer starts afresh with the next number', () => {
    const c = new KeywordCounter();
    c.nextAnswer(); // before any word: still answer 0
    expect(c.top()).toEqual({ answer: 0, words: [] });
    c.add('alpha beta gamma delta epsilon zeta theta iota kappa lambda alpha beta alpha');
    const top = c.top();
    expect(top.words).toHaveLength(MAX_KEYWORDS);
    expect(top.words[0]).toEqual(['alpha', 3]);
    expect(top.words[1]).toEqual(['beta', 2]);
    c.add([0, 1, 2, 3, 4].map((i) => String.fromCharCode(0x4e00 + i).repeat(24)).join(' '));
    const wide = c.top();
    expect(bytes(wide.words.map(([w]) => w).join(''))).toBeLessThanOrEqual(MAX_KEYWORD_BYTES);
    expect(() => validateCueMessage({ ...base, keywords: wide })).not.toThrow();
    c.nextAnswer();
    c.add('database indexes');
    expect(c.top()).toEqual({
      answer: 1,
      words: [
        ['database', 1],
        ['indexes', 1],
      ],
    });
  });
});

describe('words channel (host-supplied words)', () => {
  it('counts supplied words while on, refuses bad transcripts, drops words while paused, splits answers', async () => {
    const errors: unknown[] = [];
    const ch = new WordsChannel('on', { answerGapSeconds: 0.05 }, undefined, (e) => errors.push(e));
    expect(ch.take()).toEqual({ answer: 0, words: [] });
    expect(ch.supply('Testing the release, testing again.')).toBe(true);
    expect(ch.take()).toEqual({
      answer: 0,
      words: [
        ['testing', 2],
        ['release', 1],
      ],
    });
    expect(() => ch.supply('WEBVTT\n\n00:02.000 --> 00:01.000\nbad')).toThrow(
      expect.objectContaining({ code: 'invalid-transcript' }),
    );
    ch.pause();
    expect(ch.state).toBe('paused');
    expect(ch.supply('budget budget')).toBe(false);
    expect(ch.take()).toBeNull();
    ch.resume();
    expect(ch.take()?.words[0]).toEqual(['testing', 2]);
    await new Promise((r) => setTimeout(r, 80));
    ch.supply('budget');
    expect(ch.take()).toEqual({ answer: 1, words: [['budget', 1]] });
    ch.nextAnswer();
    expect(ch.take()).toEqual({ answer: 2, words: [] });
    expect(errors).toEqual([]);
    for (const state of ['off', 'unavailable'] as const) {
      const off = new WordsChannel(state, {}, undefined, () => undefined);
      expect(off.supply('budget')).toBe(false);
      expect(off.take()).toBeNull();
    }
    expect(() => new WordsChannel('on', { segmentSeconds: 0 }, undefined, () => undefined)).toThrow(
      expect.objectContaining({ code: 'invalid-options' }),
    );
  });
});
