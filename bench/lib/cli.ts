/**
 * `hirenet analyze` end to end (issue #15: ≤ 2× the media duration, ≤ 500 MB for a ~7-s clip),
 * one question, one shared clip with face and voice, in up to four forms:
 * - compiled: the CLI's sources bundled to plain JS (esbuild, into bench/tmp/cli-compiled/) and run
 *   by node, as the published package runs its dist/ (no tsx); the headline result;
 * - full browser: the compiled form with HIRENET_CHROMIUM=/usr/bin/chromium, where the CLI would otherwise
 *   pick Debian's headless shell (packages/cli/src/chromium-path.ts): the same run on the desktop browser;
 * - checkout: `node packages/cli/bin/hirenet.js`, which runs the TypeScript sources through tsx;
 * - packed: the published package itself — `npm run build:packages`, `npm pack`, installed offline
 *   into a temp dir as test/outside does — its bin run by node: what a user of @hirenet/cli runs
 *   (its dist/ as built, its prebuilt analyze page, the model the SDK package ships).
 * Every form gets the face model by path: the installed package has no ../shared beside it.
 * Per run: wall time from spawn to exit, and the peaks of the whole process tree's summed PSS, RSS
 * and anonymous memory (the CLI's Node process, Chromium and all its children), sampled every
 * 100 ms from /proc (proc-tree.ts), with the PSS per process at the PSS peak. One untimed first run
 * of each builds the CLI page if the sources changed since the last build (`firstWallMs`); then
 * `runs` timed runs of each, interleaved, whose medians are the result.
 */
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { build } from 'esbuild';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromiumCandidate, SYSTEM_CHROMIUM } from '../../packages/cli/src/chromium-path.ts';
import { sharedMissing, sharedPath } from '../../test/browser/harness/paths.ts';
import { installOffline, writeHostManifest } from '../../test/outside/host-install.ts';
import { packAll } from '../../test/outside/pack.ts';
import { median } from '../pages/bench-workload.ts';
import { runSampled, type TreeRun } from './proc-tree.ts';
import type { Skipped } from './types.ts';

export const CLI_CLIP = 'fixtures/video/vrt_face_4.mp4';
/** The clip's duration (ffprobe: 6.633 s, 700×700 H.264 at 30 fps with AAC audio). */
export const CLI_CLIP_SECONDS = 6.633;
export const CLI_TIME_TARGET = 2;
export const CLI_MEMORY_TARGET = 500e6;

export interface CliRun {
  readonly wallMs: number;
  readonly peakPss: number;
  readonly peakRss: number;
  readonly peakAnon?: number;
  readonly processes: number;
  /** PSS per process at the PSS peak, largest first. */
  readonly atPeak?: { role: string; pss: number }[];
}

export interface CliResult {
  readonly clip: string;
  readonly seconds: number;
  readonly runs: CliRun[];
  readonly wallMedianMs: number;
  /** Median wall time ÷ clip duration; target ≤ 2. */
  readonly timeRatio: number;
  readonly pssMedian: number;
  readonly rssMedian: number;
  readonly anonMedian?: number;
  /** 'compiled' (as the published package runs) or 'checkout' (tsx); absent in results before both were run. */
  readonly form?: 'compiled' | 'checkout';
  /** The same measure of the other form: `node packages/cli/bin/hirenet.js` through tsx. */
  readonly checkout?: Omit<CliResult, 'checkout' | 'packed' | 'load' | 'clip' | 'seconds'>;
  /** The same measure of the packed and installed package (absent in results before it was run). */
  readonly packed?: Omit<CliResult, 'checkout' | 'packed' | 'load' | 'clip' | 'seconds'>;
  /** The Chromium the CLI picks here (absent in results before it was recorded). */
  readonly browser?: { path: string; source: string; version: string };
  /** The compiled form on the full browser, where the CLI picks the headless shell. */
  readonly fullBrowser?: Omit<CliResult, 'checkout' | 'packed' | 'load' | 'clip' | 'seconds'>;
  /** The untimed first run (includes building the CLI page when its sources changed). */
  readonly firstWallMs: number;
  readonly load: { start: number[]; end: number[] };
}

const repoRoot = fileURLToPath(new URL('../../', import.meta.url));
const round2 = (v: number): number => Math.round(v * 100) / 100;

/** The CLI's sources as plain JS, three folders deep like packages/cli/src/ (its paths are relative to it). */
async function compileCli(): Promise<string> {
  const outdir = join(repoRoot, 'bench/tmp/cli-compiled');
  await rm(outdir, { recursive: true, force: true });
  await build({
    entryPoints: [join(repoRoot, 'packages/cli/src/main.ts')],
    outdir,
    bundle: true,
    splitting: true,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    conditions: ['source'],
    // What the published package takes from node_modules (and the page build's tools, used only
    // when the page must be rebuilt).
    external: ['playwright-core', 'esbuild', 'vite', 'tsx', '@sparticuz/chromium'],
    banner: { js: "import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);" },
    logLevel: 'error',
  });
  return join(outdir, 'main.js');
}

