/**
 * The vocabulary's files and their manifest (vocab.json). Two formats are read:
 * - `hirenet-vocab/2` (shipped): words.txt whole, the vectors split by row into block files, each
 *   with its own size and sha256, so a page fetches only the blocks holding the words it embeds;
 * - `hirenet-vocab/1`: one vectors.bin, read as a single block covering every row (the same bytes).
 * Both layouts store a block as float32 little-endian scales[rows], then int8 codes[rows][dims].
 */
import { HireNetError, ModelIntegrityError } from '../util/errors.ts';
import type { QuantisedVectors } from './quantise.ts';

export const VOCAB_FORMAT = 'hirenet-vocab/2';
export const VOCAB_FORMAT_V1 = 'hirenet-vocab/1';
export const VOCAB_MANIFEST_FILE = 'vocab.json';

export interface VocabFileEntry {
  /** File name relative to vocab.json: `name.ext` or `dir/name.ext`, never leaving the directory. */
  readonly path: string;
  readonly bytes: number;
  readonly sha256: string;
}

/** Rows [start, start + rows) of the table, in one file. */
export interface VocabBlockEntry extends VocabFileEntry {
  readonly start: number;
  readonly rows: number;
}

export interface VocabManifest {
  readonly format: typeof VOCAB_FORMAT | typeof VOCAB_FORMAT_V1;
  readonly dims: number;
  readonly count: number;
  readonly quantisation: {
    readonly scheme: 'int8-symmetric-per-vector';
    /** Human-readable byte layout of the vector files. */
    readonly layout: string;
  };
  /** `/2`: `words` and `blocks`; `/1`: `words` and `vectors` (the whole table). */
  readonly files: {
    readonly words: VocabFileEntry;
    readonly blocks?: readonly VocabBlockEntry[];
    readonly vectors?: VocabFileEntry;
  };
  /**
   * `/2`: size and sha256 of the whole table in the `/1` layout (scales of every row, then codes):
   * the fingerprint trained models record, unchanged by how the table is split (vocabFingerprint).
   */
  readonly table?: { readonly bytes: number; readonly sha256: string };
  /** Provenance and build measurements; informative, not read by the loader. */
  readonly [extra: string]: unknown;
}

/** Block sizes a build chooses: `core` rows first (the most frequent words), then `block` rows each. */
export interface BlockGeometry {
  readonly core: number;
  readonly block: number;
}

const LAYOUT =
  'each block file: float32 little-endian scales[rows], then int8 codes[rows][dims]; value = code * scale; ' +
  'block rows start..start+rows-1 are lines start.. of the words file';

const SAFE_PATH = /^(?:[A-Za-z0-9_-]+\/)?[A-Za-z0-9_-]+\.[A-Za-z0-9]+$/;

/** Checks the manifest's shape, the blocks' tiling of 0..count-1 and every path; checksums come with the bytes. */
export function parseVocabManifest(raw: unknown): VocabManifest {
  const m = raw as Partial<VocabManifest> | null;
  if (m === null || typeof m !== 'object' || (m.format !== VOCAB_FORMAT && m.format !== VOCAB_FORMAT_V1))
    throw new ModelIntegrityError(`vocab.json is not a ${VOCAB_FORMAT} (or ${VOCAB_FORMAT_V1}) manifest`);
  if (!isCount(m.dims) || !isCount(m.count))
    throw new ModelIntegrityError('vocab.json needs positive integer dims and count');
  if (m.quantisation?.scheme !== 'int8-symmetric-per-vector')
    throw new ModelIntegrityError(`unsupported quantisation ${JSON.stringify(m.quantisation?.scheme)}`);
  checkEntry(m.files?.words, 'words');
  if (m.format === VOCAB_FORMAT_V1) checkEntry(m.files?.vectors, 'vectors');
  else {
    const blocks = m.files?.blocks;
    if (!Array.isArray(blocks) || blocks.length === 0) throw new ModelIntegrityError('vocab.json lists no blocks');
    let next = 0;
    blocks.forEach((b: Partial<VocabBlockEntry>, i) => {
      checkEntry(b, `block ${i}`);
      if (b.start !== next || !isCount(b.rows))
        throw new ModelIntegrityError(`vocab.json block ${i} starts at ${b.start}, expected row ${next}`);
      if (b.bytes !== b.rows * (4 + m.dims!))
        throw new ModelIntegrityError(`vocab.json block ${i}: ${b.bytes} bytes for ${b.rows} rows of ${m.dims}`);
      next += b.rows;
    });
    if (next !== m.count) throw new ModelIntegrityError(`vocab.json blocks cover ${next} rows, count is ${m.count}`);
  }
  return m as VocabManifest;
}

/** The vector blocks of a parsed manifest; a `/1` table is one block of every row. */
export function vocabBlocks(m: VocabManifest): readonly VocabBlockEntry[] {
  if (m.files.blocks !== undefined) return m.files.blocks;
  const v = m.files.vectors!;
  return [{ ...v, start: 0, rows: m.count }];
}

/** sha256 of the whole table in the `/1` layout: what a trained model records of its word vectors. */
export function vocabFingerprint(m: VocabManifest): string {
  const sha = m.files.vectors?.sha256 ?? m.table?.sha256;
  if (sha === undefined || !/^[0-9a-f]{64}$/.test(sha))
    throw new ModelIntegrityError('vocab.json records no sha256 of its whole table (`table`)');
  return sha;
}

