import { describe, expect, it } from 'vitest';
import { HireNetError, ModelIntegrityError } from '@hirenet/sdk/internal/util/errors';
import { cosine, quantisePerVector } from '@hirenet/sdk/internal/text/quantise';
import { WINK_SAMPLE } from '@hirenet/sdk/internal/text/testing/wink-sample';
import {
  decodeVocabulary,
  encodeVocabulary,
  loadVocabulary,
  type EncodedVocabulary,
} from '@hirenet/sdk/internal/text/vocabulary';
import { loadVocabularyFromDir } from './vocabulary-node.ts';

const WORDS = Object.keys(WINK_SAMPLE);

async function sampleVocab(): Promise<EncodedVocabulary> {
  const values = Float32Array.from(WORDS.flatMap((w) => WINK_SAMPLE[w] ?? []));
  return encodeVocabulary(WORDS, quantisePerVector(values, 100), { source: { note: 'test' } });
}

async function integrityError(p: Promise<unknown>): Promise<ModelIntegrityError> {
  const err = await p.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(ModelIntegrityError);
  expect(err).toBeInstanceOf(HireNetError);
  expect((err as HireNetError).code).toBe('model-integrity');
  return err as ModelIntegrityError;
}

describe('vocabulary files', () => {
  it('round-trips words and quantised vectors through bytes', async () => {
    const enc = await sampleVocab();
    expect(enc.manifest).toMatchObject({
      format: 'hirenet-vocab/1',
      dims: 100,
      count: WORDS.length,
      source: { note: 'test' },
    });
    expect(enc.vectors.byteLength).toBe(WORDS.length * 104);
    const vocab = await decodeVocabulary(JSON.parse(JSON.stringify(enc.manifest)), enc.vectors, enc.words);
    expect(vocab.words).toEqual(WORDS);
    expect(vocab.indexOf('nurse')).toBe(WORDS.indexOf('nurse'));
    expect(vocab.vector('pineapple')).toBeUndefined();
    for (const w of WORDS) expect(cosine(vocab.vector(w) ?? [], WINK_SAMPLE[w] ?? [])).toBeGreaterThan(0.9999);
  });

  it('decodes from views at odd offsets of a larger buffer', async () => {
    const enc = await sampleVocab();
    const padded = new Uint8Array(enc.vectors.byteLength + 3);
    padded.set(enc.vectors, 3);
    const vocab = await decodeVocabulary(enc.manifest, padded.subarray(3), enc.words);
    expect(Array.from(vocab.vectorAt(0))).toEqual(
      Array.from((await decodeVocabulary(enc.manifest, enc.vectors, enc.words)).vectorAt(0)),
    );
  });

  it('rejects a vectors file with one flipped byte, naming the sha256 mismatch', async () => {
    const enc = await sampleVocab();
    const tampered = enc.vectors.slice();
    tampered[500] = (tampered[500] ?? 0) ^ 1;
    const err = await integrityError(decodeVocabulary(enc.manifest, tampered, enc.words));
    expect(err.message).toMatch(/vectors\.bin has sha256 [0-9a-f]{64}, vocab\.json records/);
  });

  it('rejects a words file with a swapped word, and truncated files', async () => {
    const enc = await sampleVocab();
    const swapped = new TextEncoder().encode(new TextDecoder().decode(enc.words).replace('sales', 'sails'));
    await integrityError(decodeVocabulary(enc.manifest, enc.vectors, swapped));
    await integrityError(decodeVocabulary(enc.manifest, enc.vectors.subarray(1), enc.words));
  });

  it('rejects foreign or unsafe manifests before reading any file', async () => {
    const enc = await sampleVocab();
    await integrityError(decodeVocabulary({ ...enc.manifest, format: 'hirenet-vocab/9' }, enc.vectors, enc.words));
    await integrityError(decodeVocabulary(null, enc.vectors, enc.words));
    const pathEscape = {
      ...enc.manifest,
      files: { ...enc.manifest.files, words: { ...enc.manifest.files.words, path: '../secrets.txt' } },
    };
    await integrityError(decodeVocabulary(pathEscape, enc.vectors, enc.words));
  });

  it('loads over fetch from a base URL and reports missing files as integrity errors', async () => {
    const enc = await sampleVocab();
    const files = new Map<string, Uint8Array>([
      ['https://cdn.test/vocab/vocab.json', new TextEncoder().encode(JSON.stringify(enc.manifest))],
      ['https://cdn.test/vocab/vectors.bin', enc.vectors],
      ['https://cdn.test/vocab/words.txt', enc.words],
    ]);
    const fetcher = (async (input: URL | RequestInfo) => {
      const body = files.get(String(input));
      return body ? new Response(body.slice()) : new Response('no', { status: 404 });
    }) as typeof fetch;
    const vocab = await loadVocabulary('https://cdn.test/vocab', fetcher);
    expect(vocab.size).toBe(WORDS.length);
    files.delete('https://cdn.test/vocab/words.txt');
    const err = await integrityError(loadVocabulary('https://cdn.test/vocab/', fetcher));
    expect(err.message).toContain('HTTP 404');
  });
});

describe('the shipped vocabulary (models/vocab)', () => {
  it('verifies its checksums and holds 100-d vectors for the 40,000 most frequent words plus pinned ones', async () => {
    const vocab = await loadVocabularyFromDir();
    expect(vocab.dims).toBe(100);
    expect(vocab.size).toBeGreaterThanOrEqual(40_000);
    expect(vocab.words.slice(0, 5)).toEqual(['the', 'of', 'to', 'and', 'in']);
    for (const w of ['interview', 'sales', 'nurse', 'teamwork', 'barista']) expect(vocab.has(w), w).toBe(true);
  });

  it('keeps related words closer than unrelated ones after quantisation', async () => {
    const vocab = await loadVocabularyFromDir();
    const cos = (a: string, b: string): number => cosine(vocab.vector(a) ?? [], vocab.vector(b) ?? []);
    const triples: [string, string, string][] = [
      ['sales', 'marketing', 'banana'],
      ['engineer', 'developer', 'violin'],
      ['nurse', 'doctor', 'keyboard'],
      ['leadership', 'teamwork', 'sandwich'],
      ['salary', 'wage', 'giraffe'],
    ];
    for (const [w, near, far] of triples) expect(cos(w, near), `${w}: ${near} vs ${far}`).toBeGreaterThan(cos(w, far));
  });

  it('matches the original float vectors of the sample words', async () => {
    const vocab = await loadVocabularyFromDir();
    for (const w of WORDS) expect(cosine(vocab.vector(w) ?? [], WINK_SAMPLE[w] ?? []), w).toBeGreaterThan(0.9999);
  });
});
