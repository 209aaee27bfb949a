/**
 * `npm run bench:gpu-kit [-- --no-debs] [--test]`: writes bench/tmp/gpu-kit (git-ignored), everything the GPU
 * machine needs to run the Node WebGPU bench with no Node, no node_modules and no network there:
 *   node.xz        this Node binary, xz-compressed (run.sh unpacks it)
 *   dawn.node.xz   Dawn's Node binding from npm `webgpu` (linux-x64)
 *   bench.mjs      esbuild bundle of bench/gpu/entry.ts (SDK, tfjs-core, the wasm and webgpu backends)
 *   wasm/          tfjs-backend-wasm's binaries;  models/  the shipped models/hirenet-demo (audio, video)
 *   inputs.json    the audio descriptor rows of the shared recordings (numbers, not the recordings)
 *   debs/          libvulkan1 and the GL loaders as .deb (the device image has no Vulkan loader)
 *   run.sh         unpacks, points Vulkan at the NVIDIA driver, runs the bench, writes $OUT/node-webgpu.json
 * --test then runs `run.sh --local` here (SwiftShader instead of NVIDIA) and checks its JSON.
 * The device call and the merge are in bench/gpu/README.md.
 */
import { build } from 'esbuild';
import { execFileSync } from 'node:child_process';
import { copyFileSync, cpSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { recordingRows } from './inputs.ts';
import { runScript } from './run-script.ts';
import type { NodeWebgpuResult } from './types.ts';

const root = fileURLToPath(new URL('../..', import.meta.url));
const kit = join(root, 'bench/tmp/gpu-kit');
const require = createRequire(import.meta.url);
const log = (m: string): void => void process.stderr.write(`[gpu-kit] ${m}\n`);
/** Debian packages the device README names for Vulkan/EGL; only libvulkan1 matters to Dawn. */
const DEBS = ['libvulkan1', 'libegl1', 'libglvnd0', 'libopengl0', 'libgl1', 'libglx0', 'libgles2'];
const MiB = 1 << 20;

function xz(src: string, dst: string): void {
  // -T0 -6: a minute on 2 cores for the 99 MB Node binary, ~25 MB out.
  writeFileSync(dst, execFileSync('xz', ['-T0', '-6', '-c', src], { maxBuffer: 256 * MiB }));
}

function git(...args: string[]): string {
  return execFileSync('git', args, { cwd: root, encoding: 'utf8' }).trim();
}

function downloadDebs(dir: string): void {
  mkdirSync(dir, { recursive: true });
  const lists = '/tmp/hirenet-apt-amd64';
  mkdirSync(join(lists, 'partial'), { recursive: true });
  const o = ['-oAPT::Architecture=amd64', '-oAPT::Architectures=amd64', `-oDir::State::Lists=${lists}`];
  execFileSync('apt-get', [...o, '-qq', 'update'], { stdio: 'inherit' });
  execFileSync('apt-get', [...o, '-qq', 'download', ...DEBS], { cwd: dir, stdio: 'inherit' });
}

function sizeOf(path: string): number {
  const s = statSync(path);
  if (!s.isDirectory()) return s.size;
  return readdirSync(path).reduce((n, f) => n + sizeOf(join(path, f)), 0);
}

async function main(): Promise<void> {
  const argv = process.argv.slice(2);
  rmSync(kit, { recursive: true, force: true });
  mkdirSync(kit, { recursive: true });
  const dirty = git('status', '--porcelain', '--untracked-files=no') !== '';
  const commit = `${git('rev-parse', 'HEAD')}${dirty ? '+dirty' : ''}`;

  log('bundling bench/gpu/entry.ts …');
  await build({
    entryPoints: [join(root, 'bench/gpu/entry.ts')],
    outfile: join(kit, 'bench.mjs'),
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    conditions: ['source'],
    // node-fetch: tfjs-core requires it only where no global fetch exists (Node ≥ 18 has one).
    external: ['webgpu', 'node-fetch'],
    // The CommonJS parts (tfjs' wasm glue) call require and read __dirname.
    banner: {
      js: [
        "import { createRequire as __cr } from 'node:module';",
        "import { fileURLToPath as __fu } from 'node:url';",
        'const require = __cr(import.meta.url);',
        'const __filename = __fu(import.meta.url);',
        "const __dirname = __filename.replace(/\\/[^/]*$/, '');",
      ].join('\n'),
    },
    logLevel: 'warning',
  });

  const wasmDist = join(require.resolve('@tensorflow/tfjs-backend-wasm/package.json'), '../dist');
  mkdirSync(join(kit, 'wasm'));
  for (const f of readdirSync(wasmDist).filter((n) => n.endsWith('.wasm')))
    copyFileSync(join(wasmDist, f), join(kit, 'wasm', f));
  for (const m of ['audio', 'video'])
    cpSync(join(root, 'models/hirenet-demo', m), join(kit, 'models', m), {
      recursive: true,
      filter: (src) => !src.endsWith('eval-fresh.json'),
    });
  const rows = recordingRows();
  if (rows === null) log('no ../shared: the device checks the audio model on seeded rows instead of recordings');
  else writeFileSync(join(kit, 'inputs.json'), JSON.stringify(rows));

  const webgpu = JSON.parse(readFileSync(require.resolve('webgpu/package.json'), 'utf8')) as { version: string };
  log('compressing dawn.node and node (xz) …');
  xz(join(require.resolve('webgpu/package.json'), '../dist/linux-x64/dawn.node'), join(kit, 'dawn.node.xz'));
  xz(process.execPath, join(kit, 'node.xz'));
  if (!argv.includes('--no-debs')) {
    log(`downloading ${DEBS.join(', ')} (.deb, amd64) …`);
    downloadDebs(join(kit, 'debs'));
  }
  writeFileSync(
    join(kit, 'run.sh'),
    runScript({ commit, dawn: `webgpu@${webgpu.version}`, node: process.version, inputs: rows !== null }),
    { mode: 0o755 },
  );
  const total = sizeOf(kit);
  for (const f of readdirSync(kit)) log(`  ${f}: ${(sizeOf(join(kit, f)) / MiB).toFixed(1)} MiB`);
  log(`bench/tmp/gpu-kit: ${(total / MiB).toFixed(1)} MiB (the device call carries 64 MiB at most, tree included)`);
  if (total > 48 * MiB) throw new Error(`the kit is ${(total / MiB).toFixed(1)} MiB: too close to the 64 MiB limit`);

  if (argv.includes('--test')) {
    log('testing: run.sh --local (SwiftShader) …');
    const out = join(kit, 'out');
    execFileSync('sh', [join(kit, 'run.sh'), '--local'], { stdio: 'inherit', env: { ...process.env, OUT: out } });
    const r = JSON.parse(readFileSync(join(out, 'node-webgpu.json'), 'utf8')) as NodeWebgpuResult;
    if ('error' in r.correctness || !r.correctness.pass) throw new Error('kit test: the correctness check failed');
    if (r.runs.length < 2) throw new Error(`kit test: ${r.runs.length} backend runs, expected wasm and webgpu`);
    log(`kit test passed: ${r.where}; max |Δ| ${r.correctness.maxAbsDiff.toExponential(2)}; ${r.seconds} s`);
    rmSync(out, { recursive: true, force: true });
  }
}

await main();
