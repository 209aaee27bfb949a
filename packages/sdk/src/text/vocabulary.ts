/**
 * The compact word-vector vocabulary (`hirenet-vocab/1`): a manifest (vocab.json), a binary of
 * int8 codes with per-word float32 scales (vectors.bin) and a word list (words.txt), each file
 * checked against the sha256 the manifest records. Works from bytes, so Node and browsers share it.
 */
import { HireNetError, ModelIntegrityError } from '../util/errors.ts';
import { dequantiseRow, type QuantisedVectors } from './quantise.ts';

export const VOCAB_FORMAT = 'hirenet-vocab/1';
export const VOCAB_MANIFEST_FILE = 'vocab.json';

export interface VocabFileEntry {
  /** File name next to vocab.json (no directories). */
  readonly path: string;
  readonly bytes: number;
  readonly sha256: string;
}

export interface VocabManifest {
  readonly format: typeof VOCAB_FORMAT;
  readonly dims: number;
  readonly count: number;
  readonly quantisation: {
    readonly scheme: 'int8-symmetric-per-vector';
    /** Human-readable byte layout of the vectors file. */
    readonly layout: string;
  };
  readonly files: { readonly vectors: VocabFileEntry; readonly words: VocabFileEntry };
  /** Provenance and build measurements; informative, not read by the loader. */
  readonly [extra: string]: unknown;
}

const LAYOUT =
  'float32 little-endian scales[count], then int8 codes[count][dims]; value = code * scale; row i ' +
  'is line i of the words file';

/** Word → vector lookups over dequantised int8 rows. Immutable; holds no releasable resources. */
export class Vocabulary {
  readonly dims: number;
  readonly size: number;
  private readonly index: ReadonlyMap<string, number>;

  /** `index`: word → row, built ahead (indexWords) so a page indexes 40,000 words in short slices. */
  constructor(
    readonly words: readonly string[],
    private readonly vectors: QuantisedVectors,
    index?: ReadonlyMap<string, number>,
  ) {
    if (words.length !== vectors.count)
      throw new ModelIntegrityError(`${words.length} words for ${vectors.count} vectors`);
    this.dims = vectors.dims;
    this.size = words.length;
    if (index !== undefined && index.size !== words.length)
      throw new ModelIntegrityError(`an index of ${index.size} words for ${words.length} words`);
    if (index !== undefined) this.index = index;
    else {
      const built = new Map<string, number>();
      indexSlice(words, built, 0, words.length);
      this.index = built;
    }
  }

  /** Row of `word`, or -1. Words are stored lower-case, as tokenize() emits them. */
  indexOf(word: string): number {
    return this.index.get(word) ?? -1;
  }

  has(word: string): boolean {
    return this.index.has(word);
  }

  /** Dequantised vector of `word`, or undefined when the word is not in the vocabulary. */
  vector(word: string): Float32Array | undefined {
    const i = this.index.get(word);
    return i === undefined ? undefined : dequantiseRow(this.vectors, i);
  }

  /** Dequantised vector of row `row` (0 ≤ row < size). */
  vectorAt(row: number, out?: Float32Array): Float32Array {
    if (!Number.isInteger(row) || row < 0 || row >= this.size)
      throw new HireNetError('invalid-input', `row ${row} outside 0..${this.size - 1}`);
    return dequantiseRow(this.vectors, row, out);
  }
}

export interface EncodedVocabulary {
  readonly manifest: VocabManifest;
  readonly vectors: Uint8Array;
  readonly words: Uint8Array;
}

