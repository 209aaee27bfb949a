/**
 * The compact word-vector vocabulary: a manifest (vocab.json, vocabulary-format.ts), a word list
 * (words.txt, loaded whole: membership and row numbers) and int8 vectors with per-word float32
 * scales in blocks of rows (vocabulary-blocks.ts), fetched all at once or only where the words a
 * page embeds live. Every file is checked against its sha256. Works from bytes: Node and browsers share it.
 */
import { HireNetError, ModelIntegrityError } from '../util/errors.ts';
import { resolvedWords } from './embed.ts';
import type { QuantisedVectors } from './quantise.ts';
import { tokenize } from './tokenizer.ts';
import { type VocabReader, VectorBlocks } from './vocabulary-blocks.ts';
import {
  parseVocabManifest,
  VOCAB_FORMAT_V1,
  VOCAB_MANIFEST_FILE,
  type VocabManifest,
  verifyVocabFile,
  vocabBlocks,
} from './vocabulary-format.ts';

export {
  type BlockGeometry,
  type EncodedVocabulary,
  encodeVocabulary,
  parseVocabManifest,
  VOCAB_FORMAT,
  VOCAB_FORMAT_V1,
  VOCAB_MANIFEST_FILE,
  type VocabBlockEntry,
  type VocabFileEntry,
  type VocabManifest,
  vocabBlocks,
  vocabFiles,
  vocabFingerprint,
} from './vocabulary-format.ts';
export type { VocabReader } from './vocabulary-blocks.ts';

/**
 * Which vector blocks a load fetches: `all` (default; every lookup works at once) or `on-demand`
 * (only the first block, of the most frequent words; `await vocab.prepare(texts)` fetches the rest
 * a text needs before embedText runs on it; a lookup of a row not loaded throws `invalid-state`).
 */
export interface VocabularyLoadOptions {
  readonly vectors?: 'all' | 'on-demand';
}

/** Word → vector lookups over dequantised int8 rows. Holds no releasable resources. */
export class Vocabulary {
  readonly dims: number;
  readonly size: number;
  private readonly index: ReadonlyMap<string, number>;
  private readonly blocks: VectorBlocks;

  /** `index`: word → row, built ahead (indexWords) so a page indexes 40,000 words in short slices. */
  constructor(
    readonly words: readonly string[],
    vectors: QuantisedVectors | VectorBlocks,
    index?: ReadonlyMap<string, number>,
  ) {
    this.blocks = vectors instanceof VectorBlocks ? vectors : VectorBlocks.inMemory(vectors);
    if (words.length !== this.blocks.count)
      throw new ModelIntegrityError(`${words.length} words for ${this.blocks.count} vectors`);
    this.dims = this.blocks.dims;
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
    return i === undefined ? undefined : this.blocks.row(i);
  }

  /** Dequantised vector of row `row` (0 ≤ row < size); its block must be loaded (`invalid-state`). */
  vectorAt(row: number, out?: Float32Array): Float32Array {
    if (!Number.isInteger(row) || row < 0 || row >= this.size)
      throw new HireNetError('invalid-input', `row ${row} outside 0..${this.size - 1}`);
    return this.blocks.row(row, out);
  }

  /** Fetches the vector blocks every word of `texts` resolves to (tokenize, then resolveToken's chain). */
  prepare(texts: Iterable<string>): Promise<void> {
    const tokens: string[] = [];
    for (const t of texts) tokens.push(...tokenize(t));
    return this.prepareTokens(tokens);
  }

  /** prepare() for tokens already split (embedTokens' input). */
  prepareTokens(tokens: Iterable<string>): Promise<void> {
    return this.prepareWords(resolvedWords(this, tokens));
  }

  /** Fetches the blocks of these vocabulary words (words not in the vocabulary are ignored). */
  prepareWords(words: Iterable<string>): Promise<void> {
    const rows: number[] = [];
    for (const w of words) {
      const i = this.index.get(w);
      if (i !== undefined) rows.push(i);
    }
    return this.blocks.ensureRows(rows);
  }

  /** Fetches every block still missing. */
  loadAll(): Promise<void> {
    return this.blocks.ensureAll();
  }

