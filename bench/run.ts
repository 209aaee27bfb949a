/**
 * `npm run bench [-- --quick]
 *   [-- --only loop,node,chromium,pytorch,train,audio,video,session,bytes,agreement,live,cli,node-webgpu]`:
 * HireNet scoring latency on every backend (Node and Chromium), the stock tf.layers BiGRU
 * baseline, memory over repeated scorings, training time per epoch, the audio real-time factor,
 * face analysis speed (file and live), long tasks and endAnswer() → result() through the session
 * API, the bytes the embed page downloads, live-vs-file agreement and test–retest (agreement), and the 1 + 5
 * live room (connection times, interviewer CPU, received fps, cue latency; live), and `hirenet analyze` end to end
 * (time and peak memory of its process tree; cli), and WebGPU in Node over Dawn beside wasm (node-webgpu). Writes
 * bench/results.json and bench/RESULTS.md;
 * --quick (under a minute: fewer repetitions, no SwiftShader rows, short video, no session or
 * bytes) writes bench/results.quick.json and bench/RESULTS.quick.md (git-ignored) instead.
 * `--train-full` (opt-in, ~20+ min) times one real epoch on 5,000 interviews; alone it measures
 * only that and merges it into the results (`--train-full-interviews N` shrinks the draw).
 */
import * as tf from '@tensorflow/tfjs-core';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { argv, stderr } from 'node:process';
import { fileURLToPath } from 'node:url';
import { benchConfig, WINDOWS } from './pages/bench-workload.ts';
import { AGREEMENT_CLIPS, benchAgreement } from './lib/agreement.ts';
import { benchAudio } from './lib/audio.ts';
import { benchCli } from './lib/cli.ts';
import { benchLive } from './lib/live.ts';
import { benchLoop } from './lib/loop.ts';
import { benchPytorch } from './lib/pytorch.ts';
import { startBrowserSession } from './lib/browser.ts';
import { machineInfo } from './lib/machine.ts';
import { benchMedia } from './lib/media.ts';
import { mergeResults } from './lib/merge.ts';
import { benchNodeModel } from './lib/node-model.ts';
import { benchNodeWebgpu } from './lib/node-webgpu.ts';
import { renderReport } from './lib/report.ts';
import { benchTraining } from './lib/train.ts';
import { benchTrainingFull } from './lib/train-full.ts';
import type { BackendRow, BenchResults } from './lib/types.ts';
import { benchPlan } from './lib/plan.ts';

const quick = argv.includes('--quick');
const onlyArg = argv.indexOf('--only');
const trainFull = argv.includes('--train-full');
const trainFullArg = argv.indexOf('--train-full-interviews');
const trainFullInterviews = trainFullArg >= 0 ? Number(argv[trainFullArg + 1]) : 5000;
const SECTIONS = 'loop node chromium pytorch train audio video session bytes agreement live cli node-webgpu'.split(' ');
// --train-full alone measures only the 5,000-interview epoch; with --only it adds to those sections.
const only = new Set(onlyArg >= 0 ? (argv[onlyArg + 1] ?? '').split(',') : trainFull ? [] : SECTIONS);
for (const s of only)
  if (!SECTIONS.includes(s)) throw new Error(`--only: unknown section '${s}' (known: ${SECTIONS.join(', ')})`);
const partial = onlyArg >= 0 || trainFull;
const backendsArg = argv.indexOf('--backends');
const { plan, media } = benchPlan(quick, argv);
const here = (rel: string): string => fileURLToPath(new URL(rel, import.meta.url));
const started = performance.now();
const log = (msg: string): void =>
  void stderr.write(`[bench ${((performance.now() - started) / 1000).toFixed(0)} s] ${msg}\n`);
const round = (v: number): number => Math.round(v * 100) / 100;

// --report re-renders RESULTS.md from the saved results.json (after a change to report.ts).
if (argv.includes('--report')) {
  const saved = JSON.parse(readFileSync(here('./results.json'), 'utf8')) as BenchResults;
  const prior = existsSync(here('./before.json'))
    ? (JSON.parse(readFileSync(here('./before.json'), 'utf8')) as BenchResults)
    : null;
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
        if (backendsArg < 0)
          rows.push({
            runtime: 'chromium',
            backend,
            error: 'skipped in --quick (shader compilation alone takes 10–15 s on SwiftShader)',
          });
        continue;
      }
      log(`chromium ${backend} …`);
      const r = await session.run({ backend, ...p }, quick ? 30_000 : 900_000);
      if ('selected' in r) throw new Error('unreachable: a backend run returned a selection');
      rows.push(
        'error' in r
          ? { runtime: 'chromium', backend, error: r.error }
          : {
              runtime: 'chromium',
              backend: r.backend,
              scoring: r.scoring,
              baseline: r.baseline,
              memory: r.memory,
              initMs: r.initMs,
            },
      );
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

