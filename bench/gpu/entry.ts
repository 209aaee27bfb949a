/**
 * The Node WebGPU bench process: tfjs-backend-webgpu over Dawn (npm `webgpu`) beside wasm in the
 * same process, the SDK's own GRU WebGPU kernel included (model/fused-gru.ts picks it on webgpu).
 * Run by `npm run bench -- --only node-webgpu` (bench/lib/node-webgpu.ts, SwiftShader here), by
 * test/node/webgpu-node.test.ts (--check-only) and, bundled by bench/gpu/kit.ts, on a GPU machine.
 *
 *   node --conditions=source --import tsx bench/gpu/entry.ts --out FILE [--runs 7] [--sweep 1,4]
 *     [--memory 10] [--strategies auto] [--check-only] [--where TEXT] [--models DIR] [--wasm-dir DIR]
 *     [--inputs rows.json] [--git COMMIT]
 *
 * Needs a Vulkan driver Dawn can load: VK_ICD_FILENAMES (or VK_DRIVER_FILES) naming its ICD json.
 */
import * as tf from '@tensorflow/tfjs-core';
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { fileURLToPath } from 'node:url';
import { initBackend } from '../../packages/sdk/src/backend/backends.ts';
import {
  type GruScanStrategy,
  setWebgpuGruStrategy,
  webgpuGruStrategy,
} from '../../packages/sdk/src/model/kernels/gru-webgpu.ts';
import { checkShipped } from './correctness.ts';
import { installWebgpu } from './dawn.ts';
import { type RecordingRows, recordingRows } from './inputs.ts';
import { measureBackend } from './measure.ts';
import type { BackendRun, NodeWebgpuResult } from './types.ts';

const argv = process.argv.slice(2);
const arg = (name: string, dflt: string): string => {
  const i = argv.indexOf(`--${name}`);
  return i >= 0 ? (argv[i + 1] ?? dflt) : dflt;
};
const numbers = (s: string): number[] =>
  s
    .split(',')
    .filter((x) => x !== '')
    .map(Number);
const round = (v: number): number => Math.round(v * 100) / 100;
const t0 = performance.now();
const log = (msg: string): void =>
  void process.stderr.write(`[node-webgpu ${((performance.now() - t0) / 1000).toFixed(0)} s] ${msg}\n`);

const out = arg('out', '');
if (out === '') throw new Error('--out FILE is required (the JSON result is written there)');
const checkOnly = argv.includes('--check-only');
const plan = { runs: Number(arg('runs', '7')), sweep: numbers(arg('sweep', '1,4')), memoryScorings: 0 };
const memoryScorings = Number(arg('memory', '10'));
const modelDir = arg('models', fileURLToPath(new URL('../../models/hirenet-demo', import.meta.url)));
const wasmDir = arg('wasm-dir', '');
const inputsFile = arg('inputs', '');

