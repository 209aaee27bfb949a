/**
 * `npm run bench [-- --quick] [-- --only node,chromium,train,audio]`: HireNet scoring latency on
 * every backend (Node and Chromium), the stock tf.layers BiGRU baseline, memory over repeated
 * scorings, training time per epoch and the audio real-time factor. Writes bench/results.json
 * and bench/RESULTS.md. --quick (under a minute) trims repetitions and skips the slowest rows.
 */
import * as tf from '@tensorflow/tfjs-core';
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { argv, stderr } from 'node:process';
import { fileURLToPath } from 'node:url';
import { benchConfig, WINDOWS } from '../test/browser/pages/bench-workload.ts';
import { benchAudio } from './lib/audio.ts';
import { startBrowserSession } from './lib/browser.ts';
import { machineInfo } from './lib/machine.ts';
import { benchNodeModel } from './lib/node-model.ts';
import { renderReport } from './lib/report.ts';
import { benchTraining } from './lib/train.ts';
import type { BackendRow, BenchResults } from './lib/types.ts';

const quick = argv.includes('--quick');
const onlyArg = argv.indexOf('--only');
const only = new Set(onlyArg >= 0 ? (argv[onlyArg + 1] ?? '').split(',') : ['node', 'chromium', 'train', 'audio']);
const plan = quick
  ? { runs: 5, baselineRuns: 1, memoryScorings: 20, trainInterviews: 18, audioSeconds: 5, slowBaselines: false }
  : { runs: 15, baselineRuns: 3, memoryScorings: 100, trainInterviews: 90, audioSeconds: 60, slowBaselines: true };
const here = (rel: string): string => fileURLToPath(new URL(rel, import.meta.url));
const log = (msg: string): void => void stderr.write(`[bench] ${msg}\n`);
const round = (v: number): number => Math.round(v * 100) / 100;

function pytorch(): BenchResults['pytorch'] {
  try {
    execFileSync('python3', ['-c', 'import torch'], { stdio: 'ignore' });
  } catch {
    return { available: false, reason: 'torch is not importable here (`python3 -c "import torch"` fails) and PyPI is unreachable, so the issue\'s PyTorch ratio cannot be measured on this machine' };
  }
  return { available: false, reason: 'torch is importable but the PyTorch HireNet port is not written yet' };
}

const t0 = performance.now();
const machine = machineInfo(tf.version_core);
log(`load average ${machine.loadAverageStart.join(' ')} on ${machine.cores} cores${quick ? ' (quick)' : ''}`);
const rows: BackendRow[] = [];

if (only.has('node')) {
  for (const backend of ['wasm', 'cpu'] as const) {
    log(`node ${backend} …`);
    try {
      const baselineRuns = backend === 'cpu' && !plan.slowBaselines ? 0 : plan.baselineRuns;
      rows.push({ runtime: 'node', ...(await benchNodeModel(backend, plan.runs, baselineRuns, plan.memoryScorings)) });
    } catch (e) {
      rows.push({ runtime: 'node', backend, error: String(e) });
    }
  }
}

if (only.has('chromium')) {
  log('chromium …');
  const session = await startBrowserSession();
  try {
    (machine as { chromium: string | null }).chromium = session.version;
    for (const backend of ['wasm', 'cpu', 'webgl', 'webgpu'] as const) {
      log(`chromium ${backend} …`);
      // On SwiftShader the stock BiGRU takes seconds per call: only the full run measures it there.
      const slow = backend === 'webgl' || backend === 'webgpu' || backend === 'cpu';
      const baselineRuns = slow && !plan.slowBaselines ? 0 : plan.baselineRuns;
      const r = await session.run({ backend, runs: plan.runs, baselineRuns, memoryScorings: plan.memoryScorings }, quick ? 30_000 : 300_000);
      rows.push('error' in r ? { runtime: 'chromium', backend, error: r.error } : { runtime: 'chromium', backend: r.backend, scoring: r.scoring, baseline: r.baseline, memory: r.memory, initMs: r.initMs });
    }
  } finally {
    await session.close();
  }
}

let training: BenchResults['training'] = null;
if (only.has('train')) {
  log(`training, ${plan.trainInterviews} interviews …`);
  try {
    training = await benchTraining('wasm', plan.trainInterviews);
  } catch (e) {
    training = { error: String(e) };
  }
}

let audio: BenchResults['audio'] = null;
if (only.has('audio')) {
  log('audio …');
  audio = await benchAudio(plan.audioSeconds);
}

machine.loadAverageEnd = loadavg().map(round);
const results: BenchResults = {
  bench: 'hirenet',
  quick,
  machine,
  workload: { inputDim: benchConfig.inputDim, wordDim: benchConfig.wordDim, units: 32, windows: WINDOWS, runs: plan.runs, baselineRuns: plan.baselineRuns, memoryScorings: plan.memoryScorings },
  rows,
  training,
  audio,
  pytorch: pytorch(),
  seconds: (performance.now() - t0) / 1000,
};
const beforePath = here('./before.json');
const before = existsSync(beforePath) ? (JSON.parse(readFileSync(beforePath, 'utf8')) as BenchResults) : null;
writeFileSync(here('./results.json'), `${JSON.stringify(results, null, 2)}\n`);
writeFileSync(here('./RESULTS.md'), renderReport(results, before));
log(`done in ${results.seconds.toFixed(0)} s: bench/results.json, bench/RESULTS.md`);