  /** Whether `word`'s vector can be read now (false for words not in the vocabulary). */
  isLoaded(word: string): boolean {
    const i = this.index.get(word);
    return i !== undefined && this.blocks.isLoaded(i);
  }

  /** Vector blocks in memory: count, total, bytes. */
  loadedBlocks(): { blocks: number; of: number; bytes: number } {
    return this.blocks.loadedBlocks();
  }
}

/**
 * Opens a vocabulary from its manifest and a reader of the files it names: verifies words.txt,
 * indexes it, and loads the vector blocks `options.vectors` asks for (each verified when read).
 */
export async function openVocabulary(
  rawManifest: unknown,
  reader: VocabReader,
  options: VocabularyLoadOptions = {},
): Promise<Vocabulary> {
  const m = parseVocabManifest(rawManifest);
  const blocks = new VectorBlocks(m.dims, m.count, vocabBlocks(m), reader);
  // The first block (the most frequent words) is fetched beside the words in either mode.
  const first = blocks.ensureRows([0]);
  first.catch(() => undefined); // awaited below; no unhandled rejection if words.txt fails first
  const bytes = await reader.read(m.files.words.path);
  await verifyVocabFile(m.files.words, bytes, reader.where(m.files.words.path));
  const list = splitWords(bytes, m);
  const vocab = new Vocabulary(list, blocks, await indexWords(list));
  await first;
  if ((options.vectors ?? 'all') === 'all') await vocab.loadAll();
  return vocab;
}

/** A `hirenet-vocab/1` table in memory (its vectors.bin and words.txt bytes), verified against the manifest. */
export async function decodeVocabulary(
  rawManifest: unknown,
  vectors: Uint8Array,
  words: Uint8Array,
): Promise<Vocabulary> {
  const m: VocabManifest = parseVocabManifest(rawManifest);
  if (m.format !== VOCAB_FORMAT_V1 || m.files.vectors === undefined)
    throw new ModelIntegrityError(
      `decodeVocabulary reads ${VOCAB_FORMAT_V1} bytes; use openVocabulary for ${m.format}`,
    );
  const files = new Map([
    [m.files.vectors.path, vectors],
    [m.files.words.path, words],
  ]);
  return openVocabulary(m, {
    read: async (path) => files.get(path) ?? new Uint8Array(0),
    where: (path) => path,
  });
}

function splitWords(bytes: Uint8Array, m: VocabManifest): string[] {
  const text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  const list = text.endsWith('\n') ? text.slice(0, -1).split('\n') : text.split('\n');
  if (list.length !== m.count)
    throw new ModelIntegrityError(`words file has ${list.length} lines, vocab.json says ${m.count}`);
  return list;
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
 * every checksum; `options.vectors: 'on-demand'` fetches vector blocks only when prepare() needs them.
 * Pass `fetcher` to add caching or authentication.
 */
export async function loadVocabulary(
  baseUrl: string | URL,
  fetcher: typeof fetch = globalThis.fetch,
  options: VocabularyLoadOptions = {},
): Promise<Vocabulary> {
  const base = new URL(
    String(baseUrl).endsWith('/') ? String(baseUrl) : `${String(baseUrl)}/`,
    globalThis.location?.href,
  );
  const reader: VocabReader = {
    where: (path) => new URL(path, base).href,
    read: async (path) => {
      const url = new URL(path, base);
      let res: Response;
      try {
        res = await fetcher(url);
      } catch (err) {
        // A fetcher's own typed refusal (e.g. the session's manifest check) keeps its code.
        if (err instanceof HireNetError) throw err;
        const why = err instanceof Error ? err.message : String(err);
        throw new ModelIntegrityError(`cannot fetch ${url.href}: ${why}`, { cause: err });
      }
      if (!res.ok) throw new ModelIntegrityError(`cannot fetch ${url.href}: HTTP ${res.status}`);
      return new Uint8Array(await res.arrayBuffer());
    },
  };
  let manifest: VocabManifest;
  try {
    manifest = parseVocabManifest(JSON.parse(new TextDecoder().decode(await reader.read(VOCAB_MANIFEST_FILE))));
  } catch (err) {
    if (err instanceof HireNetError) throw err;
    throw new ModelIntegrityError(`${VOCAB_MANIFEST_FILE} is not valid JSON`, { cause: err });
  }
  return openVocabulary(manifest, reader, options);
}
