/**
 * `npm run bench [-- --quick] [-- --only node,chromium,train,audio]`: HireNet scoring latency on
 * every backend (Node and Chromium), the stock tf.layers BiGRU baseline, memory over repeated
 * scorings, training time per epoch and the audio real-time factor. Writes bench/results.json
 * and bench/RESULTS.md; --quick (under a minute: fewer repetitions, no SwiftShader rows) writes
 * bench/results.quick.json and bench/RESULTS.quick.md (git-ignored) so it never clobbers them.
 */
import * as tf from '@tensorflow/tfjs-core';
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { argv, stderr } from 'node:process';
import { fileURLToPath } from 'node:url';
import { benchConfig, WINDOWS } from '../test/browser/pages/bench-workload.ts';
import { benchAudio } from './lib/audio.ts';
import { benchLoop } from './lib/loop.ts';
import { startBrowserSession } from './lib/browser.ts';
import { machineInfo } from './lib/machine.ts';
import { benchNodeModel } from './lib/node-model.ts';
import { renderReport } from './lib/report.ts';
import { benchTraining } from './lib/train.ts';
import type { BackendRow, BenchResults } from './lib/types.ts';

const quick = argv.includes('--quick');
const onlyArg = argv.indexOf('--only');
const only = new Set(onlyArg >= 0 ? (argv[onlyArg + 1] ?? '').split(',') : ['loop', 'node', 'chromium', 'train', 'audio']);
// Per row: timed runs, baseline runs (0 skips), scorings in the memory check (0 skips).
// --quick keeps one memory check per runtime and skips what costs seconds per call here
// (stock BiGRU on cpu; SwiftShader webgl and webgpu, whose first calls compile for 10–15 s).
interface RowPlan {
  runs: number;
  baselineRuns: number;
  memoryScorings: number;
}
const plan = quick
  ? { trainInterviews: 9, audioSeconds: 3, auto: false, row: {
      'node wasm': { runs: 5, baselineRuns: 1, memoryScorings: 20 },
      'node cpu': { runs: 3, baselineRuns: 0, memoryScorings: 0 },
      'chromium wasm': { runs: 5, baselineRuns: 1, memoryScorings: 20 },
      'chromium cpu': { runs: 3, baselineRuns: 0, memoryScorings: 0 },
      'chromium webgl': null,
      'chromium webgpu': null,
    } as Record<string, RowPlan | null> }
  : { trainInterviews: 90, audioSeconds: 60, auto: true, row: {
      'node wasm': { runs: 15, baselineRuns: 3, memoryScorings: 100 },
      'node cpu': { runs: 15, baselineRuns: 3, memoryScorings: 100 },
      'chromium wasm': { runs: 15, baselineRuns: 3, memoryScorings: 100 },
      'chromium cpu': { runs: 15, baselineRuns: 3, memoryScorings: 100 },
      'chromium webgl': { runs: 7, baselineRuns: 3, memoryScorings: 100 },
      'chromium webgpu': { runs: 7, baselineRuns: 3, memoryScorings: 40 },
    } as Record<string, RowPlan | null> };
// --runs N / --baseline-runs N override the plan (e.g. to re-measure an old commit cheaply).
for (const [flag, key] of [['--runs', 'runs'], ['--baseline-runs', 'baselineRuns']] as const) {
  const i = argv.indexOf(flag);
  if (i >= 0) for (const r of Object.values(plan.row)) if (r !== null) r[key] = Number(argv[i + 1]);
}
// --backends webgpu,wasm limits the rows measured (others are kept from results.json, see below).
const backendsArg = argv.indexOf('--backends');
if (backendsArg >= 0) {
  const keep = new Set((argv[backendsArg + 1] ?? '').split(','));
  for (const key of Object.keys(plan.row)) if (!keep.has(key.split(' ')[1] ?? '')) plan.row[key] = null;
}
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

// --report re-renders RESULTS.md from the saved results.json (after a change to report.ts).
if (argv.includes('--report')) {
  const saved = JSON.parse(readFileSync(here('./results.json'), 'utf8')) as BenchResults;
  const prior = existsSync(here('./before.json')) ? (JSON.parse(readFileSync(here('./before.json'), 'utf8')) as BenchResults) : null;
  writeFileSync(here('./RESULTS.md'), renderReport(saved, prior));
  log('re-rendered bench/RESULTS.md');
  process.exit(0);
}

