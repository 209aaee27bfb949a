/**
 * The one list of files under `assetsBaseUrl` (packages/sdk/src/session/options.ts has the
 * layout), Node only: `npx hirenet assets` copies it into a site, `hirenet analyze` serves it,
 * and the demo's Vite plugin (packages/demo/vite-assets.ts) serves and emits it.
 *
 *   model/…            fusion.json, <member>/model.json + shards, manifest.json
 *   vocab/…            vocab.json and the files it lists (words.txt, vectors/<row>.bin blocks)
 *   tfjs/…             the three tfjs-backend-wasm binaries (from the SDK's dependency)
 *   mediapipe/…        vision_wasm_module_internal.{js,wasm} (from the SDK's dependency)
 *   capture-worklet.js, audio-worker.js, vision-worker.js   prebuilt (@hirenet/sdk dist/workers)
 *   face_landmarker.task.gz                                 only when the user supplies it
 *   pose_landmarker_lite.task.gz                            likewise (live posture cues, docs/live.md)
 *
 * The two MediaPipe bundles are stored (uncompressed) zips, which servers send as is: they are
 * written gzip-compressed (-11 % and -14 %), and the SDK unpacks them in its vision worker.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { createRequire } from 'node:module';
import { dirname, join, relative } from 'node:path';
import { pathToFileURL } from 'node:url';
import { gzipSync } from 'node:zlib';
import { HireNetError } from '@hirenet/sdk/internal/util/errors';
import { FACE_MODEL_FILE } from '@hirenet/sdk/internal/video/options';
import { manifestText } from './manifest-node.ts';
import { vocabFileNames } from './vocab-files.ts';

export interface AssetSources {
  /** Fusion directory or single-model directory; null serves no model (the page reports it). */
  readonly modelDir: string | null;
  readonly vocabDir: string;
  readonly faceModel: string | null;
  /** PoseLandmarker bundle for live posture cues; absent or null: none served. */
  readonly poseModel?: string | null;
  /** The @hirenet/sdk package directory: tfjs and MediaPipe resolve from it. */
  readonly sdkDir: string;
  /** Scripts served beside the data (capture-worklet.js, the prebuilt workers): name → contents. */
  readonly scripts: ReadonlyMap<string, () => Buffer>;
}

/** The prebuilt worker and worklet files of the SDK's dist/workers/ (`npm run build:packages`). */
export const PREBUILT_SCRIPTS = ['capture-worklet.js', 'audio-worker.js', 'vision-worker.js'] as const;

const require = createRequire(import.meta.url);

/** Where @hirenet/sdk is installed (its package.json's directory). */
export function sdkPackageDir(): string {
  return dirname(require.resolve('@hirenet/sdk/package.json'));
}

/**
 * The prebuilt worker and worklet files. Installed: `<sdkDir>/dist/workers`. In a checkout (the
 * SDK's sources present): bundled afresh from the sources (scripts/build-sdk-files.ts, a few
 * seconds), so a dist/ from an earlier build is never copied stale.
 */
export async function prebuiltScripts(sdkDir: string): Promise<Map<string, () => Buffer>> {
  const script = join(sdkDir, '../../scripts/build-sdk-files.ts');
  let dir = join(sdkDir, 'dist/workers');
  let tmp: string | undefined;
  if (existsSync(join(sdkDir, 'src/audio/audio-worker.ts')) && existsSync(script)) {
    tmp = await mkdtemp(join(tmpdir(), 'hirenet-workers-'));
    const { bundleWorkerScripts } = (await import(pathToFileURL(script).href)) as {
      bundleWorkerScripts(sdkDir: string, outDir: string): Promise<string[]>;
    };
    await bundleWorkerScripts(sdkDir, tmp);
    dir = tmp;
  }
  try {
    const missing = PREBUILT_SCRIPTS.filter((f) => !existsSync(join(dir, f)));
    if (missing.length > 0)
      throw new HireNetError('usage', `${dir} lacks ${missing.join(', ')}: reinstall @hirenet/sdk`);
    // Read now: the temporary directory goes away below.
    const bytes = PREBUILT_SCRIPTS.map((f) => [f, readFileSync(join(dir, f))] as const);
    return new Map(bytes.map(([f, b]) => [f, () => b]));
  } finally {
    if (tmp !== undefined) await rm(tmp, { recursive: true, force: true });
  }
}

/**
 * The files an installed SDK ships: its assets/ (the demo model and the vocabulary, copied there
 * by the build); in a checkout, the repository's models/, their source, which a concurrent
 * `build:packages` (the outside-in test) never rewrites under a running command.
 */