/** Serialises quantised rows and their words; `extra` fields (provenance) go into the manifest. */
export async function encodeVocabulary(
  words: readonly string[],
  q: QuantisedVectors,
  extra: Record<string, unknown> = {},
): Promise<EncodedVocabulary> {
  if (words.length !== q.count) throw new HireNetError('invalid-input', `${words.length} words for ${q.count} vectors`);
  for (const w of words)
    if (w.length === 0 || /[\r\n]/.test(w))
      throw new HireNetError('invalid-input', `word ${JSON.stringify(w)} cannot be stored one per line`);
  const vectors = new Uint8Array(q.count * (4 + q.dims));
  const view = new DataView(vectors.buffer);
  q.scales.forEach((s, i) => view.setFloat32(i * 4, s, true));
  vectors.set(new Uint8Array(q.codes.buffer, q.codes.byteOffset, q.codes.byteLength), q.count * 4);
  const wordBytes = new TextEncoder().encode(`${words.join('\n')}\n`);
  const manifest: VocabManifest = {
    format: VOCAB_FORMAT,
    dims: q.dims,
    count: q.count,
    quantisation: { scheme: 'int8-symmetric-per-vector', layout: LAYOUT },
    files: {
      vectors: { path: 'vectors.bin', bytes: vectors.byteLength, sha256: await sha256Hex(vectors) },
      words: { path: 'words.txt', bytes: wordBytes.byteLength, sha256: await sha256Hex(wordBytes) },
    },
    ...extra,
  };
  return { manifest, vectors, words: wordBytes };
}

/** Checks the manifest's shape; the checksums are verified once the files are read. */
export function parseVocabManifest(raw: unknown): VocabManifest {
  const m = raw as Partial<VocabManifest> | null;
  if (m === null || typeof m !== 'object' || m.format !== VOCAB_FORMAT)
    throw new ModelIntegrityError(`vocab.json is not a ${VOCAB_FORMAT} manifest`);
  if (!isCount(m.dims) || !isCount(m.count))
    throw new ModelIntegrityError('vocab.json needs positive integer dims and count');
  if (m.quantisation?.scheme !== 'int8-symmetric-per-vector') {
    throw new ModelIntegrityError(`unsupported quantisation ${JSON.stringify(m.quantisation?.scheme)}`);
  }
  for (const key of ['vectors', 'words'] as const) {
    const f = m.files?.[key];
    if (
      f === undefined ||
      typeof f.path !== 'string' ||
      !isCount(f.bytes) ||
      typeof f.sha256 !== 'string' ||
      !/^[0-9a-f]{64}$/.test(f.sha256)
    ) {
      throw new ModelIntegrityError(`vocab.json lacks path, bytes and sha256 for its ${key} file`);
    }
    if (f.path.includes('/') || f.path.includes('\\') || f.path.startsWith('.')) {
      throw new ModelIntegrityError(`vocab file path ${f.path} leaves the vocabulary directory`);
    }
  }
  return m as VocabManifest;
}

/** Verifies both files against the manifest and builds the vocabulary. */
export async function decodeVocabulary(
  rawManifest: unknown,
  vectors: Uint8Array,
  words: Uint8Array,
): Promise<Vocabulary> {
  const m = parseVocabManifest(rawManifest);
  await verifyFile(m.files.vectors, vectors);
  await verifyFile(m.files.words, words);
  const expected = m.count * (4 + m.dims);
  if (vectors.byteLength !== expected) {
    throw new ModelIntegrityError(
      `vectors file has ${vectors.byteLength} bytes, ${m.count} words × ${m.dims} dims need ${expected}`,
    );
  }
  const text = new TextDecoder('utf-8', { fatal: true }).decode(words);
  const list = text.endsWith('\n') ? text.slice(0, -1).split('\n') : text.split('\n');
  if (list.length !== m.count)
    throw new ModelIntegrityError(`words file has ${list.length} lines, vocab.json says ${m.count}`);
  // Copy into aligned, owned arrays: the input may be a view at any offset of a larger buffer.
  const owned = vectors.slice();
  const view = new DataView(owned.buffer);
  const scales = new Float32Array(m.count);
  for (let i = 0; i < m.count; i++) scales[i] = view.getFloat32(i * 4, true);
  const codes = new Int8Array(owned.buffer, m.count * 4, m.count * m.dims);
  return new Vocabulary(list, { count: m.count, dims: m.dims, scales, codes }, await indexWords(list));
}

