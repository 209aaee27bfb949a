/**
 * Serves (dev) and copies (build) the SDK's self-hosted assets under one directory, in the
 * layout `HireNet.create({ assetsBaseUrl })` expects. The list of files is
 * packages/cli/src/assets-layout.ts (the same one `npx hirenet assets` copies); this plugin only
 * adds the capture worklet compiled from its TypeScript source, since the demo runs the SDK's
 * sources (its workers are compiled by Vite). Nothing is fetched from a CDN at run time. The face
 * model comes from ../shared/models when present; without it the page runs audio-only and says so.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import ts from 'typescript';
import type { Connect, Plugin } from 'vite';
import { type AssetSources, assetFiles, contentTypeOf } from '../cli/src/assets-layout.ts';

export type { AssetSources };

/** The worklet only imports types, so a plain TypeScript transpile gives a standalone module. */
export function sourceWorklet(sdkDir: string): Map<string, () => Buffer> {
  const read = (): Buffer => {
    const code = readFileSync(join(sdkDir, 'src/audio/capture-worklet.ts'), 'utf8');
    const options = { target: ts.ScriptTarget.ES2022, module: ts.ModuleKind.ESNext, verbatimModuleSyntax: false };
    return Buffer.from(ts.transpileModule(code, { compilerOptions: options }).outputText);
  };
  return new Map([['capture-worklet.js', read]]);
}

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
    res.setHeader('Content-Type', contentTypeOf(path));
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
  const pose = resolve(sharedDir, 'models/pose_landmarker_lite.task');
  if (!existsSync(modelDir))
    console.warn(
      [
        `[hirenet:assets] no model at ${relative(process.cwd(), modelDir)} (set HIRENET_MODEL_DIR); the`,
        'page will report it',
      ].join(' '),
    );
  return {
    modelDir: existsSync(modelDir) ? modelDir : null,
    vocabDir: resolve(repoRoot, 'models/vocab'),
    faceModel: existsSync(face) ? face : null,
    poseModel: existsSync(pose) ? pose : null,
    sdkDir: resolve(repoRoot, 'packages/sdk'),
    scripts: sourceWorklet(resolve(repoRoot, 'packages/sdk')),
  };
}