const t0 = performance.now();
const machine = machineInfo(tf.version_core);
log(`load average ${machine.loadAverageStart.join(' ')} on ${machine.cores} cores${quick ? ' (quick)' : ''}`);
const rows: BackendRow[] = [];
let auto: BenchResults['auto'] = null;

const loop = only.has('loop') ? benchLoop(quick ? 10 : 40) : null;

if (only.has('node')) {
  for (const backend of ['wasm', 'cpu'] as const) {
    log(`node ${backend} …`);
    const p = plan.row[`node ${backend}`];
    if (p == null) continue;
    try {
      rows.push({ runtime: 'node', ...(await benchNodeModel(backend, p.runs, p.baselineRuns, p.memoryScorings)) });
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
      const p = plan.row[`chromium ${backend}`];
      if (p == null) {
        if (backendsArg < 0) rows.push({ runtime: 'chromium', backend, error: 'skipped in --quick (shader compilation alone takes 10–15 s on SwiftShader)' });
        continue;
      }
      log(`chromium ${backend} …`);
      const r = await session.run({ backend, ...p }, quick ? 30_000 : 900_000);
      if ('selected' in r) throw new Error('unreachable: a backend run returned a selection');
      rows.push('error' in r ? { runtime: 'chromium', backend, error: r.error } : { runtime: 'chromium', backend: r.backend, scoring: r.scoring, baseline: r.baseline, memory: r.memory, initMs: r.initMs });
    }
    if (plan.auto && backendsArg < 0) {
      log('chromium auto (selectBackend) …');
      const r = await session.run({ backend: 'auto', runs: 0, baselineRuns: 0, memoryScorings: 0 }, 600_000);
      auto = 'selected' in r ? r : { error: 'error' in r ? r.error : 'no selection' };
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
  workload: { inputDim: benchConfig.inputDim, wordDim: benchConfig.wordDim, units: 32, windows: WINDOWS, plan: plan.row },
  loop,
  rows,
  auto,
  training,
  audio,
  pytorch: pytorch(),
  seconds: (performance.now() - t0) / 1000,
};
// With --only, sections not re-measured are kept from the previous results.json.
// --quick writes beside the committed full results instead of over them.
const resultsPath = here(quick ? './results.quick.json' : './results.json');
if (onlyArg >= 0 && existsSync(resultsPath)) {
  const prev = JSON.parse(readFileSync(resultsPath, 'utf8')) as BenchResults;
  const mutable = results as { -readonly [K in keyof BenchResults]: BenchResults[K] };
  if (!only.has('loop')) mutable.loop = prev.loop;
  if (!only.has('chromium') || backendsArg >= 0) mutable.auto = prev.auto;
  if (!only.has('train')) mutable.training = prev.training;
  if (!only.has('audio')) mutable.audio = prev.audio;
  const order = ['node wasm', 'node cpu', 'chromium wasm', 'chromium cpu', 'chromium webgl', 'chromium webgpu'];
  const key = (r: BackendRow): string => `${r.runtime} ${r.backend}`;
  const kept = prev.rows.filter((r) => !rows.some((n) => key(n) === key(r)));
  const plans = { ...prev.workload.plan };
  for (const [k, v] of Object.entries(plan.row)) if (v !== null) plans[k] = v;
  mutable.workload = { ...results.workload, plan: plans };
  const summary = (r: BenchResults, what: string) => ({ startedAt: r.machine.startedAt, gitCommit: r.machine.gitCommit, load: r.machine.loadAverageStart, what });
  mutable.combined = [...(prev.combined ?? [summary(prev, 'everything else')]), summary(results, [...only].join(',') + (backendsArg >= 0 ? ` (${argv[backendsArg + 1] ?? ''})` : ''))];
  mutable.rows = [...kept, ...rows].sort((a, b) => order.indexOf(key(a)) - order.indexOf(key(b)));
}
const beforePath = here('./before.json');
const before = existsSync(beforePath) ? (JSON.parse(readFileSync(beforePath, 'utf8')) as BenchResults) : null;
writeFileSync(resultsPath, `${JSON.stringify(results, null, 2)}\n`);
writeFileSync(here(quick ? './RESULTS.quick.md' : './RESULTS.md'), renderReport(results, before));
log(`done in ${results.seconds.toFixed(0)} s: ${quick ? 'bench/results.quick.json, bench/RESULTS.quick.md' : 'bench/results.json, bench/RESULTS.md'}`);