/**
 * The published package as a user gets it: built, packed and installed offline into `dir` (the
 * lockfile derived from the workspace's, test/outside/host-install.ts). Returns its bin.
 */
async function installPackedCli(dir: string, log: (m: string) => void): Promise<string> {
  const t0 = performance.now();
  // Output piped, not inherited: the bench's own stdout stays clean.
  execFileSync('npm', ['run', 'build:packages'], { cwd: repoRoot, stdio: ['ignore', 'pipe', 'pipe'] });
  const { dir: packDir, packed } = packAll();
  try {
    const app = join(dir, 'packed-app');
    await mkdir(app);
    writeHostManifest(app, join(repoRoot, 'package-lock.json'), packed, { deps: ['@hirenet/cli'], devDeps: [] });
    installOffline(app);
  } finally {
    await rm(packDir, { recursive: true, force: true });
  }
  log(`cli: built, packed and installed @hirenet/cli in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
  return join(dir, 'packed-app/node_modules/@hirenet/cli/bin/hirenet.js');
}

/** The Chromium `hirenet analyze` launches here, and its version. */
function pickedBrowser(): CliResult['browser'] {
  const c = chromiumCandidate({ headlessShell: true });
  if ('missing' in c) return undefined;
  let version = 'unknown';
  try {
    version = execFileSync(c.path, ['--version'], { encoding: 'utf8', timeout: 30_000 }).trim();
  } catch {
    // The npm shell needs its launcher's environment for --version; the path says which it is.
  }
  return { ...c, version };
}

function summary(timed: readonly TreeRun[], first: TreeRun) {
  const runs: CliRun[] = timed.map((r) => ({
    wallMs: r.wallMs,
    peakPss: r.peakPss,
    peakRss: r.peakRss,
    peakAnon: r.peakAnon,
    processes: r.peakProcesses,
    atPeak: r.atPeak,
  }));
  const wallMedianMs = median(runs.map((r) => r.wallMs));
  return {
    runs,
    wallMedianMs,
    timeRatio: wallMedianMs / 1000 / CLI_CLIP_SECONDS,
    pssMedian: median(runs.map((r) => r.peakPss)),
    rssMedian: median(runs.map((r) => r.peakRss)),
    anonMedian: median(runs.map((r) => r.peakAnon ?? 0)),
    firstWallMs: first.wallMs,
  };
}

export async function benchCli(runs: number, log: (m: string) => void): Promise<CliResult | Skipped> {
  const missing = sharedMissing(CLI_CLIP, 'models/face_landmarker.task');
  if (missing !== undefined) return { skipped: missing };
  const dir = await mkdtemp(join(tmpdir(), 'hirenet-bench-cli-'));
  const start = loadavg().map(round2);
  try {
    const compiled = await compileCli();
    const packed = await installPackedCli(dir, log);
    const face = ['--face-model', sharedPath('models/face_landmarker.task')];
    const browser = pickedBrowser();
    const full = browser?.source === 'system-headless-shell' && existsSync(SYSTEM_CHROMIUM);
    const once = async (form: Form): Promise<TreeRun> => {
      const args = [forms[form], 'analyze', '--job', 'Engineer', '--question', 'Why this role?', ...face];
      const env = form === 'fullBrowser' ? { ...process.env, HIRENET_CHROMIUM: SYSTEM_CHROMIUM } : process.env;
      const r = await runSampled(
        process.execPath,
        [...args, sharedPath(CLI_CLIP), '--out', join(dir, 'r.html')],
        repoRoot,
        env,
      );
      if (r.code !== 0) throw new Error(`hirenet analyze exited ${r.code}: ${r.stderr.slice(-500)}`);
      return r;
    };
    const forms = { compiled, fullBrowser: compiled, checkout: 'packages/cli/bin/hirenet.js', packed } as const;
    type Form = keyof typeof forms;
    const order: Form[] = full ? ['compiled', 'fullBrowser', 'checkout', 'packed'] : ['compiled', 'checkout', 'packed'];
    log(`cli: first runs (build the CLI page if its sources changed); the CLI picks ${browser?.path ?? 'no Chromium'}`);
    const first = {} as Record<Form, TreeRun>;
    for (const form of order) first[form] = await once(form);
    const timed: Record<Form, TreeRun[]> = { compiled: [], fullBrowser: [], checkout: [], packed: [] };
    for (let i = 0; i < runs; i++) {
      for (const form of order) {
        const r = await once(form);
        timed[form].push(r);
        const pss = (r.peakPss / 1e6).toFixed(0);
        log(`cli ${form}: run ${i + 1}/${runs}: ${(r.wallMs / 1000).toFixed(1)} s, PSS ${pss} MB`);
      }
    }
    return {
      clip: CLI_CLIP.split('/').pop()!,
      seconds: CLI_CLIP_SECONDS,
      form: 'compiled',
      ...summary(timed.compiled, first.compiled),
      checkout: summary(timed.checkout, first.checkout),
      packed: summary(timed.packed, first.packed),
      ...(browser === undefined ? {} : { browser }),
      ...(full ? { fullBrowser: summary(timed.fullBrowser, first.fullBrowser) } : {}),
      load: { start, end: loadavg().map(round2) },
    };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
