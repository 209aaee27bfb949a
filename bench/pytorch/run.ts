/**
 * The PyTorch half of the bench alone: `node --conditions=source --import tsx bench/pytorch/run.ts [--runs N]
 * [--warmup W] [--rounds R] [--threads 1,2] [--impl exact,exact-jit,idiomatic] [--json FILE]`.
 * Prints the exact check and a table of medians (see bench/lib/pytorch.ts).
 */
import { writeFile } from 'node:fs/promises';
import { argv, stderr, stdout } from 'node:process';
import { benchPytorch, PYTORCH_IMPLS, type PytorchImpl, type PytorchTiming } from '../lib/pytorch.ts';

function flag(name: string): string | undefined {
  const i = argv.indexOf(`--${name}`);
  return i >= 0 ? argv[i + 1] : undefined;
}
const list = (s: string | undefined): number[] | undefined => (s === undefined ? undefined : s.split(',').map(Number));
const ms = (v: number | undefined): string => (v === undefined ? '—' : v.toFixed(2));

const impls = flag('impl')?.split(',') as PytorchImpl[] | undefined;
if (impls?.some((i) => !PYTORCH_IMPLS.includes(i))) {
  stderr.write(`--impl takes ${PYTORCH_IMPLS.join(', ')}\n`);
  process.exit(2);
}
const runs = Number(flag('runs') ?? 50);
const warmup = Number(flag('warmup') ?? 5);
const rounds = Number(flag('rounds') ?? 5);
const threads = list(flag('threads'));
const result = await benchPytorch({
  runs,
  warmup,
  rounds,
  ...(threads === undefined ? {} : { threads }),
  ...(impls === undefined ? {} : { impls }),
  log: (m) => void stderr.write(`[pytorch] ${m}\n`),
});
const json = flag('json');
if (json !== undefined) await writeFile(json, `${JSON.stringify(result, null, 2)}\n`);
if ('skipped' in result) {
  stdout.write(`PyTorch: skipped — ${result.skipped}\n`);
} else {
  const out: string[] = [];
  out.push(
    [
      `PyTorch ${result.torchVersion} (${result.python}, default ${result.defaultThreads} threads);`,
      `workload ${result.workload.inputDim} descriptors × ${result.workload.windows} windows,`,
      `${result.workload.wordDim}-d words, ${result.workload.units} units`,
    ].join(' '),
  );
  for (const c of result.checks)
    out.push(
      [
        `  check ${c.check}: max |Δ| ${c.maxAbsDiff.toExponential(2)} over ${c.interviews}`,
        `interviews${c.check === 'idiomatic' ? ' (reset-after nn.GRU: not our numbers, by design)' : ''}`,
      ].join(' '),
    );
  out.push(
    '',
    '| impl | threads | 1 answer median (min, cpu) ms | 6 answers median (min, cpu) ms |',
    '|---|---:|---:|---:|',
  );
  const cell = (t: PytorchTiming | undefined): string =>
    t === undefined ? '—' : `${ms(t.medianMs)} (${ms(t.minMs)}, ${ms(t.cpuMedianMs)})`;
  const keys = [...new Set(result.timings.map((t) => `${t.impl}\t${t.threads}`))];
  for (const key of keys) {
    const [impl, th] = key.split('\t');
    const of = (n: number): PytorchTiming | undefined =>
      result.timings.find((t) => t.impl === impl && String(t.threads) === th && t.answers === n);
    out.push(`| ${impl} | ${th} | ${cell(of(1))} | ${cell(of(6))} |`);
  }
  out.push(
    '',
    [
      `Fastest 6-answer median: ${ms(result.fastest6.medianMs)} ms (${result.fastest6.impl},`,
      `${result.fastest6.threads} thread${result.fastest6.threads === 1 ? '' : 's'}); ${runs} runs`,
      `each, in ${rounds} interleaved rounds, each after ${warmup} warm-up calls.`,
    ].join(' '),
  );
  out.push(
    [
      `Load average (1, 5, 15 min) start ${result.loadAverage.start.join(', ')}, end`,
      `${result.loadAverage.end.join(', ')} on a shared machine: medians are upper bounds.`,
    ].join(' '),
  );
  stdout.write(`${out.join('\n')}\n`);
}
