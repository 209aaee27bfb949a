/**
 * The pages the CLI drives in headless Chromium, built once into static files it serves with
 * node:http: no Vite, no tsx and no import of packages/demo at run time.
 * - analyze: packages/demo/analyze.html (the demo's report code), for `hirenet analyze`;
 * - video: packages/cli/pages/video.html → packages/sdk/src/video/cli-page.ts, for
 *   `hirenet features video`.
 * `npm run build:packages` writes them to packages/cli/dist/{analyze,video}-page/; run from a
 * checkout's sources, the CLI builds a fresh copy per run (packages/cli/src/cli-page.ts). The SDK
 * is compiled from its sources (Vite emits the workers and MediaPipe's wasm into the page); the
 * capture worklet, which a session loads from `<assetsBaseUrl>capture-worklet.js`, is written
 * beside the analyze page.
 */
import { rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build as esbuild } from 'esbuild';
import { build, defaultClientConditions } from 'vite';

const repoRoot = fileURLToPath(new URL('..', import.meta.url));

export type CliPageName = 'analyze' | 'video';

const PAGES: Record<CliPageName, { root: string; html: string }> = {
  analyze: { root: 'packages/demo', html: 'analyze.html' },
  video: { root: 'packages/cli/pages', html: 'video.html' },
};

export async function buildCliPage(name: CliPageName, outDir: string): Promise<void> {
  const page = PAGES[name];
  rmSync(outDir, { recursive: true, force: true });
  await build({
    configFile: false,
    root: join(repoRoot, page.root),
    base: './',
    logLevel: 'error',
    resolve: { conditions: ['source', ...defaultClientConditions] },
    worker: { format: 'es' },
    build: {
      outDir,
      emptyOutDir: true,
      target: 'es2022',
      reportCompressedSize: false,
      rollupOptions: { input: join(repoRoot, page.root, page.html) },
    },
  });
  if (name !== 'analyze') return;
  await esbuild({
    entryPoints: [join(repoRoot, 'packages/sdk/src/audio/capture-worklet.ts')],
    outfile: join(outDir, 'capture-worklet.js'),
    bundle: true,
    format: 'esm',
    target: 'es2022',
    logLevel: 'warning',
  });
}

if (process.argv[1] !== undefined && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  for (const name of Object.keys(PAGES) as CliPageName[]) {
    const out = join(repoRoot, `packages/cli/dist/${name}-page`);
    await buildCliPage(name, out);
    process.stdout.write(`${out}\n`);
  }
}
