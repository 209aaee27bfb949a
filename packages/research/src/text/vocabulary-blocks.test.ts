import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { embedText } from '@hirenet/sdk/internal/text/embed';
import { quantisePerVector } from '@hirenet/sdk/internal/text/quantise';
import {
  encodeVocabulary,
  loadVocabulary,
  openVocabulary,
  type VocabManifest,
  Vocabulary,
  vocabBlocks,
  vocabFingerprint,
} from '@hirenet/sdk/internal/text/vocabulary';
import { HireNetError } from '@hirenet/sdk/internal/util/errors';
import { DEFAULT_VOCAB_DIR, loadVocabularyFromDir } from './vocabulary-node.ts';

/** sha256 of models/vocab/vectors.bin (hirenet-vocab/1, one file) before it was split into blocks. */
const TABLE_V1_SHA256 = '4161e6efef19687fc430d2cc777299f052b75842623ab674e390f1908c0bb550';

const manifest = (): VocabManifest => JSON.parse(readFileSync(join(DEFAULT_VOCAB_DIR, 'vocab.json'), 'utf8'));

/** A fetcher over models/vocab that records every URL it is asked for. */
function dirFetcher(base: string, asked: string[], tamper?: (path: string, b: Uint8Array) => Uint8Array): typeof fetch {
  return (async (input: URL | RequestInfo) => {
    const url = String(input);
    asked.push(url);
    const path = url.slice(base.length);
    const bytes = new Uint8Array(readFileSync(join(DEFAULT_VOCAB_DIR, path)));
    return new Response((tamper?.(path, bytes) ?? bytes).slice());
  }) as typeof fetch;
}

describe('the shipped vocabulary in blocks', () => {
  it('reassembles to the very bytes of the single-file table it was split from', () => {
    const m = manifest();
    expect(m.format).toBe('hirenet-vocab/2');
    const blocks = vocabBlocks(m);
    const whole = new Uint8Array(m.count * (4 + m.dims));
    for (const b of blocks) {
      const bytes = readFileSync(join(DEFAULT_VOCAB_DIR, b.path));
      whole.set(bytes.subarray(0, b.rows * 4), b.start * 4);
      whole.set(bytes.subarray(b.rows * 4), m.count * 4 + b.start * m.dims);
    }
    expect(createHash('sha256').update(whole).digest('hex')).toBe(TABLE_V1_SHA256);
    // What trained models record (and `hirenet predict` checks): unchanged by the split.
    expect(vocabFingerprint(m)).toBe(TABLE_V1_SHA256);
  });

  it('on demand: prepare() fetches only the blocks needed; every word reads bit-identical to a full load', async () => {
    const base = 'https://cdn.test/vocab/';
    const asked: string[] = [];
    const lazy = await loadVocabulary(base, dirFetcher(base, asked), { vectors: 'on-demand' });
    const full = await loadVocabularyFromDir();
    expect(asked.map((u) => u.slice(base.length)).sort()).toEqual(['vectors/000000.bin', 'vocab.json', 'words.txt']);
    const question = 'Tell me about a time you had to prioritise competing deadlines as a barista.';
    expect(() => embedText(lazy, question)).toThrow(/not loaded yet/);
    await Promise.all([lazy.prepare([question]), lazy.prepare([question])]);
    expect(embedText(lazy, question)).toEqual(embedText(full, question));
    const blocks = new Set(asked);
    expect(blocks.size).toBe(asked.length); // each block fetched once, also by concurrent prepare calls
    expect(lazy.loadedBlocks().blocks).toBeLessThan(10);
    await lazy.prepareWords(full.words);
    expect(lazy.loadedBlocks()).toMatchObject({ blocks: vocabBlocks(manifest()).length });
    const a = new Float32Array(full.dims);
    const b = new Float32Array(full.dims);
    for (let row = 0; row < full.size; row++) {
      full.vectorAt(row, a);
      lazy.vectorAt(row, b);
      if (!a.every((x, d) => Object.is(x, b[d]))) expect.fail(`row ${row} (${full.words[row]}) differs`);
    }
  });

  it('refuses a block whose bytes changed with a model-integrity error naming its URL', async () => {
    const base = 'https://cdn.test/vocab/';
    const flip = (path: string, b: Uint8Array): Uint8Array => {
      if (path === 'vectors/005120.bin') b[700] = (b[700] ?? 0) ^ 1;
      return b;
    };
    const lazy = await loadVocabulary(base, dirFetcher(base, [], flip), { vectors: 'on-demand' });
    const row = 5200;
    const err = await lazy.prepareWords([lazy.words[row]!]).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(err).toBeInstanceOf(HireNetError);
    expect((err as HireNetError).code).toBe('model-integrity');
    expect((err as Error).message).toContain(`${base}vectors/005120.bin has sha256`);
    expect(() => lazy.vectorAt(row)).toThrow(HireNetError);
  });

  it('encodes blocks of the geometry asked for, each verified on open', async () => {
    const words = Array.from({ length: 700 }, (_, i) => `w${i}`);
    const q = quantisePerVector(
      Float32Array.from({ length: 700 * 8 }, (_, i) => Math.cos(i)),
      8,
    );
    const enc = await encodeVocabulary(words, q, {}, { core: 300, block: 256 });
    expect(vocabBlocks(enc.manifest).map((b) => [b.start, b.rows])).toEqual([
      [0, 300],
      [300, 256],
      [556, 144],
    ]);
    const read = async (p: string): Promise<Uint8Array> => enc.files.get(p)!;
    const vocab = await openVocabulary(enc.manifest, { read, where: (p) => p });
    expect(Array.from(vocab.vectorAt(699))).toEqual(Array.from(new Vocabulary(words, q).vectorAt(699)));
    const overlap = { ...enc.manifest, files: { ...enc.manifest.files, blocks: vocabBlocks(enc.manifest).slice(1) } };
    await expect(openVocabulary(overlap, { read, where: (p) => p })).rejects.toThrow(/starts at 300, expected row 0/);
  });
});
