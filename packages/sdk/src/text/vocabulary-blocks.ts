/**
 * The vector table as blocks of rows, each fetched (once) and checked against its sha256 when a
 * word in it is first needed. Rows are in descending corpus frequency, so an interview's words sit
 * mostly in the first block and a handful of small later ones (docs/word-vectors.md, issue 15).
 */
import { HireNetError, ModelIntegrityError } from '../util/errors.ts';
import { dequantiseRow, type QuantisedVectors } from './quantise.ts';
import { type VocabBlockEntry, verifyVocabFile } from './vocabulary-format.ts';

/** Reads one file named in vocab.json; `where` names it in errors (its URL, or its path on disk). */
export interface VocabReader {
  read(path: string): Promise<Uint8Array>;
  where(path: string): string;
}

export class VectorBlocks {
  private readonly loaded: (QuantisedVectors | undefined)[];
  /** One fetch per block, shared by concurrent callers; dropped on failure so a later call can retry. */
  private readonly pending = new Map<number, Promise<void>>();

  constructor(
    readonly dims: number,
    readonly count: number,
    private readonly blocks: readonly VocabBlockEntry[],
    private readonly reader: VocabReader | null,
  ) {
    this.loaded = blocks.map(() => undefined);
  }

  /** A table already in memory (tests, the build script): one loaded block. */
  static inMemory(q: QuantisedVectors): VectorBlocks {
    const entry = { path: '(memory)', bytes: q.count * (4 + q.dims), sha256: '', start: 0, rows: q.count };
    const blocks = new VectorBlocks(q.dims, q.count, [entry], null);
    blocks.loaded[0] = q;
    return blocks;
  }

  /** Block index of `row` (0 ≤ row < count). */
  blockOf(row: number): number {
    let lo = 0;
    let hi = this.blocks.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.blocks[mid]!.start <= row) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  }

  isLoaded(row: number): boolean {
    return this.loaded[this.blockOf(row)] !== undefined;
  }

  /** How many of the blocks are in memory, and their bytes (for reports and tests). */
  loadedBlocks(): { blocks: number; of: number; bytes: number } {
    let blocks = 0;
    let bytes = 0;
    this.loaded.forEach((b, i) => {
      if (b === undefined) return;
      blocks++;
      bytes += this.blocks[i]!.bytes;
    });
    return { blocks, of: this.blocks.length, bytes };
  }

  /** Fetches (in parallel) every block holding one of `rows` that is not in memory yet. */
  async ensureRows(rows: Iterable<number>): Promise<void> {
    const wanted = new Set<number>();
    for (const r of rows) if (Number.isInteger(r) && r >= 0 && r < this.count) wanted.add(this.blockOf(r));
    await Promise.all([...wanted].map((b) => this.ensureBlock(b)));
  }

  async ensureAll(): Promise<void> {
    await Promise.all(this.blocks.map((_, b) => this.ensureBlock(b)));
  }

  /** Dequantised row; the block must be loaded (ensureRows), else `invalid-state`. */
  row(row: number, out?: Float32Array): Float32Array {
    const b = this.blockOf(row);
    const q = this.loaded[b];
    if (q === undefined) {
      throw new HireNetError(
        'invalid-state',
        `word vector row ${row} is in ${this.blocks[b]!.path}, not loaded yet: await vocab.prepare(texts) first`,
      );
    }
    return dequantiseRow(q, row - this.blocks[b]!.start, out);
  }

  private ensureBlock(b: number): Promise<void> {
    if (this.loaded[b] !== undefined) return Promise.resolve();
    let p = this.pending.get(b);
    if (p === undefined) {
      p = this.fetchBlock(b).finally(() => this.pending.delete(b));
      this.pending.set(b, p);
    }
    return p;
  }

  private async fetchBlock(b: number): Promise<void> {
    const entry = this.blocks[b]!;
    if (this.reader === null) throw new ModelIntegrityError(`block ${entry.path} has no source to read from`);
    const bytes = await this.reader.read(entry.path);
    await verifyVocabFile(entry, bytes, this.reader.where(entry.path));
    // Copy into an aligned, owned buffer: the input may be a view at any offset of a larger one.
    const owned = bytes.slice();
    const view = new DataView(owned.buffer);
    const scales = new Float32Array(entry.rows);
    for (let i = 0; i < entry.rows; i++) scales[i] = view.getFloat32(i * 4, true);
    const codes = new Int8Array(owned.buffer, entry.rows * 4, entry.rows * this.dims);
    this.loaded[b] = { count: entry.rows, dims: this.dims, scales, codes };
  }
}
