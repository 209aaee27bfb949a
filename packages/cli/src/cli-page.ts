/**
 * Where a prebuilt CLI page is (scripts/build-cli-pages.ts): dist/<name>-page/ beside the compiled
 * CLI (built by `npm run build:packages`, shipped in the package). Running from the TypeScript
 * sources of a checkout, the page is built from those sources into node_modules/.cache, under a
 * hash of every source it is built from: it never lags behind the sources, and an unchanged
 * checkout reuses the last build instead of paying a few seconds for it on every run.
 * The build runs in a child process that has exited before Chromium starts: Vite's heap (~600 MB)
 * was the largest part of `hirenet analyze`'s peak memory when it ran inside the CLI's process.
 */
import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, renameSync, rmSync, statSync, utimesSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { HireNetError } from '@hirenet/sdk/internal/util/errors';

export interface CliPage {
  readonly dir: string;
  cleanup(): Promise<void>;
}

const repoRoot = fileURLToPath(new URL('../../../', import.meta.url));
/** What the pages are built from (scripts/build-cli-pages.ts): sources, page roots and dependency versions. */
const INPUTS = [
  'scripts/build-cli-pages.ts',
  'package-lock.json',
  'packages/sdk/package.json',
  'packages/sdk/src',
  'packages/demo/analyze.html',
  'packages/demo/package.json',
  'packages/demo/src',
  'packages/cli/pages',
];
/** Builds older than this are removed when a new one is written (a concurrent run may still serve a recent one). */
const STALE_MS = 3_600_000;

export async function cliPage(name: 'analyze' | 'video'): Promise<CliPage> {
  const shipped = fileURLToPath(new URL(`./${name}-page/`, import.meta.url));
  if (existsSync(join(shipped, `${name}.html`))) return { dir: shipped, cleanup: async () => undefined };
  const script = join(repoRoot, 'scripts/build-cli-pages.ts');
  if (!existsSync(script))
    throw new HireNetError('usage', `the ${name} page is missing at ${shipped}: reinstall @hirenet/cli`);
  const cache = join(repoRoot, 'node_modules/.cache/hirenet-cli-pages');
  const dir = join(cache, `${name}-${sourcesHash()}`);
  if (existsSync(join(dir, `${name}.html`))) {
    // Touched so that a build in use is never the stale one another run removes.
    const now = new Date();
    utimesSync(dir, now, now);
    return { dir, cleanup: async () => undefined };
  }
  const tmp = `${dir}.tmp-${process.pid}-${Date.now()}`;
  try {
    await buildInChild(script, name, tmp);
    try {
      renameSync(tmp, dir);
    } catch (e) {
      // Another run finished the same build first: its copy is as good as ours.
      if (!existsSync(join(dir, `${name}.html`))) throw e;
    }
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
  removeStale(cache, name, dir);
  return { dir, cleanup: async () => undefined };
}

async function buildInChild(script: string, name: string, out: string): Promise<void> {
  const code =
    `const { buildCliPage } = await import(${JSON.stringify(`file://${script}`)});` +
    `await buildCliPage(${JSON.stringify(name)}, ${JSON.stringify(out)});`;
  try {
    await promisify(execFile)(
      process.execPath,
      ['--conditions=source', '--import', 'tsx', '--input-type=module', '-e', code],
      { cwd: repoRoot, maxBuffer: 16 << 20, env: { ...process.env, NO_COLOR: '1', FORCE_COLOR: '0' } },
    );
  } catch (e) {
    const err = e as { stderr?: string; message: string };
    throw new HireNetError('usage', `building the ${name} page failed: ${(err.stderr || err.message).trim()}`, {
      cause: e,
    });
  }
}

/** SHA-256 over the path, size and content of every input file (a few hundred small files: ~20 ms). */
function sourcesHash(): string {
  const h = createHash('sha256');
  const add = (path: string): void => {
    if (!existsSync(path)) return;
    if (statSync(path).isDirectory()) {
      for (const entry of readdirSync(path).sort()) if (entry !== 'node_modules') add(join(path, entry));
      return;
    }
    const bytes = readFileSync(path);
    h.update(`${relative(repoRoot, path)}\0${bytes.length}\0`);
    h.update(bytes);
  };
  for (const input of INPUTS) add(join(repoRoot, input));
  return h.digest('hex').slice(0, 16);
}

function removeStale(cache: string, name: string, keep: string): void {
  for (const entry of readdirSync(cache)) {
    const path = join(cache, entry);
    if (path === keep || !entry.startsWith(`${name}-`)) continue;
    try {
      if (Date.now() - statSync(path).mtimeMs > STALE_MS) rmSync(path, { recursive: true, force: true });
    } catch {
      // Removed by another run meanwhile.
    }
  }
}