function gitCommit(): string {
  const given = arg('git', '');
  if (given !== '') return given;
  try {
    return execFileSync('git', ['rev-parse', 'HEAD'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
  } catch {
    return 'unknown';
  }
}

const startedAt = new Date().toISOString();
const loadAverageStart = loadavg().map(round);
const adapter = await installWebgpu();
log(
  `adapter ${adapter.vendor} / ${adapter.architecture} / ${adapter.description}` +
    ` (fallback ${String(adapter.isFallbackAdapter)}, software ${adapter.software})`,
);
const wasmPaths = wasmDir === '' ? undefined : `${wasmDir.replace(/\/?$/, '/')}`;
// The first initialisation's time per backend (the correctness check initialises both first).
const firstInit = new Map<string, number>();
const use = async (backend: 'wasm' | 'webgpu'): Promise<number> => {
  const { initMs } = await initBackend(backend, { wasmPaths });
  if (!firstInit.has(backend)) firstInit.set(backend, initMs);
  return firstInit.get(backend) ?? initMs;
};

const rec: RecordingRows | null =
  inputsFile !== '' ? (JSON.parse(readFileSync(inputsFile, 'utf8')) as RecordingRows) : recordingRows();
log(`correctness on the shipped models (${rec === null ? 'seeded rows: no ../shared' : rec.source}) …`);
const correctness = await checkShipped(modelDir, rec, async (b) => void (await use(b))).catch((e: unknown) => ({
  error: String(e).slice(0, 500),
}));
log('error' in correctness ? `correctness failed: ${correctness.error}` : `max |Δ| ${correctness.maxAbsDiff}`);

const runs: BackendRun[] = [];
const errors: { run: string; error: string }[] = [];
/** A run that throws is recorded and the next one goes on: partial results beat none on a rented GPU. */
async function attempt(run: string, fn: () => Promise<BackendRun>): Promise<void> {
  try {
    runs.push(await fn());
  } catch (e) {
    errors.push({ run, error: String(e).slice(0, 500) });
    log(`${run} failed: ${String(e)}`);
  }
}
if (!checkOnly) {
  await attempt('wasm', async () => measureBackend(await use('wasm'), { ...plan, memoryScorings }));
  let webgpuInitMs: number | null = null;
  try {
    webgpuInitMs = await use('webgpu');
  } catch (e) {
    errors.push({ run: 'webgpu init', error: String(e).slice(0, 500) });
  }
  // 'auto' is what the SDK picks on this adapter ('row' on SwiftShader, 'unit' elsewhere; it reads the
  // adapter of the active webgpu backend); the others are measured too where asked, once per layout.
  const asked = arg('strategies', adapter.software ? 'auto' : 'auto,row,unit').split(',');
  const seen = new Set<GruScanStrategy>();
  for (const s of webgpuInitMs === null ? [] : asked) {
    setWebgpuGruStrategy(s as GruScanStrategy | 'auto');
    const resolved = webgpuGruStrategy();
    if (seen.has(resolved)) continue;
    seen.add(resolved);
    const first = seen.size === 1;
    log(`webgpu (${s} → ${resolved}) …`);
    // Memory and init time once, on the layout the SDK picks.
    await attempt(`webgpu ${s}`, () =>
      measureBackend(first ? (webgpuInitMs ?? 0) : 0, { ...plan, memoryScorings: first ? memoryScorings : 0 }),
    );
  }
  setWebgpuGruStrategy('auto');
}

let wasm: NodeWebgpuResult['wasm'] = null;
try {
  await use('wasm');
  const flag = async (f: string): Promise<boolean> => Boolean(await tf.env().getAsync(f));
  wasm = { simd: await flag('WASM_HAS_SIMD_SUPPORT'), threads: await flag('WASM_HAS_MULTITHREAD_SUPPORT') };
} catch {
  // Recorded as null: the wasm run's own error (if any) is in `errors`.
}

const result: NodeWebgpuResult = {
  bench: 'hirenet-node-webgpu',
  where: arg(
    'where',
    adapter.software ? `This machine, no GPU (${adapter.architecture || 'software'})` : 'This machine',
  ),
  startedAt,
  gitCommit: gitCommit(),
  node: process.version,
  tfjs: tf.version_core,
  cpuModel: cpus()[0]?.model ?? 'unknown',
  cores: cpus().length,
  loadAverageStart,
  loadAverageEnd: loadavg().map(round),
  adapter,
  wasm,
  runs,
  correctness,
  errors,
  seconds: round((performance.now() - t0) / 1000),
};
writeFileSync(out, `${JSON.stringify(result, null, 2)}\n`);
for (const r of runs) {
  const six = r.scoring.answers6.medianMs.toFixed(1);
  const sw = r.sweep.map((p) => `${p.interviews}×: ${p.timing.medianMs.toFixed(1)}`).join(', ');
  log(`${r.backend}${r.strategy === null ? '' : ` (${r.strategy})`}: 6 answers ${six} ms; sweep ms ${sw}`);
}
log(`wrote ${out}${existsSync(out) ? '' : ' (missing?)'} in ${result.seconds} s`);
// Dawn keeps the event loop alive (its device poller); the result is written, so leave.
process.exit('error' in correctness || !correctness.pass ? 3 : 0);
