/**
 * The page behind `hirenet analyze`, built once from packages/demo/analyze.html (its report code is
 * the demo's) into static files the CLI serves with node:http: no Vite, no tsx and no import of
 * packages/demo at run time. `npm run build:packages` writes it to packages/cli/dist/analyze-page/;
 * in a checkout without that build the CLI calls this module to build a fresh copy per run.
 * The SDK is compiled from its sources (Vite emits the workers into the page); the capture
 * worklet, which the session loads from `<assetsBaseUrl>capture-worklet.js`, is written beside it.
 */
import { mkdirSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build as esbuild } from 'esbuild';
import { build, defaultClientConditions } from 'vite';

const repoRoot = fileURLToPath(new URL('..', import.meta.url));

/** The worklet file name inside the page directory (the CLI serves it as hirenet/capture-worklet.js). */
export const PAGE_WORKLET = 'capture-worklet.js';

export async function buildAnalyzePage(outDir: string): Promise<void> {
  rmSync(outDir, { recursive: true, force: true });
  mkdirSync(outDir, { recursive: true });
  await build({
    configFile: false,
    root: join(repoRoot, 'packages/demo'),
    base: './',
    logLevel: 'error',
    resolve: { conditions: ['source', ...defaultClientConditions] },
    worker: { format: 'es' },
    build: {
      outDir,
      emptyOutDir: true,
      target: 'es2022',
      reportCompressedSize: false,
      rollupOptions: { input: join(repoRoot, 'packages/demo/analyze.html') },
    },
  });
  await esbuild({
    entryPoints: [join(repoRoot, 'packages/sdk/src/audio/capture-worklet.ts')],
    outfile: join(outDir, PAGE_WORKLET),
    bundle: true,
    format: 'esm',
    target: 'es2022',
    logLevel: 'warning',
  });
}

if (process.argv[1] !== undefined && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const out = resolve(process.argv[2] ?? join(repoRoot, 'packages/cli/dist/analyze-page'));
  await buildAnalyzePage(out);
  process.stdout.write(`${out}\n`);
}