export async function packagedSources(
  o: { modelDir?: string; faceModel?: string | null; scripts?: ReadonlyMap<string, () => Buffer> } = {},
): Promise<AssetSources> {
  const sdkDir = sdkPackageDir();
  const shipped = join(sdkDir, 'assets');
  const checkout = join(sdkDir, '../../models');
  const root = existsSync(join(checkout, 'vocab')) ? checkout : shipped;
  return {
    modelDir: o.modelDir ?? join(root, root === shipped ? 'model' : 'hirenet-demo'),
    vocabDir: join(root, 'vocab'),
    faceModel: o.faceModel ?? null,
    sdkDir,
    scripts: o.scripts ?? (await prebuiltScripts(sdkDir)),
  };
}

function walk(dir: string, prefix: string, out: Map<string, () => Buffer>): void {
  for (const name of readdirSync(dir).sort()) {
    const abs = join(dir, name);
    if (statSync(abs).isDirectory()) walk(abs, `${prefix}${name}/`, out);
    // Only what the SDK reads (model.json, fusion.json, manifest.json, shards); READMEs and eval notes stay home.
    else if (/\.(json|bin)$/.test(name) && !name.startsWith('eval'))
      out.set(`${prefix}${name}`, () => readFileSync(abs));
  }
}

/** Relative path under the assets directory → file contents (read when asked). */
export function assetFiles(src: AssetSources): Map<string, () => Buffer> {
  const files = new Map<string, () => Buffer>();
  if (src.modelDir !== null) walk(src.modelDir, 'model/', files);
  for (const f of vocabFileNames(src.vocabDir)) files.set(`vocab/${f}`, () => readFileSync(join(src.vocabDir, f)));
  const from = { paths: [src.sdkDir] };
  const wasmDir = dirname(require.resolve('@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm.wasm', from));
  for (const f of ['tfjs-backend-wasm.wasm', 'tfjs-backend-wasm-simd.wasm', 'tfjs-backend-wasm-threaded-simd.wasm'])
    files.set(`tfjs/${f}`, () => readFileSync(join(wasmDir, f)));
  for (const [name, read] of mediapipeFiles(src.sdkDir)) files.set(name, read);
  // The manifest sessions verify every byte against: the model's own (scripts/build-manifest.ts),
  // else one built from the files served here, so a freshly trained model runs without a build step.
  if (src.modelDir !== null && !files.has('model/manifest.json')) {
    const text = manifestText({
      modelDir: src.modelDir,
      vocabDir: src.vocabDir,
      resolveFrom: join(src.sdkDir, 'package.json'),
    });
    const where = relative(process.cwd(), src.modelDir) || '.';
    console.warn(`[hirenet:assets] ${where} has no manifest.json: serving one built from its files now`);
    files.set('model/manifest.json', () => Buffer.from(text));
  }
  if (src.faceModel !== null) files.set(FACE_MODEL_FILE, gzipped(src.faceModel));
  const pose = src.poseModel;
  if (pose != null) files.set(`${POSE_MODEL_NAME}.gz`, gzipped(pose));
  for (const [name, read] of src.scripts) files.set(name, read);
  return files;
}

/** The pose bundle's name as MediaPipe ships it (served as `<name>.gz`). */
export const POSE_MODEL_NAME = 'pose_landmarker_lite.task';

/**
 * A .task bundle gzip-compressed, once (0.1 s for the face model), then kept: a dev server reads it per request.
 * gzip -9 with no name and mtime 0, so the bytes are the same on every build.
 */
function gzipped(path: string): () => Buffer {
  let bytes: Buffer | undefined;
  return () => {
    bytes ??= gzipSync(readFileSync(path), { level: 9 });
    return bytes;
  };
}

/** MediaPipe's module loader and binary, as resolved from the SDK's dependency. */
export function mediapipeFiles(sdkDir: string = sdkPackageDir()): Map<string, () => Buffer> {
  const wasm = require.resolve('@mediapipe/tasks-vision/vision_wasm_module_internal.wasm', { paths: [sdkDir] });
  const names = ['vision_wasm_module_internal.js', 'vision_wasm_module_internal.wasm'];
  return new Map(names.map((f) => [`mediapipe/${f}`, () => readFileSync(join(dirname(wasm), f))]));
}

const TYPES: Record<string, string> = {
  '.js': 'text/javascript',
  '.json': 'application/json',
  '.wasm': 'application/wasm',
  '.txt': 'text/plain; charset=utf-8',
};

/** The Content-Type a server should send for an asset (the SDK refuses text/html). */
export const contentTypeOf = (path: string): string =>
  TYPES[path.slice(path.lastIndexOf('.'))] ?? 'application/octet-stream';
