/**
 * Writing a vocabulary's files (scripts/build-vocab.ts): the block geometry flags, the /1 → /2
 * conversion from bytes already shipped, and the demo model's asset manifest, which lists them.
 */
import { readFileSync } from 'node:fs';
import { mkdir, rm, writeFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import {
  type BlockGeometry,
  type EncodedVocabulary,
  encodeVocabulary,
  openVocabulary,
  parseVocabManifest,
  type Vocabulary,
  vocabBlocks,
} from '../packages/sdk/src/text/vocabulary.ts';
import { MANIFEST_FILE } from '../packages/sdk/src/session/manifest.ts';
import { manifestText } from '../packages/cli/src/manifest-node.ts';

/**
 * 256 rows first (function words: nearly every question needs them), then 128-row blocks (13.3 KB each):
 * measured over the demo's interviews (bytes of blocks + ~55 B gzip per block in each of two manifests), smaller
 * blocks fetch less (1,024 + 256: 286–338 KiB an interview; 256 + 128: 182–195 KiB) and the manifests grow
 * (vocab.json + manifest.json: ~17 → ~31 KiB gzip, the sha256s being incompressible).
 */
export const DEFAULT_GEOMETRY: BlockGeometry = { core: 256, block: 128 };

export function geometryArgs(arg: (name: string, fallback: string) => string): BlockGeometry {
  const core = Number(arg('core', String(DEFAULT_GEOMETRY.core)));
  const block = Number(arg('block', String(DEFAULT_GEOMETRY.block)));
  if (!(Number.isInteger(core) && core > 0 && Number.isInteger(block) && block > 0))
    throw new Error('--core and --block need positive integers');
  return { core, block };
}

/** Re-splits the vocabulary in `dir` (any supported format) into blocks: same words, same bytes per row. */
export async function convertVocabulary(dir: string, geometry: BlockGeometry): Promise<EncodedVocabulary> {
  const raw = JSON.parse(readFileSync(join(dir, 'vocab.json'), 'utf8')) as Record<string, unknown>;
  const m = parseVocabManifest(raw);
  const scales = new Float32Array(m.count);
  const codes = new Int8Array(m.count * m.dims);
  for (const b of vocabBlocks(m)) {
    const bytes = readFileSync(join(dir, b.path));
    const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    for (let i = 0; i < b.rows; i++) scales[b.start + i] = view.getFloat32(i * 4, true);
    codes.set(new Int8Array(bytes.buffer, bytes.byteOffset + b.rows * 4, b.rows * m.dims), b.start * m.dims);
  }
  const text = readFileSync(join(dir, m.files.words.path), 'utf8');
  const words = text.slice(0, -1).split('\n');
  const { format: _f, dims: _d, count: _c, quantisation: _q, files: _files, table: _t, ...extra } = raw;
  const encoded = await encodeVocabulary(words, { count: m.count, dims: m.dims, scales, codes }, extra, geometry);
  // Every file is checked against the old manifest's sha256 on the way in: the conversion reads verified rows.
  await openVocabulary(m, { read: async (p) => readFileSync(join(dir, p)), where: (p) => join(dir, p) });
  return encoded;
}

/** The vocabulary as the SDK reads it from the encoded files (every block verified). */
export function openEncoded(encoded: EncodedVocabulary): Promise<Vocabulary> {
  const read = async (p: string): Promise<Uint8Array> => encoded.files.get(p) ?? new Uint8Array(0);
  return openVocabulary(encoded.manifest, { read, where: (p) => p });
}

/** Writes the files (removing the earlier vectors), then the demo model's manifest when models/vocab changed. */
export async function writeVocabulary(root: string, outDir: string, encoded: EncodedVocabulary): Promise<void> {
  await mkdir(outDir, { recursive: true });
  await rm(join(outDir, 'vectors'), { recursive: true, force: true });
  await rm(join(outDir, 'vectors.bin'), { force: true });
  for (const [path, bytes] of encoded.files) {
    await mkdir(dirname(join(outDir, path)), { recursive: true });
    await writeFile(join(outDir, path), bytes);
  }
  await writeFile(join(outDir, 'vocab.json'), `${JSON.stringify(encoded.manifest, null, 2)}\n`);
  if (resolve(outDir) === resolve(root, 'models/vocab')) {
    const modelDir = resolve(root, 'models/hirenet-demo');
    await writeFile(join(modelDir, MANIFEST_FILE), manifestText({ modelDir, vocabDir: outDir }));
  }
}
