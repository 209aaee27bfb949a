import { beforeAll, describe, expect, it } from 'vitest';
import { HireNetInputError } from '@hirenet/sdk/internal/util/errors';
import { COVERAGE_SAMPLES } from '@hirenet/sdk/internal/text/coverage-samples';
import { embedText, embedTokens, resolveToken } from '@hirenet/sdk/internal/text/embed';
import { tokenize } from '@hirenet/sdk/internal/text/tokenizer';
import type { Vocabulary } from '@hirenet/sdk/internal/text/vocabulary';
import { loadVocabularyFromDir } from './vocabulary-node.ts';

let vocab: Vocabulary;
beforeAll(async () => {
  vocab = await loadVocabularyFromDir();
});

const via = (token: string) => {
  const r = resolveToken(vocab, token);
  return [r.via, ...r.words];
};

describe('embedText', () => {
  it('returns one 100-d row per known word, equal to the vocabulary vector', () => {
    const rows = embedText(vocab, 'Senior Sales Manager');
    expect(rows).toHaveLength(3);
    expect(rows[1]).toEqual(Array.from(vocab.vector('sales') ?? []));
    for (const r of rows) expect(r).toHaveLength(100);
  });

  it('returns no rows for empty text', () => {
    expect(embedText(vocab, '')).toEqual([]);
    expect(embedText(vocab, '  ?! ')).toEqual([]);
  });

  it('skips unknown words by default and keeps the order of the rest', () => {
    const rows = embedText(vocab, 'Zxqvbn engineer, Qwzxv');
    expect(rows).toEqual([Array.from(vocab.vector('engineer') ?? [])]);
  });

  it("gives unknown words a zero row with unknown: 'zero'", () => {
    const rows = embedText(vocab, 'zxqvbn engineer', { unknown: 'zero' });
    expect(rows).toHaveLength(2);
    expect(rows[0]).toEqual(new Array(100).fill(0));
  });

  it("gives unknown words a deterministic per-token row of the requested norm with unknown: 'hash'", async () => {
    const a = embedTokens(vocab, ['zxqvbn', 'qwzxv', 'zxqvbn'], { unknown: 'hash' });
    const again = embedTokens(await loadVocabularyFromDir(), ['zxqvbn'], { unknown: 'hash' });
    expect(a[0]).toEqual(a[2]);
    expect(again[0]).toEqual(a[0]);
    expect(a[1]).not.toEqual(a[0]);
    expect(Math.hypot(...(a[0] ?? []))).toBeCloseTo(5.2, 4);
    expect(Math.hypot(...(embedTokens(vocab, ['zxqvbn'], { unknown: 'hash', hashNorm: 1 })[0] ?? []))).toBeCloseTo(
      1,
      5,
    );
  });

  it('rejects an unknown strategy or a non-positive hash norm with a typed error', () => {
    expect(() => embedText(vocab, 'x', { unknown: 'drop' as 'skip' })).toThrow(HireNetInputError);
    expect(() => embedText(vocab, 'x', { unknown: 'hash', hashNorm: 0 })).toThrow(/options\.hashNorm/);
  });
});

describe('resolveToken fallbacks', () => {
  it('prefers the exact word', () => {
    expect(via('interview')).toEqual(['exact', 'interview']);
    expect(via('full-time')).toEqual(['exact', 'full-time']);
  });

  it('drops hyphens, then tries American spelling, then singular', () => {
    expect(via('e-mails')).toEqual(['variant', 'emails']);
    expect(via('prioritise')).toEqual(['variant', 'prioritize']);
    expect(via('behaviours')).toEqual(['variant', 'behaviors']);
    expect(via('wireframes')).toEqual(['variant', 'wireframe']);
  });

  it('reads small and round numbers as words; other numbers are unknown', () => {
    expect(via('5')).toEqual(['number', 'five']);
    expect(via('1,000')).toEqual(['number', 'thousand']);
    expect(via('2019')).toEqual(['unknown']);
    expect(via('3.5')).toEqual(['unknown']);
  });

  it('splits unknown compounds into parts only when every part is known', () => {
    expect(via('customer-facing')).toEqual(['parts', 'customer', 'facing']);
    expect(via('self-starter')).toEqual(['parts', 'self', 'starter']);
    expect(via('customer-zxqvbn')).toEqual(['unknown']);
    expect(embedText(vocab, 'customer-facing role')).toHaveLength(3);
  });

  it('treats "a" and "i" as unknown: the source vocabulary has no single letters', () => {
    expect(via('a')).toEqual(['unknown']);
    expect(via('i')).toEqual(['unknown']);
  });
});

describe('coverage of realistic text', () => {
  it('resolves at least 93 % of held-out question tokens and 95 % of job-title tokens', () => {
    const rate = (texts: readonly string[]) => {
      const tokens = texts.flatMap((t) => tokenize(t));
      return tokens.filter((t) => resolveToken(vocab, t).via !== 'unknown').length / tokens.length;
    };
    expect(rate(COVERAGE_SAMPLES.heldOut.questions)).toBeGreaterThanOrEqual(0.93);
    expect(rate(COVERAGE_SAMPLES.heldOut.titles)).toBeGreaterThanOrEqual(0.95);
  });
});