/** Rows per slice: ~5 ms each on this loaded 2-core machine, so indexing is no long task. */
const INDEX_SLICE = 4096;

/** Word → row, built in slices with a yield to the event loop between them (a page stays responsive). */
export async function indexWords(words: readonly string[]): Promise<Map<string, number>> {
  const index = new Map<string, number>();
  for (let from = 0; from < words.length; from += INDEX_SLICE) {
    if (from > 0) await yieldToEventLoop();
    indexSlice(words, index, from, Math.min(words.length, from + INDEX_SLICE));
  }
  return index;
}

function indexSlice(words: readonly string[], index: Map<string, number>, from: number, to: number): void {
  for (let i = from; i < to; i++) {
    const w = words[i]!;
    if (index.has(w)) throw new ModelIntegrityError(`word "${w}" appears twice in the vocabulary`);
    index.set(w, i);
  }
}

/** A macrotask boundary: rendering and input run between slices (setTimeout exists in pages, workers and Node). */
function yieldToEventLoop(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 0));
}

/**
 * Fetches vocab.json and its files from `baseUrl` (a directory URL, e.g. '/models/vocab/'), checking
 * every checksum. Pass `fetcher` to add caching or authentication.
 */
export async function loadVocabulary(
  baseUrl: string | URL,
  fetcher: typeof fetch = globalThis.fetch,
): Promise<Vocabulary> {
  const base = new URL(
    String(baseUrl).endsWith('/') ? String(baseUrl) : `${String(baseUrl)}/`,
    globalThis.location?.href,
  );
  const get = async (path: string): Promise<Uint8Array> => {
    const url = new URL(path, base);
    let res: Response;
    try {
      res = await fetcher(url);
    } catch (err) {
      // A fetcher's own typed refusal (e.g. the session's manifest check) keeps its code.
      if (err instanceof HireNetError) throw err;
      throw new ModelIntegrityError(`cannot fetch ${url.href}: ${err instanceof Error ? err.message : String(err)}`, {
        cause: err,
      });
    }
    if (!res.ok) throw new ModelIntegrityError(`cannot fetch ${url.href}: HTTP ${res.status}`);
    return new Uint8Array(await res.arrayBuffer());
  };
  let manifest: VocabManifest;
  try {
    manifest = parseVocabManifest(JSON.parse(new TextDecoder().decode(await get(VOCAB_MANIFEST_FILE))));
  } catch (err) {
    if (err instanceof HireNetError) throw err;
    throw new ModelIntegrityError(`${VOCAB_MANIFEST_FILE} is not valid JSON`, { cause: err });
  }
  const [vectors, words] = await Promise.all([get(manifest.files.vectors.path), get(manifest.files.words.path)]);
  return decodeVocabulary(manifest, vectors, words);
}

async function verifyFile(entry: VocabFileEntry, bytes: Uint8Array): Promise<void> {
  if (bytes.byteLength !== entry.bytes)
    throw new ModelIntegrityError(`${entry.path} has ${bytes.byteLength} bytes, vocab.json records ${entry.bytes}`);
  const actual = await sha256Hex(bytes);
  if (actual !== entry.sha256)
    throw new ModelIntegrityError(`${entry.path} has sha256 ${actual}, vocab.json records ${entry.sha256}`);
}

/** Web Crypto is in every supported browser and in Node ≥ 20, so no hashing dependency. */
async function sha256Hex(bytes: Uint8Array): Promise<string> {
  const digest = await globalThis.crypto.subtle.digest('SHA-256', bytes as Uint8Array<ArrayBuffer>);
  return Array.from(new Uint8Array(digest), (b) => b.toString(16).padStart(2, '0')).join('');
}

function isCount(v: unknown): v is number {
  return typeof v === 'number' && Number.isInteger(v) && v > 0;
}
