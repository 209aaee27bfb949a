/**
 * A partial run (`--only …`, or `--train-full` alone) re-measures some sections: the others are
 * kept from the previous results file, and `combined` records which run measured what. The
 * opt-in 5,000-interview epoch (trainingFull) carries its own provenance and is kept by every
 * run that does not measure it again, partial or not.
 */
import type { BackendRow, BenchResults } from './types.ts';

type Mutable = { -readonly [K in keyof BenchResults]: BenchResults[K] };

const ORDER = ['node wasm', 'node cpu', 'chromium wasm', 'chromium cpu', 'chromium webgl', 'chromium webgpu'];
const key = (r: BackendRow): string => `${r.runtime} ${r.backend}`;

export interface MergeOptions {
  /** Sections measured in this run (loop, node, chromium, pytorch, train, audio, video, session, bytes, agreement,
   * live). */
  readonly only: ReadonlySet<string>;
  readonly partial: boolean;
  /** --backends limited the Chromium rows (selectBackend was then not re-run). */
  readonly backendsLimited: boolean;
  /** What this run measured, for `combined`. */
  readonly what: string;
  readonly trainFullMeasured: boolean;
}

export function mergeResults(results: BenchResults, prev: BenchResults | null, o: MergeOptions): BenchResults {
  if (prev === null) return results;
  const out: Mutable = { ...results };
  if (!o.trainFullMeasured) out.trainingFull = prev.trainingFull ?? null;
  // Measured only on a GPU machine and merged by bench/gpu/merge.ts: every bench run keeps it.
  out.nodeWebgpuDevice = prev.nodeWebgpuDevice ?? null;
  if (!o.partial) return out;
  if (!o.only.has('loop')) out.loop = prev.loop;
  if (!o.only.has('chromium') || o.backendsLimited) out.auto = prev.auto;
  if (!o.only.has('train')) out.training = prev.training;
  if (!o.only.has('audio')) out.audio = prev.audio;
  if (!o.only.has('video')) out.video = prev.video ?? null;
  if (!o.only.has('session')) out.session = prev.session ?? null;
  if (!o.only.has('bytes')) out.bytes = prev.bytes ?? null;
  if (!o.only.has('agreement')) out.agreement = prev.agreement ?? null;
  if (!o.only.has('live')) out.live = prev.live ?? null;
  if (!o.only.has('cli')) out.cli = prev.cli ?? null;
  if (!o.only.has('node-webgpu')) out.nodeWebgpu = prev.nodeWebgpu ?? null;
  if (!o.only.has('pytorch')) out.pytorch = prev.pytorch;
  const kept = prev.rows.filter((r) => !results.rows.some((n) => key(n) === key(r)));
  const plans = { ...prev.workload.plan };
  // Only the rows measured now take this run's plan (e.g. 'node wasm' when node ran).
  for (const [k, v] of Object.entries(results.workload.plan))
    if (v !== null && o.only.has(k.split(' ')[0] ?? '')) plans[k] = v;
  out.workload = { ...results.workload, plan: plans };
  if (results.machine.chromium === null && prev.machine.chromium !== null)
    out.machine = { ...results.machine, chromium: prev.machine.chromium };
  const summary = (r: BenchResults, what: string) => ({
    startedAt: r.machine.startedAt,
    gitCommit: r.machine.gitCommit,
    load: r.machine.loadAverageStart,
    what,
  });
  out.combined = [...(prev.combined ?? [summary(prev, 'everything else')]), summary(results, o.what)];
  out.rows = [...kept, ...results.rows].sort((a, b) => ORDER.indexOf(key(a)) - ORDER.indexOf(key(b)));
  return out;
}
