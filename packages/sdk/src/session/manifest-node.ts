/**
 * Builds the asset manifest (manifest.ts) from files on disk, Node only: the model directory,
 * the vocabulary directory and the tfjs / MediaPipe wasm files of the installed packages, i.e.
 * exactly the bytes packages/demo/vite-assets.ts serves.
 */
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, relative, sep } from 'node:path';
import type { WasmBinaryName } from '../backend/backends.ts';
import { MEDIAPIPE_BINARY, serializeManifest, type AssetEntry, type AssetManifest, MANIFEST_FORMAT } from './manifest.ts';

const TFJS_BINARIES: readonly WasmBinaryName[] = ['tfjs-backend-wasm.wasm', 'tfjs-backend-wasm-simd.wasm', 'tfjs-backend-wasm-threaded-simd.wasm'];
const VOCAB_FILES = ['vocab.json', 'vectors.bin', 'words.txt'];

export interface ManifestSources {
  /** Fusion directory (fusion.json + one directory per member) or a single-model directory. */
  readonly modelDir: string;
  readonly vocabDir: string;
  /** Where @tensorflow/tfjs-backend-wasm and @mediapipe/tasks-vision resolve from. Default: this package. */
  readonly resolveFrom?: string;
}

function entry(path: string): AssetEntry {
  const bytes = readFileSync(path);
  return { bytes: bytes.byteLength, sha256: createHash('sha256').update(bytes).digest('hex') };
}

/** The files the SDK reads from a model directory: fusion.json, model.json and their shards (not READMEs or eval notes). */
export function modelFiles(modelDir: string): string[] {
  const out: string[] = [];
  const walk = (dir: string): void => {
    for (const name of readdirSync(dir).sort()) {
      const abs = join(dir, name);
      if (statSync(abs).isDirectory()) walk(abs);
      else if (name === 'fusion.json' || name === 'model.json' || name.endsWith('.bin')) out.push(relative(modelDir, abs).split(sep).join('/'));
    }
  };
  walk(modelDir);
  return out;
}

export function buildManifest(src: ManifestSources): AssetManifest {
  if (!existsSync(join(src.modelDir, 'fusion.json')) && !existsSync(join(src.modelDir, 'model.json'))) {
    throw new Error(`${src.modelDir} has neither fusion.json nor model.json`);
  }
  const require = createRequire(src.resolveFrom ?? import.meta.url);
  const tfjsDir = dirname(require.resolve('@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm.wasm'));
  const mpDir = dirname(require.resolve(`@mediapipe/tasks-vision/${MEDIAPIPE_BINARY}`));
  const map = (dir: string, names: readonly string[]): Record<string, AssetEntry> => Object.fromEntries(names.map((n) => [n, entry(join(dir, n))]));
  return {
    format: MANIFEST_FORMAT,
    assets: {
      model: map(src.modelDir, modelFiles(src.modelDir)),
      vocab: map(src.vocabDir, VOCAB_FILES),
      tfjs: map(tfjsDir, TFJS_BINARIES),
      mediapipe: map(mpDir, [MEDIAPIPE_BINARY]),
    },
  };
}

/** The manifest text for `src`, as written to `<modelDir>/manifest.json`. */
export function manifestText(src: ManifestSources): string {
  return serializeManifest(buildManifest(src));
}

export function sha256OfText(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}