/** Every file a manifest names (vocab.json itself not included): what a host must serve. */
export function vocabFiles(m: VocabManifest): readonly VocabFileEntry[] {
  return [m.files.words, ...vocabBlocks(m)];
}

function checkEntry(f: Partial<VocabFileEntry> | undefined, what: string): void {
  if (
    f === undefined ||
    typeof f.path !== 'string' ||
    !isCount(f.bytes) ||
    typeof f.sha256 !== 'string' ||
    !/^[0-9a-f]{64}$/.test(f.sha256)
  ) {
    throw new ModelIntegrityError(`vocab.json lacks path, bytes and sha256 for its ${what} file`);
  }
  if (!SAFE_PATH.test(f.path))
    throw new ModelIntegrityError(`vocab file path ${f.path} leaves the vocabulary directory`);
}

export interface EncodedVocabulary {
  readonly manifest: VocabManifest;
  /** Path (as in the manifest) → bytes, words file included. */
  readonly files: ReadonlyMap<string, Uint8Array>;
  readonly words: Uint8Array;
  /** The whole table in one block (the `/1` vectors.bin). */
  readonly vectors: Uint8Array;
}

/**
 * Serialises quantised rows and their words; `extra` fields (provenance) go into the manifest.
 * With `geometry`, writes `/2` (blocks under vectors/); without, `/1` (one vectors.bin).
 */
export async function encodeVocabulary(
  words: readonly string[],
  q: QuantisedVectors,
  extra: Record<string, unknown> = {},
  geometry?: BlockGeometry,
): Promise<EncodedVocabulary> {
  if (words.length !== q.count) throw new HireNetError('invalid-input', `${words.length} words for ${q.count} vectors`);
  for (const w of words)
    if (w.length === 0 || /[\r\n]/.test(w))
      throw new HireNetError('invalid-input', `word ${JSON.stringify(w)} cannot be stored one per line`);
  const wordBytes = new TextEncoder().encode(`${words.join('\n')}\n`);
  const whole = blockBytes(q, 0, q.count);
  const wordsEntry = { path: 'words.txt', bytes: wordBytes.byteLength, sha256: await sha256Hex(wordBytes) };
  const files = new Map<string, Uint8Array>([[wordsEntry.path, wordBytes]]);
  const base = { dims: q.dims, count: q.count };
  let manifest: VocabManifest;
  if (geometry === undefined) {
    const vectors = { path: 'vectors.bin', bytes: whole.byteLength, sha256: await sha256Hex(whole) };
    files.set(vectors.path, whole);
    const layout = LAYOUT.replace('each block file', 'vectors.bin, one block of every row');
    const quantisation = { scheme: 'int8-symmetric-per-vector' as const, layout };
    manifest = { format: VOCAB_FORMAT_V1, ...base, quantisation, files: { vectors, words: wordsEntry }, ...extra };
  } else {
    if (!isCount(geometry.core) || !isCount(geometry.block))
      throw new HireNetError('invalid-input', `block sizes must be positive integers, got ${JSON.stringify(geometry)}`);
    const blocks: VocabBlockEntry[] = [];
    for (let start = 0; start < q.count; ) {
      const rows = Math.min(q.count - start, start === 0 ? geometry.core : geometry.block);
      const bytes = blockBytes(q, start, rows);
      const path = `vectors/${String(start).padStart(6, '0')}.bin`;
      files.set(path, bytes);
      blocks.push({ path, start, rows, bytes: bytes.byteLength, sha256: await sha256Hex(bytes) });
      start += rows;
    }
    const quantisation = { scheme: 'int8-symmetric-per-vector' as const, layout: LAYOUT };
    const table = { bytes: whole.byteLength, sha256: await sha256Hex(whole) };
    manifest = { format: VOCAB_FORMAT, ...base, quantisation, table, files: { words: wordsEntry, blocks }, ...extra };
  }
  return { manifest, files, words: wordBytes, vectors: whole };
}

function blockBytes(q: QuantisedVectors, start: number, rows: number): Uint8Array {
  const out = new Uint8Array(rows * (4 + q.dims));
  const view = new DataView(out.buffer);
  for (let i = 0; i < rows; i++) view.setFloat32(i * 4, q.scales[start + i] ?? 0, true);
  const codes = new Uint8Array(q.codes.buffer, q.codes.byteOffset + start * q.dims, rows * q.dims);
  out.set(codes, rows * 4);
  return out;
}

/** Refuses bytes whose size or sha256 differ from `entry`; `where` (a URL or a path) names the file. */
export async function verifyVocabFile(entry: VocabFileEntry, bytes: Uint8Array, where: string): Promise<void> {
  if (bytes.byteLength !== entry.bytes)
    throw new ModelIntegrityError(`${where} has ${bytes.byteLength} bytes, vocab.json records ${entry.bytes}`);
  const actual = await sha256Hex(bytes);
  if (actual !== entry.sha256)
    throw new ModelIntegrityError(`${where} has sha256 ${actual}, vocab.json records ${entry.sha256}`);
}

/** Web Crypto is in every supported browser and in Node ≥ 20, so no hashing dependency. */
async function sha256Hex(bytes: Uint8Array): Promise<string> {
  const digest = await globalThis.crypto.subtle.digest('SHA-256', bytes as Uint8Array<ArrayBuffer>);
  return Array.from(new Uint8Array(digest), (b) => b.toString(16).padStart(2, '0')).join('');
}

function isCount(v: unknown): v is number {
  return typeof v === 'number' && Number.isInteger(v) && v > 0;
}
