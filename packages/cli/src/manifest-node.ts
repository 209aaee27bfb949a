/**
 * Builds the asset manifest (manifest.ts) from files on disk, Node only: the model directory,
 * the vocabulary directory and the tfjs / MediaPipe wasm files of the installed packages, i.e.
 * exactly the bytes packages/demo/vite-assets.ts serves.
 */
import { HireNetError } from '@hirenet/sdk/internal/util/errors';
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, relative, sep } from 'node:path';
import type { WasmBinaryName } from '@hirenet/sdk/internal/backend/backends';
import { AssetError } from '@hirenet/sdk/internal/util/errors';
import {
  MANIFEST_FILE,
  MANIFEST_FORMAT,
  MEDIAPIPE_BINARY,
  parseManifest,
  serializeManifest,
  type AssetEntry,
  type AssetManifest,
} from '@hirenet/sdk/internal/session/manifest';
import { vocabManifestNames } from './vocab-files.ts';

const TFJS_BINARIES: readonly WasmBinaryName[] = [
  'tfjs-backend-wasm.wasm',
  'tfjs-backend-wasm-simd.wasm',
  'tfjs-backend-wasm-threaded-simd.wasm',
];

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

/**
 * The files the SDK reads from a model directory: fusion.json, model.json and their shards (not READMEs or eval notes).
 */
export function modelFiles(modelDir: string): string[] {
  const out: string[] = [];
  const walk = (dir: string): void => {
    for (const name of readdirSync(dir).sort()) {
      const abs = join(dir, name);
      if (statSync(abs).isDirectory()) walk(abs);
      else if (name === 'fusion.json' || name === 'model.json' || name.endsWith('.bin'))
        out.push(relative(modelDir, abs).split(sep).join('/'));
    }
  };
  walk(modelDir);
  return out;
}

export function buildManifest(src: ManifestSources): AssetManifest {
  if (!existsSync(join(src.modelDir, 'fusion.json')) && !existsSync(join(src.modelDir, 'model.json'))) {
    throw new HireNetError('asset-missing', `${src.modelDir} has neither fusion.json nor model.json`);
  }
  const require = createRequire(src.resolveFrom ?? import.meta.url);
  const tfjsDir = dirname(require.resolve('@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm.wasm'));
  const mpDir = dirname(require.resolve(`@mediapipe/tasks-vision/${MEDIAPIPE_BINARY}`));
  const map = (dir: string, names: readonly string[]): Record<string, AssetEntry> =>
    Object.fromEntries(names.map((n) => [n, entry(join(dir, n))]));
  return {
    format: MANIFEST_FORMAT,
    assets: {
      model: map(src.modelDir, modelFiles(src.modelDir)),
      vocab: map(src.vocabDir, vocabManifestNames(src.vocabDir)),
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

/**
 * For Node readers of a model directory (the CLI): when `<modelDir>/manifest.json` exists, the
 * model files and the vocabulary must match it byte for byte. Returns the manifest's sha256, or
 * null when the directory has no manifest (models written by `hirenet train` before one is built).
 */
export function verifyModelDir(modelDir: string, vocabDir: string): string | null {
  const path = join(modelDir, MANIFEST_FILE);
  if (!existsSync(path)) return null;
  const bytes = readFileSync(path);
  const manifest = parseManifest(bytes, path);
  const check = (group: 'model' | 'vocab', dir: string, names: readonly string[]): void => {
    const listed = manifest.assets[group];
    for (const name of names) {
      const file = join(dir, name);
      const want = listed[name];
      if (want === undefined)
        throw new AssetError('asset-integrity', file, `${group}/${name} is not listed in ${path}`);
      if (!existsSync(file)) throw new AssetError('asset-missing', file, 'no such file');
      const got = entry(file);
      if (got.bytes !== want.bytes || got.sha256 !== want.sha256) {
        throw new AssetError(
          'asset-integrity',
          file,
          `${got.bytes} bytes, sha256 ${got.sha256}; ${path} records ${want.bytes} bytes, ${want.sha256}`,
        );
      }
    }
  };
  check('model', modelDir, [...new Set([...modelFiles(modelDir), ...Object.keys(manifest.assets.model)])]);
  check('vocab', vocabDir, Object.keys(manifest.assets.vocab));
  return createHash('sha256').update(bytes).digest('hex');
}
