/**
 * `npm run build:packages`: dist/ (ESM + .d.ts) of @hirenet/sdk, @hirenet/research, @hirenet/relay
 * and @hirenet/cli, in dependency order, each compiled by tsc against the .d.ts its dependencies
 * just published (tsconfig.build.json: no "source" condition), so the published types are what
 * the next package checks against. Then the SDK's prebuilt workers, browser bundle and assets
 * (build-sdk-files.ts) and the CLI's pages (build-cli-pages.ts). docs/packaging.md.
 *
 *   --allow-type-errors   emit even when tsc reports errors (work in progress elsewhere in the tree)
 */
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { buildCliPage } from './build-cli-pages.ts';
import { buildBundle, buildWorkers, copyModelAssets } from './build-sdk-files.ts';

const root = fileURLToPath(new URL('..', import.meta.url));
const allowErrors = process.argv.includes('--allow-type-errors');
const PACKAGES = ['sdk', 'research', 'relay', 'cli'] as const;
const tsc = join(root, 'node_modules/typescript/bin/tsc');

/**
 * tsc keeps the sources' `./x.ts` specifiers in the .d.ts it writes (it rewrites only the .js).
 * TypeScript ≥ 5 resolves them to x.d.ts, older compilers and other tools do not: say `.js`.
 */
function rewriteDeclarationSpecifiers(dir: string): number {
  let n = 0;
  for (const entry of readdirSync(dir, { recursive: true, encoding: 'utf8' })) {
    if (!entry.endsWith('.d.ts')) continue;
    const path = join(dir, entry);
    const text = readFileSync(path, 'utf8');
    const out = text.replace(/((?:from|import)\s*\(?\s*['"]\.{1,2}\/[^'"]*?)\.ts(['"])/g, (_m, a, q) => {
      n++;
      return `${a}.js${q}`;
    });
    if (out !== text) writeFileSync(path, out);
  }
  return n;
}

const mb = (path: string): string => `${(statSync(path).size / 1e6).toFixed(2)} MB`;
const step = (what: string, t0: number): void =>
  console.log(`[build:packages] ${what} (${((performance.now() - t0) / 1000).toFixed(1)} s)`);

for (const name of PACKAGES) {
  const dir = join(root, 'packages', name);
  const t0 = performance.now();
  rmSync(join(dir, 'dist'), { recursive: true, force: true });
  try {
    execFileSync(process.execPath, [tsc, '-p', join(dir, 'tsconfig.build.json')], { stdio: 'inherit' });
  } catch {
    if (!allowErrors) {
      console.error(`[build:packages] tsc failed for @hirenet/${name} (--allow-type-errors emits anyway)`);
      process.exit(1);
    }
    console.warn(`[build:packages] @hirenet/${name}: type errors above, emitted anyway`);
  }
  const rewritten = rewriteDeclarationSpecifiers(join(dir, 'dist'));
  step(`@hirenet/${name}: tsc (${rewritten} .d.ts specifiers .ts → .js)`, t0);
  if (name === 'sdk') {
    const t1 = performance.now();
    for (const f of await buildWorkers(dir)) console.log(`  ${f.slice(root.length)} ${mb(f)}`);
    const bundle = await buildBundle(dir);
    console.log(`  ${bundle.slice(root.length)} ${mb(bundle)}`);
    copyModelAssets(dir, root);
    step('@hirenet/sdk: workers, bundle, assets', t1);
  }
  if (name === 'research') {
    // src/train/tfjs-gradients.ts says why: tfjs-core's own gradient registrations, not the union.
    const entry = createRequire(join(dir, 'package.json')).resolve(
      '@tensorflow/tfjs-core/dist/register_all_gradients.js',
    );
    const outfile = join(dir, 'dist/train/tfjs-gradients.js');
    await build({ entryPoints: [entry], outfile, bundle: true, format: 'esm', platform: 'node', minify: true });
    console.log(`  ${outfile.slice(root.length)} ${mb(outfile)}`);
  }
}
const t2 = performance.now();
await buildCliPage('analyze', join(root, 'packages/cli/dist/analyze-page'));
await buildCliPage('video', join(root, 'packages/cli/dist/video-page'));
step('@hirenet/cli: analyze and video pages', t2);
