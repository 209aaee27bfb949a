/**
 * Installs packed tarballs into a host app outside the workspace, offline, and measures what the
 * install left on disk.
 *
 * Why a lockfile: npm 11 (11.19 here) builds a fresh install's tree from *full* packuments
 * (`Accept: application/json`), while the cache a workspace `npm install`/`npm ci` leaves holds the
 * abbreviated ones (`application/vnd.npm.install-v1+json`) or none at all. A plain
 * `npm install --offline <tarballs> vite` therefore fails with ENOTCACHED even though every tarball is
 * cached. With a lockfile npm only needs the tarballs, which `npm ci` in the workspace did cache. The
 * lockfile is derived from the workspace's own package-lock.json: the host gets exactly the versions
 * the workspace tests ran with, the way an app that commits its lockfile does.
 */
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';

interface LockEntry {
  version?: string;
  resolved?: string;
  integrity?: string;
  link?: boolean;
  dev?: boolean;
  dependencies?: Record<string, string>;
  optionalDependencies?: Record<string, string>;
  peerDependencies?: Record<string, string>;
  peerDependenciesMeta?: Record<string, { optional?: boolean }>;
  [key: string]: unknown;
}

/** A packed workspace package: its name, the tarball and the package.json inside it. */
export interface Tarball {
  readonly name: string;
  readonly file: string;
  /** Workspace folder relative to the repo root, e.g. packages/sdk (where its own deps resolve from). */
  readonly workspaceDir: string;
  readonly manifest: {
    version: string;
    dependencies?: Record<string, string>;
    bin?: Record<string, string>;
    license?: string;
  };
}

export interface HostPackage {
  readonly dependencies: Record<string, string>;
  readonly devDependencies: Record<string, string>;
}

function integrityOf(file: string): string {
  return `sha512-${createHash('sha512').update(readFileSync(file)).digest('base64')}`;
}

/**
 * package.json + package-lock.json for `appDir`: `deps`/`devDeps` name → tarball or a version range
 * the workspace lockfile has. Tarballs are referenced as `file:` paths relative to the app.
 */
