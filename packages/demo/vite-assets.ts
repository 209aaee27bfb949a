/**
 * Serves (dev) and copies (build) the SDK's self-hosted assets under one directory, in the
 * layout `HireNet.create({ assetsBaseUrl })` expects (packages/sdk/src/session/options.ts):
 * model/, vocab/, tfjs/, mediapipe/, face_landmarker.task, capture-worklet.js. Nothing is
 * fetched from a CDN at run time. The face model comes from ../shared/models when present;
 * without it the page runs audio-only and says so.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, relative, resolve } from 'node:path';
import ts from 'typescript';
import type { Connect, Plugin } from 'vite';
import { manifestText } from '../cli/src/manifest-node.ts';

export interface AssetSources {
  /** Fusion directory or single-model directory. */
  readonly modelDir: string | null;
  readonly vocabDir: string;
  readonly faceModel: string | null;
  readonly sdkDir: string;
}

const require = createRequire(import.meta.url);

function walk(dir: string, prefix: string, out: Map<string, () => Buffer>): void {
  for (const name of readdirSync(dir)) {
    const abs = join(dir, name);
    if (statSync(abs).isDirectory()) walk(abs, `${prefix}${name}/`, out);
    // Only what the SDK reads (model.json, fusion.json, shards); READMEs and eval notes stay home.
    else if (/\.(json|bin)$/.test(name) && !name.startsWith('eval'))
      out.set(`${prefix}${name}`, () => readFileSync(abs));
  }
}

/** Relative path under the assets directory → file contents. */
export function assetFiles(src: AssetSources): Map<string, () => Buffer> {
  const files = new Map<string, () => Buffer>();
  if (src.modelDir !== null) walk(src.modelDir, 'model/', files);
  for (const f of ['vocab.json', 'vectors.bin', 'words.txt'])
    files.set(`vocab/${f}`, () => readFileSync(join(src.vocabDir, f)));
  const wasmDir = dirname(
    require.resolve('@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm.wasm', { paths: [src.sdkDir] }),
  );
  for (const f of ['tfjs-backend-wasm.wasm', 'tfjs-backend-wasm-simd.wasm', 'tfjs-backend-wasm-threaded-simd.wasm'])
    files.set(`tfjs/${f}`, () => readFileSync(join(wasmDir, f)));
  const mp = dirname(
    require.resolve('@mediapipe/tasks-vision/vision_wasm_module_internal.wasm', { paths: [src.sdkDir] }),
  );
  for (const f of ['vision_wasm_module_internal.js', 'vision_wasm_module_internal.wasm'])
    files.set(`mediapipe/${f}`, () => readFileSync(join(mp, f)));
  // The asset manifest sessions verify every byte against: the model's own (scripts/build-manifest.ts),
  // else one built from the files served here, so a freshly trained model runs without a build step.
  if (src.modelDir !== null && !files.has('model/manifest.json')) {
    const text = manifestText({
      modelDir: src.modelDir,
      vocabDir: src.vocabDir,
      resolveFrom: join(src.sdkDir, 'package.json'),
    });
    console.warn(
      `[hirenet:assets] ${relative(process.cwd(), src.modelDir) || '.'} has no manifest.json: serving one built from its files now`,
    );
    files.set('model/manifest.json', () => Buffer.from(text));
  }
  if (src.faceModel !== null) files.set('face_landmarker.task', () => readFileSync(src.faceModel!));
  // The worklet only imports types, so a plain TypeScript transpile gives a standalone module.
  files.set('capture-worklet.js', () => {
    const code = readFileSync(join(src.sdkDir, 'src/audio/capture-worklet.ts'), 'utf8');
    return Buffer.from(
      ts.transpileModule(code, {
        compilerOptions: { target: ts.ScriptTarget.ES2022, module: ts.ModuleKind.ESNext, verbatimModuleSyntax: false },
      }).outputText,
    );
  });
  return files;
}

const TYPES: Record<string, string> = {
  '.js': 'text/javascript',
  '.json': 'application/json',
  '.wasm': 'application/wasm',
  '.txt': 'text/plain; charset=utf-8',
};

export function hirenetAssets(src: AssetSources, base = 'hirenet/'): Plugin {
  const files = assetFiles(src);
  const serve: Connect.NextHandleFunction = (req, res, next) => {
    const path = decodeURIComponent((req.url ?? '').split('?')[0] ?? '').replace(/^\//, '');
    if (!path.startsWith(base)) return next();
    const read = files.get(path.slice(base.length));
    if (read === undefined) {
      res.statusCode = 404;
      res.end();
      return;
    }
    const ext = path.slice(path.lastIndexOf('.'));
    res.setHeader('Content-Type', TYPES[ext] ?? 'application/octet-stream');
    res.end(read());
  };
  return {
    name: 'hirenet:assets',
    configureServer(server) {
      server.middlewares.use(serve);
    },
    generateBundle() {
      for (const [rel, read] of files) this.emitFile({ type: 'asset', fileName: `${base}${rel}`, source: read() });
    },
  };
}

/** Where the demo takes its model from: $HIRENET_MODEL_DIR, else models/hirenet-demo. */
export function defaultSources(repoRoot: string, sharedDir: string): AssetSources {
  const env = process.env['HIRENET_MODEL_DIR'];
  const modelDir = env !== undefined && env !== '' ? resolve(env) : resolve(repoRoot, 'models/hirenet-demo');
  const face = resolve(sharedDir, 'models/face_landmarker.task');
  if (!existsSync(modelDir))
    console.warn(
      `[hirenet:assets] no model at ${relative(process.cwd(), modelDir)} (set HIRENET_MODEL_DIR); the page will report it`,
    );
  return {
    modelDir: existsSync(modelDir) ? modelDir : null,
    vocabDir: resolve(repoRoot, 'models/vocab'),
    faceModel: existsSync(face) ? face : null,
    sdkDir: resolve(repoRoot, 'packages/sdk'),
  };
}
