/**
 * The three host apps, each made in a fresh folder outside the workspace from the files in
 * hosts/ and the packed tarballs, the way docs/session-api.md ("Install", "Embedding") tells a
 * site to: install, `npx hirenet assets --out <web root>/hirenet`, put the face model (a user
 * download) beside them, build.
 */
import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { repoRoot, sharedPath } from '../browser/harness/paths.ts';
import { footprint, installOffline, writeHostManifest, type Footprint } from './host-install.ts';
import type { Packed } from './pack.ts';

const hostsDir = join(dirname(fileURLToPath(import.meta.url)), 'hosts');
export const FACE_MODEL = 'models/face_landmarker.task';

export type HostKind = 'vite' | 'esbuild' | 'plain';

export interface HostApp {
  readonly kind: HostKind;
  readonly dir: string;
  /** The folder a static web server serves (the build output). */
  readonly webRoot: string;
  readonly installSeconds: number;
  readonly buildSeconds: number;
  /** node_modules after installing the app's dependencies (SDK, CLI, and the bundler for two of them). */
  readonly footprint: Footprint;
}

/** Runs a command in the app folder; a failure throws with its output (a tsc error list, a bundler error). */
export function sh(dir: string, cmd: string, args: readonly string[]): string {
  try {
    return execFileSync(cmd, args, { cwd: dir, encoding: 'utf8', stdio: 'pipe', maxBuffer: 64 * 1024 * 1024 });
  } catch (e) {
    const err = e as { stdout?: string; stderr?: string };
    throw new Error(`${cmd} ${args.join(' ')} failed in ${dir}:\n${err.stdout ?? ''}${err.stderr ?? ''}`);
  }
}

function page(script: string): string {
  return readFileSync(join(hostsDir, 'page.html'), 'utf8').replace('<!--SCRIPT-->', script);
}

/** `npx hirenet assets --out <dir> --face-model <the user's download>` (the documented step). */
function copyAssets(appDir: string, out: string): void {
  sh(appDir, 'npx', ['--no-install', 'hirenet', 'assets', '--out', out, '--face-model', sharedPath(FACE_MODEL)]);
}

/** Files of the app; returns the web root and the assets folder relative to the app, and the build's argv. */
function scaffold(kind: HostKind, dir: string): { webRoot: string; assets: string; build: string[] } {
  const interview = readFileSync(join(hostsDir, 'interview.ts'), 'utf8');
  switch (kind) {
    case 'vite':
      // The create-vite vanilla-ts layout: index.html at the root, src/main.ts, public/ copied as is.
      mkdirSync(join(dir, 'src'));
      writeFileSync(join(dir, 'index.html'), page('<script type="module" src="/src/main.ts"></script>'));
      writeFileSync(join(dir, 'src/main.ts'), interview);
      copyFileSync(join(hostsDir, 'tsconfig.vite.json'), join(dir, 'tsconfig.json'));
      return {
        webRoot: 'dist',
        assets: 'public/hirenet',
        build: ['sh', '-c', 'npx --no-install tsc && npx --no-install vite build'],
      };
    case 'esbuild':
      mkdirSync(join(dir, 'src'));
      mkdirSync(join(dir, 'public'));
      writeFileSync(join(dir, 'public/index.html'), page('<script type="module" src="./app.js"></script>'));
      writeFileSync(join(dir, 'src/main.ts'), interview);
      copyFileSync(join(hostsDir, 'tsconfig.esbuild.json'), join(dir, 'tsconfig.json'));
      return {
        webRoot: 'public',
        assets: 'public/hirenet',
        build: [
          'sh',
          '-c',
          'npx --no-install tsc -p tsconfig.json && ' +
            'npx --no-install esbuild src/main.ts --bundle --format=esm --target=es2022 --outfile=public/app.js',
        ],
      };
    case 'plain':
      // No build: the page imports the SDK's browser bundle, copied beside the assets.
      writeFileSync(join(dir, 'index.html'), page(readFileSync(join(hostsDir, 'plain-script.html'), 'utf8')));
      return {
        webRoot: '.',
        assets: 'hirenet',
        build: ['cp', 'node_modules/@hirenet/sdk/dist/bundle/index.js', 'hirenet/hirenet-sdk.js'],
      };
  }
}

const DEPS: Record<HostKind, { deps: string[]; devDeps: string[] }> = {
  vite: { deps: ['@hirenet/sdk'], devDeps: ['@hirenet/cli', 'vite', 'typescript'] },
  esbuild: { deps: ['@hirenet/sdk'], devDeps: ['@hirenet/cli', 'esbuild', 'typescript'] },
  plain: { deps: ['@hirenet/sdk'], devDeps: ['@hirenet/cli'] },
};

/** What installing only `deps` (e.g. the SDK alone, as a site's runtime dependency) puts in node_modules. */
export function measureInstall(deps: string[], packed: readonly Packed[]): Footprint & { seconds: number } {
  const dir = realpathSync(mkdtempSync(join(tmpdir(), 'hirenet-outside-install-')));
  try {
    writeHostManifest(dir, join(repoRoot, 'package-lock.json'), packed, { deps, devDeps: [] });
    const seconds = installOffline(dir);
    return { ...footprint(dir), seconds };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * Makes, installs and builds one host app. A failure removes the app (hundreds of MB in the temp
 * dir) unless HIRENET_OUTSIDE_KEEP=1, which keeps it and names it in the error for a look by hand.
 */
export function makeHost(kind: HostKind, packed: readonly Packed[]): HostApp {
  const dir = realpathSync(mkdtempSync(join(tmpdir(), `hirenet-outside-${kind}-`)));
  try {
    const { webRoot, assets, build } = scaffold(kind, dir);
    writeHostManifest(dir, join(repoRoot, 'package-lock.json'), packed, DEPS[kind]);
    const installSeconds = installOffline(dir);
    copyAssets(dir, assets);
    const t0 = Date.now();
    sh(dir, build[0]!, build.slice(1));
    return {
      kind,
      dir,
      webRoot: join(dir, webRoot),
      installSeconds,
      buildSeconds: (Date.now() - t0) / 1000,
      footprint: footprint(dir),
    };
  } catch (e) {
    if (process.env['HIRENET_OUTSIDE_KEEP'] === '1')
      throw new Error(`${String(e)}
(kept: ${dir})`);
    rmSync(dir, { recursive: true, force: true });
    throw e;
  }
}
