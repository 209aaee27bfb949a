/**
 * One real training epoch at the paper's scale, end to end, in its own process (so its peak
 * RSS is its own); prints JSON. Run by `npm run bench -- --train-full` (bench/lib/train-full.ts):
 *
 *   node --conditions=source --import tsx bench/train-full.ts [--interviews 5000] [--backend wasm]
 *
 * A SimInterview draw (seed 1; 6 answers × 240 windows, audio) generated in memory through the
 * sim API (as `hirenet simulate --answers 6-6 --windows 240-240 --modalities audio` would write
 * it, without the multi-GB JSONL), split 80/10/10 and standardised (per-answer centring) as
 * `hirenet train` does, then ONE epoch of trainHireNet (model defaults, DEFAULT_TRAIN: batch 16,
 * Adam) over the training split plus its validation pass. Progress goes to stderr.
 */
import { argv, cpuUsage, memoryUsage, resourceUsage, stderr, stdout } from 'node:process';
import { initBackendNode } from '../packages/research/src/node-backend.ts';
import { loadWords } from '../packages/cli/src/words.ts';
import type { ParsedInterview } from '../packages/sdk/src/dataset/validate.ts';
import { resolveSimConfig, simManifest } from '../packages/research/src/sim/config.ts';
import { generateInterview } from '../packages/research/src/sim/interview.ts';
import { encodeInterview } from '../packages/research/src/train/encode.ts';
import { splitByInterview } from '../packages/research/src/train/split.ts';
import { fitStandardizer } from '../packages/sdk/src/model/standardize.ts';
import { DEFAULT_TRAIN, trainHireNet } from '../packages/research/src/train/trainer.ts';

const flag = (name: string, fallback: string): string => {
  const i = argv.indexOf(`--${name}`);
  return i >= 0 ? (argv[i + 1] ?? fallback) : fallback;
};
const INTERVIEWS = Number(flag('interviews', '5000'));
const BACKEND = flag('backend', 'wasm');
const log = (m: string): void => void stderr.write(`[train-full] ${m}\n`);
const mib = (bytes: number): number => Math.round(bytes / 2 ** 20);

// memoryUsage().rss sampled every 0.5 s as a cross-check of the kernel's maxRSS.
let rssPeak = 0;
const sampler = setInterval(() => (rssPeak = Math.max(rssPeak, memoryUsage().rss)), 500);
sampler.unref();

const t0 = performance.now();
const config = resolveSimConfig({
  seed: 1,
  interviews: INTERVIEWS,
  modalities: ['audio'],
  answers: { min: 6, max: 6 },
  windows: { min: 240, max: 240 },
});
const names = simManifest(config).modalities.audio ?? [];
const parsed: ParsedInterview[] = [];
for (let i = 0; i < INTERVIEWS; i++) {
  const iv = generateInterview(config, i);
  parsed.push({
    id: iv.id,
    label: iv.label,
    jobTitle: iv.jobTitle,
    questions: iv.questions,
    answers: iv.answers.map((a) => ({ audio: a.audio == null ? null : Float32Array.from(a.audio.flat()) })),
    extra: {},
  });
  if ((i + 1) % 500 === 0) log(`generated ${i + 1}/${INTERVIEWS}`);
}
const generateSeconds = (performance.now() - t0) / 1000;

const t1 = performance.now();
const split = splitByInterview(parsed, 1);
const standardizer = fitStandardizer(
  split.train.flatMap((iv) => iv.answers.map((a) => a.audio).filter((a): a is Float32Array => a != null)),
  names,
  'answer',
);
const { words } = await loadWords();
const train = split.train.map((iv) => encodeInterview(iv, 'audio', standardizer, words));
const validation = split.validation.map((iv) => encodeInterview(iv, 'audio', standardizer, words));
const encodeSeconds = (performance.now() - t1) / 1000;
log(
  [
    `${parsed.length} interviews: ${train.length} train / ${validation.length} validation /`,
    `${split.test.length} test (not used by an epoch); generated in ${generateSeconds.toFixed(0)} s,`,
    `encoded in ${encodeSeconds.toFixed(0)} s; rss ${mib(memoryUsage().rss)} MiB`,
  ].join(' '),
);

await initBackendNode(BACKEND);
let epochSeconds = NaN;
let lastLog = 0;
const c0 = cpuUsage();
const t2 = performance.now();
const { model } = await trainHireNet(
  { inputDim: names.length, wordDim: words.dims },
  train,
  validation,
  {
    ...DEFAULT_TRAIN,
    epochs: 1,
    seed: 1,
    onEpoch: (e) => (epochSeconds = e.seconds),
    onBatch: (done, total) => {
      const now = performance.now();
      if (now - lastLog > 60_000 || done === total) {
        lastLog = now;
        log(`batch ${done}/${total}, ${((now - t2) / 1000).toFixed(0)} s, rss ${mib(memoryUsage().rss)} MiB`);
      }
    },
  },
  {},
);
const trainCallSeconds = (performance.now() - t2) / 1000;
const cpu = cpuUsage(c0);
model.dispose();
clearInterval(sampler);
rssPeak = Math.max(rssPeak, memoryUsage().rss);

stdout.write(
  `${JSON.stringify({
    backend: BACKEND,
    interviews: parsed.length,
    answers: 6,
    windows: 240,
    trainInterviews: train.length,
    validationInterviews: validation.length,
    batchSize: DEFAULT_TRAIN.batchSize,
    generateSeconds,
    encodeSeconds,
    epochSeconds,
    epochCpuSeconds: (cpu.user + cpu.system) / 1e6,
    trainCallSeconds,
    totalSeconds: (performance.now() - t0) / 1000,
    peakRssMiB: Math.round(resourceUsage().maxRSS / 1024),
    sampledPeakRssMiB: mib(rssPeak),
  })}\n`,
);
