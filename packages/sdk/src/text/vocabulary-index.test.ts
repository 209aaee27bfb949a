import { describe, expect, it } from 'vitest';
import { ModelIntegrityError } from '../util/errors.ts';
import { quantisePerVector } from './quantise.ts';
import { decodeVocabulary, encodeVocabulary, indexWords, Vocabulary } from './vocabulary.ts';

/** 10,000 made-up words: more than two index slices, so the sliced build crosses slice boundaries. */
const WORDS = Array.from({ length: 10_000 }, (_, i) => `w${i.toString(36)}`);
const DIMS = 4;
const values = Float32Array.from({ length: WORDS.length * DIMS }, (_, i) => Math.sin(i * 0.37));

describe('vocabulary index built in slices', () => {
  it('decodeVocabulary (sliced index) answers exactly like the one-pass constructor', async () => {
    const q = quantisePerVector(values, DIMS);
    const enc = await encodeVocabulary(WORDS, q);
    const sliced = await decodeVocabulary(enc.manifest, enc.vectors, enc.words);
    const direct = new Vocabulary(WORDS, q);
    for (const i of [0, 4095, 4096, 8191, 8192, WORDS.length - 1]) {
      const w = WORDS[i]!;
      expect(sliced.indexOf(w)).toBe(i);
      expect(Array.from(sliced.vector(w)!)).toEqual(Array.from(direct.vector(w)!));
    }
    expect(sliced.has('not-a-word')).toBe(false);
    expect(sliced.size).toBe(WORDS.length);
  });

  it('still refuses a word listed twice, also in a later slice', async () => {
    const twice = [...WORDS.slice(0, 9000), WORDS[5]!];
    await expect(indexWords(twice)).rejects.toBeInstanceOf(ModelIntegrityError);
    const q = quantisePerVector(values.slice(0, 3 * DIMS), DIMS);
    expect(() => new Vocabulary(['a', 'b', 'c'], q, new Map([['a', 0]]))).toThrow(ModelIntegrityError);
  });
});