// Right after the Chromium rows, so the ratio compares two measurements taken minutes apart.
let pytorch: BenchResults['pytorch'] = { available: false, reason: 'not run (--only without pytorch)' };
if (only.has('pytorch') && quick)
  pytorch = {
    available: false,
    reason: 'not in --quick (2–3 min of PyTorch runs); run `npm run bench -- --only chromium,pytorch`',
  };
else if (only.has('pytorch')) {
  log('pytorch …');
  try {
    const r = await benchPytorch({ runs: 50, log });
    pytorch = 'skipped' in r ? { available: false, reason: r.skipped } : { available: true, ...r };
  } catch (e) {
    pytorch = { available: false, reason: `failed: ${String(e).slice(0, 300)}` };
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

const m = only.has('video') || only.has('session') || only.has('bytes') ? await benchMedia(only, media, log) : null;
if (m?.chromium != null && machine.chromium === null) (machine as { chromium: string | null }).chromium = m.chromium;

// Minutes of live capture per clip: not in --quick. --agreement-raw-audio captures the mic through the
// page's own getUserMedia with the browser's audio processing off (requestInterviewMedia does the same since 0fbacc9).
let agreement: BenchResults['agreement'] = null;
if (only.has('agreement') && quick)
  agreement = { skipped: 'live takes of three clips take minutes; run `npm run bench -- --only agreement`' };
else if (only.has('agreement')) {
  log('agreement …');
  const rawAudio = argv.includes('--agreement-raw-audio');
  agreement = await benchAgreement({ clips: AGREEMENT_CLIPS, takes: 3, scale: '480:480', rawAudio }, log).catch(
    (e: unknown) => ({ error: String(e).slice(0, 300) }),
  );
}

const live = only.has('live') ? await benchLive(quick, log) : null;

// `hirenet analyze` end to end: 4 runs of a 6.6-s clip in each of 3 forms, after building and packing the
// packages for the packed form (~2 min); not in --quick.
let cli: BenchResults['cli'] = null;
if (only.has('cli') && quick) cli = { skipped: 'four CLI runs (~30 s); run `npm run bench -- --only cli`' };
else if (only.has('cli')) cli = await benchCli(3, log).catch((e: unknown) => ({ error: String(e).slice(0, 300) }));

// WebGPU in Node (Dawn) beside wasm in one child process; here on SwiftShader (bench/gpu/README.md).
let nodeWebgpu: BenchResults['nodeWebgpu'] = null;
if (only.has('node-webgpu') && quick)
  nodeWebgpu = { skipped: 'SwiftShader compiles for seconds per shader; run `npm run bench -- --only node-webgpu`' };
else if (only.has('node-webgpu')) {
  log('node-webgpu (Dawn, SwiftShader here) …');
  nodeWebgpu = await benchNodeWebgpu({ runs: 7, sweep: [1, 4], memoryScorings: 10 });
}

let trainingFull: BenchResults['trainingFull'] = null;
if (trainFull) {
  log(`training, one epoch on ${trainFullInterviews} interviews (--train-full) …`);
  trainingFull = await benchTrainingFull(trainFullInterviews, machine.gitCommit);
}

machine.loadAverageEnd = loadavg().map(round);
const results: BenchResults = {
  bench: 'hirenet',
  quick,
  machine,
  workload: {
    inputDim: benchConfig.inputDim,
    wordDim: benchConfig.wordDim,
    units: 32,
    windows: WINDOWS,
    plan: plan.row,
  },
  loop,
  rows,
  auto,
  training,
  audio,
  video: m?.video ?? null,
  session: m?.session ?? null,
  bytes: m?.bytes ?? null,
  agreement,
  live,
  cli,
  nodeWebgpu,
  trainingFull,
  pytorch,
  seconds: (performance.now() - t0) / 1000,
};
// A partial run keeps the sections it did not measure from the previous results (merge.ts).
// --quick writes beside the committed full results instead of over them.
const resultsPath = here(quick ? './results.quick.json' : './results.json');
const prev = existsSync(resultsPath) ? (JSON.parse(readFileSync(resultsPath, 'utf8')) as BenchResults) : null;
const what =
  [...only].join(',') +
  (backendsArg >= 0 ? ` (${argv[backendsArg + 1] ?? ''})` : '') +
  (trainFull ? `${only.size > 0 ? ',' : ''}train-full (${trainFullInterviews} interviews)` : '');
const merged = mergeResults(results, prev, {
  only,
  partial,
  backendsLimited: backendsArg >= 0,
  what,
  trainFullMeasured: trainFull,
});
const beforePath = here('./before.json');
const before = existsSync(beforePath) ? (JSON.parse(readFileSync(beforePath, 'utf8')) as BenchResults) : null;
writeFileSync(resultsPath, `${JSON.stringify(merged, null, 2)}\n`);
writeFileSync(here(quick ? './RESULTS.quick.md' : './RESULTS.md'), renderReport(merged, before));
log(
  [
    `done in ${results.seconds.toFixed(0)} s:`,
    `${quick ? 'bench/results.quick.json, bench/RESULTS.quick.md' : 'bench/results.json, bench/RESULTS.md'}`,
  ].join(' '),
);
