/**
 * Builds the workspace packages and packs them with `npm pack`, once per test run, into a temp dir
 * outside the workspace: what a registry would serve.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, realpathSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { repoRoot } from '../browser/harness/paths.ts';
import type { Tarball } from './host-install.ts';

/** The published packages a host can install, with their workspace folders. */
export const PUBLISHED = [
  { name: '@hirenet/sdk', dir: 'packages/sdk' },
  { name: '@hirenet/research', dir: 'packages/research' },
  { name: '@hirenet/cli', dir: 'packages/cli' },
  { name: '@hirenet/relay', dir: 'packages/relay' },
] as const;

export interface Packed extends Tarball {
  /** Bytes of the .tgz. */
  readonly size: number;
  readonly unpackedSize: number;
  readonly entryCount: number;
  /** Paths in the tarball (for what-ships checks). */
  readonly files: readonly string[];
}

interface NpmPackJson {
  name: string;
  version: string;
  filename: string;
  size: number;
  unpackedSize: number;
  entryCount: number;
  files: { path: string }[];
}

/**
 * `npm run build:packages` (docs/packaging.md): dist/ of every published package. With
 * HIRENET_OUTSIDE_PREBUILT=1 the dist/ already in the tree is packed as it is (a shared working
 * tree where someone else is mid-build); returns null then.
 */
export function buildPackages(): number | null {
  if (process.env['HIRENET_OUTSIDE_PREBUILT'] === '1') {
    console.warn('[outside] HIRENET_OUTSIDE_PREBUILT=1: packing the dist/ already built, not rebuilding');
    return null;
  }
  const t0 = Date.now();
  execFileSync('npm', ['run', 'build:packages'], { cwd: repoRoot, stdio: 'inherit' });
  return (Date.now() - t0) / 1000;
}

/** Packs every published package into a fresh temp dir (realpath: npm writes file: paths from it). */
export function packAll(): { dir: string; packed: Packed[] } {
  const dir = realpathSync(mkdtempSync(join(tmpdir(), 'hirenet-outside-packs-')));
  const ws = PUBLISHED.flatMap((p) => ['-w', p.name]);
  const out = execFileSync('npm', ['pack', '--json', '--pack-destination', dir, ...ws], {
    cwd: repoRoot,
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'inherit'],
    maxBuffer: 64 * 1024 * 1024,
  });
  const json = JSON.parse(out) as NpmPackJson[];
  const packed = json.map((j): Packed => {
    const ws = PUBLISHED.find((p) => p.name === j.name);
    if (ws === undefined) throw new Error(`npm pack produced an unexpected package ${j.name}`);
    const file = join(dir, j.filename);
    const manifest = JSON.parse(
      execFileSync('tar', ['-xzOf', file, 'package/package.json'], { encoding: 'utf8' }),
    ) as Tarball['manifest'];
    return {
      name: j.name,
      file,
      workspaceDir: ws.dir,
      manifest,
      size: j.size,
      unpackedSize: j.unpackedSize,
      entryCount: j.entryCount,
      files: j.files.map((f) => f.path),
    };
  });
  return { dir, packed };
}
