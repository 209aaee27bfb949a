/**
 * The parts of @hirenet/sdk's dist/ that tsc does not write (scripts/build-packages.ts runs it
 * after tsc):
 * - dist/workers/{audio-worker,vision-worker,capture-worklet}.js: each worker and the worklet as
 *   one self-contained ES module (Meyda, Comlink, mediabunny, MediaPipe inlined), so a host
 *   bundler never has to compile SDK internals, and dist/workers/bundled.js pointing at them;
 * - dist/bundle/index.js: the whole public entry with every dependency inlined, for a plain
 *   `<script type="module">` page with no import map (`@hirenet/sdk/bundle`);
 * - assets/model and assets/vocab: the demo model and the word vectors, the files
 *   `npx hirenet assets` copies into a site (docs/packaging.md says why they ship in the SDK).
 * esbuild, not Vite: library output with no HTML, no dev server and no plugin API needed.
 */
import {
  copyFileSync,
  cpSync,
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  statSync,
} from 'node:fs';
import { join } from 'node:path';
import { build, type BuildOptions } from 'esbuild';

const common: BuildOptions = {
  bundle: true,
  format: 'esm',
  platform: 'browser',
  target: 'es2022',
  minify: true,
  // Error classes are told apart by name (AssetError, SessionError…): minified names would read 'ze'.
  keepNames: true,
  legalComments: 'eof',
  // Some dependencies read process.env.NODE_ENV; a browser has no `process`.
  define: { 'process.env.NODE_ENV': '"production"' },
  logLevel: 'warning',
};

/** The worker and worklet entry points, by output name. */
const workerEntries = (sdkDir: string): Record<string, string> => ({
  'audio-worker': join(sdkDir, 'src/audio/audio-worker.ts'),
  'vision-worker': join(sdkDir, 'src/video/vision-worker.ts'),
  'capture-worklet': join(sdkDir, 'src/audio/capture-worklet.ts'),
});

/**
 * Each worker and the worklet as one self-contained module in `outDir`. One build per file, no
 * code splitting: a worker must load with a single request. Also used by `hirenet assets` run
 * from a checkout without a build (packages/cli/src/assets-layout.ts).
 */
export async function bundleWorkerScripts(sdkDir: string, outDir: string): Promise<string[]> {
  const out: string[] = [];
  for (const [name, entry] of Object.entries(workerEntries(sdkDir))) {
    const outfile = join(outDir, `${name}.js`);
    await build({ ...common, entryPoints: [entry], outfile });
    out.push(outfile);
  }
  return out;
}

/**
 * Prebuilt workers and worklet in dist/workers, then the published variant of workers/bundled.ts
 * over the workspace one.
 */
export async function buildWorkers(sdkDir: string): Promise<string[]> {
  const out = join(sdkDir, 'dist/workers');
  const files = await bundleWorkerScripts(sdkDir, out);
  for (const ext of ['js', 'd.ts']) {
    const dist = join(out, `bundled.dist.${ext}`);
    if (!existsSync(dist)) throw new Error(`${dist} missing: tsc did not compile src/workers/bundled.dist.ts`);
    renameSync(dist, join(out, `bundled.${ext}`));
  }
  return files;
}

/**
 * The self-contained browser bundle, built from dist/index.js (after the swap above, so it carries
 * the prebuilt worker locations). Dynamic imports (the tfjs backends, file decoding) are inlined
 * too: the page needs exactly one module file besides the assets.
 */
export async function buildBundle(sdkDir: string): Promise<string> {
  const outfile = join(sdkDir, 'dist/bundle/index.js');
  await build({ ...common, entryPoints: [join(sdkDir, 'dist/index.js')], outfile, splitting: false });
  return outfile;
}

/** Only what a session reads: fusion.json, model.json, shards and the manifest (no READMEs, eval notes). */
function copyModel(from: string, to: string): void {
  mkdirSync(to, { recursive: true });
  for (const name of readdirSync(from)) {
    const abs = join(from, name);
    if (statSync(abs).isDirectory()) copyModel(abs, join(to, name));
    else if (/^(fusion|model|manifest)\.json$|\.bin$/.test(name)) copyFileSync(abs, join(to, name));
  }
}

/** packages/sdk/assets/{model,vocab} from the repository's models/ (generated, git-ignored). */
export function copyModelAssets(sdkDir: string, repoRoot: string): void {
  const assets = join(sdkDir, 'assets');
  rmSync(assets, { recursive: true, force: true });
  copyModel(join(repoRoot, 'models/hirenet-demo'), join(assets, 'model'));
  mkdirSync(join(assets, 'vocab'), { recursive: true });
  // vocab.json and the files it lists: words.txt and the vector blocks (hirenet-vocab/2, docs/word-vectors.md).
  const vocabDir = join(repoRoot, 'models/vocab');
  const vocab = JSON.parse(readFileSync(join(vocabDir, 'vocab.json'), 'utf8')) as {
    files: { words: { path: string }; blocks: { path: string }[] };
  };
  for (const f of ['vocab.json', vocab.files.words.path, ...vocab.files.blocks.map((b) => b.path)])
    cpSync(join(vocabDir, f), join(assets, 'vocab', f));
}