export function writeHostManifest(
  appDir: string,
  rootLockFile: string,
  tarballs: readonly Tarball[],
  pkg: { deps: readonly string[]; devDeps: readonly string[] },
): void {
  const root = JSON.parse(readFileSync(rootLockFile, 'utf8')).packages as Record<string, LockEntry>;
  const ours = new Map(tarballs.map((t) => [t.name, t]));
  const rangeOf = (name: string): string => {
    const t = ours.get(name);
    if (t !== undefined) return `file:${relative(appDir, t.file)}`;
    const e = root[`node_modules/${name}`];
    if (e?.version === undefined) throw new Error(`${name} is not in the workspace lockfile`);
    return e.version;
  };
  const manifest: HostPackage = {
    dependencies: Object.fromEntries(pkg.deps.map((n) => [n, rangeOf(n)])),
    devDependencies: Object.fromEntries(pkg.devDeps.map((n) => [n, rangeOf(n)])),
  };
  const name = 'outside-host';
  writeFileSync(
    join(appDir, 'package.json'),
    `${JSON.stringify({ name, version: '1.0.0', private: true, type: 'module', ...manifest }, null, 2)}\n`,
  );

  const lock: Record<string, LockEntry> = { '': { name, version: '1.0.0', ...manifest } };
  // Node's resolution inside the workspace lockfile: from `from` upwards to the root node_modules.
  const find = (from: string, dep: string): string | undefined => {
    let p = from;
    for (;;) {
      const key = `${p === '' ? '' : `${p}/`}node_modules/${dep}`;
      if (root[key] !== undefined && root[key].link !== true) return key;
      if (p === '') return undefined;
      const i = p.lastIndexOf('/node_modules/');
      p = i < 0 ? '' : p.slice(0, i);
    }
  };
  // Workspace folders map to where the tarball lands in the host (packages/sdk → node_modules/@hirenet/sdk).
  const hostPath = (key: string): string => {
    for (const t of tarballs)
      if (key.startsWith(`${t.workspaceDir}/`)) return `node_modules/${t.name}/${key.slice(t.workspaceDir.length + 1)}`;
    return key;
  };
  const queue: { from: string; dep: string; optional: boolean }[] = [...pkg.deps, ...pkg.devDeps].map((dep) => ({
    from: '',
    dep,
    optional: false,
  }));
  const missing: string[] = [];
  while (queue.length > 0) {
    const { from, dep, optional } = queue.shift()!;
    const t = ours.get(dep);
    let key: string;
    let entry: LockEntry;
    if (t !== undefined) {
      key = `node_modules/${dep}`;
      entry = {
        version: t.manifest.version,
        resolved: `file:${relative(appDir, t.file)}`,
        integrity: integrityOf(t.file),
        ...(t.manifest.license === undefined ? {} : { license: t.manifest.license }),
        ...(t.manifest.dependencies === undefined ? {} : { dependencies: t.manifest.dependencies }),
        ...(t.manifest.bin === undefined ? {} : { bin: t.manifest.bin }),
      };
    } else {
      const found = find(from, dep);
      if (found === undefined) {
        // Other platforms' optional binaries (esbuild, rolldown, lightningcss) are not in a Linux lockfile.
        if (!optional) missing.push(`${dep} (needed by ${from || 'the host'})`);
        continue;
      }
      key = hostPath(found);
      const { dev: _dev, ...rest } = root[found]!;
      entry = rest;
    }
    if (lock[key] !== undefined) continue;
    lock[key] = entry;
    const at = t === undefined ? find(from, dep)! : t.workspaceDir;
    for (const d of Object.keys(entry.dependencies ?? {})) queue.push({ from: at, dep: d, optional: false });
    for (const d of Object.keys(entry.optionalDependencies ?? {})) queue.push({ from: at, dep: d, optional: true });
    for (const d of Object.keys(entry.peerDependencies ?? {}))
      if (entry.peerDependenciesMeta?.[d]?.optional !== true) queue.push({ from: at, dep: d, optional: false });
  }
  if (missing.length > 0) throw new Error(`the workspace lockfile lacks: ${missing.join(', ')}`);
  writeFileSync(
    join(appDir, 'package-lock.json'),
    `${JSON.stringify({ name, version: '1.0.0', lockfileVersion: 3, requires: true, packages: lock }, null, 2)}\n`,
  );
}

/** `npm install --offline` in `appDir`; throws with npm's own message (e.g. ENOTCACHED and the URL). */
export function installOffline(appDir: string): number {
  const t0 = Date.now();
  try {
    execFileSync('npm', ['install', '--offline', '--no-audit', '--no-fund', '--loglevel=error'], {
      cwd: appDir,
      stdio: 'pipe',
      encoding: 'utf8',
    });
  } catch (e) {
    const err = e as { stderr?: string; stdout?: string };
    throw new Error(`npm install --offline failed in ${appDir}:\n${err.stderr ?? ''}${err.stdout ?? ''}`);
  }
  return (Date.now() - t0) / 1000;
}

export interface Footprint {
  /** Packages npm installed (node_modules/.package-lock.json entries). */
  readonly packages: number;
  /** Bytes of the files under node_modules (apparent size, not blocks). */
  readonly bytes: number;
  /** Names of the installed packages, sorted, duplicates once. */
  readonly names: readonly string[];
}

function bytesUnder(dir: string): number {
  let sum = 0;
  for (const d of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, d.name);
    if (d.isDirectory()) sum += bytesUnder(p);
    else if (d.isFile()) sum += statSync(p).size;
  }
  return sum;
}

export function footprint(appDir: string): Footprint {
  const lock = JSON.parse(readFileSync(join(appDir, 'node_modules/.package-lock.json'), 'utf8'));
  const paths = Object.keys(lock.packages as object).filter((k) => k !== '');
  const names = new Set(paths.map((k) => k.slice(k.lastIndexOf('node_modules/') + 'node_modules/'.length)));
  return { packages: paths.length, bytes: bytesUnder(join(appDir, 'node_modules')), names: [...names].sort() };
}
