/**
 * HireNet in PyTorch on this CPU (issue #7: "no slower than the same model in PyTorch"), for
 * the ratio "our fastest Chromium backend vs PyTorch" in one bench run.
 *
 * benchPytorch() finds a Python with torch (HIRENET_TORCH_PYTHON, else `python3`; see
 * bench/pytorch/README.md for a venv from a local wheel), writes the bench's own workload
 * (bench/pytorch/workload.ts: the weights and interviews the Chromium bench scores, with our
 * model's outputs) to a temporary file, checks that the PyTorch port of our contract reproduces
 * those outputs (max |Δ| ≤ 1e-4, else it throws: a ratio against another model means nothing),
 * then times bench/pytorch/hirenet_torch.py for 1 and 6 answers × 240 windows, at 1 thread and
 * torch's default thread count, for three implementations:
 *   - exact:      our contract, torch ops in a per-step loop (the check above);
 *   - exact-jit:  the same loop compiled by torch.jit.script;
 *   - idiomatic:  torch.nn.GRU (reset-after, so not our numbers, same FLOPs) + the same attention.
 * The PyTorch figure of the ratio (answers6Ms) is the fastest median of all of them.
 */
import { execFile } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';

const run = promisify(execFile);
const script = fileURLToPath(new URL('../pytorch/hirenet_torch.py', import.meta.url));
const workloadScript = fileURLToPath(new URL('../pytorch/workload.ts', import.meta.url));

export type PytorchImpl = 'exact' | 'exact-jit' | 'idiomatic';
export const PYTORCH_IMPLS: readonly PytorchImpl[] = ['exact', 'exact-jit', 'idiomatic'];
/** Largest max |Δ| allowed between the exact port and our outputs. */
export const EXACT_TOLERANCE = 1e-4;

export interface TorchPython {
  /** The interpreter that imports torch. */
  readonly python: string;
  readonly torchVersion: string;
  /** torch.get_num_threads() when nothing sets it (the core count, here 2). */
  readonly defaultThreads: number;
}

export interface PytorchCheck {
  /** `idiomatic-layout`: idiomatic vs exact with the candidate recurrence zeroed (must agree). */
  readonly check: PytorchImpl | 'idiomatic-layout';
  readonly interviews: number;
  readonly maxAbsDiff: number;
  readonly score?: number;
  readonly answerAttention?: number;
  readonly questionAttention?: number;
}

export interface PytorchTiming {
  readonly impl: PytorchImpl;
  readonly answers: number;
  readonly windows: number;
  readonly threads: number;
  /** Wall time of one scoring (forward pass + score and attention as lists), ms. */
  readonly medianMs: number;
  readonly minMs: number;
  /** Process CPU time of one scoring (all threads), ms: less sensitive to other tenants. */
  readonly cpuMedianMs: number;
  readonly runs: number;
  readonly rounds: number;
  readonly score: number;
  /** True when the interview was not in the workload file (random inputs of that shape). */
  readonly synthetic: boolean;
}

export interface PytorchResult extends TorchPython {
  readonly workload: {
    readonly inputDim: number;
    readonly wordDim: number;
    readonly units: number;
    readonly windows: number;
    readonly source: string;
  };
  /** Max |Δ| of the exact port vs our model's score and attention on the bench workload. */
  readonly exactMaxAbsDiff: number;
  readonly checks: PytorchCheck[];
  readonly timings: PytorchTiming[];
  /** The PyTorch side of the ratio: fastest median over implementations and threads, 6 answers. */
  readonly answers6Ms: number;
  readonly answers1Ms: number;
  readonly fastest6: { readonly impl: PytorchImpl; readonly threads: number; readonly medianMs: number };
  /** os.loadavg() before and after: the machine is shared, medians are upper bounds. */
  readonly loadAverage: { readonly start: number[]; readonly end: number[] };
  readonly note: string;
}

export interface PytorchOptions {
  /** Timed scorings per (implementation, answers, threads); default 50. */
  readonly runs?: number;
  /** Untimed scorings per configuration and round; default 5. */
  readonly warmup?: number;
  /** Interleaved rounds over all configurations (load drift hits them alike); default 5. */
  readonly rounds?: number;
  /** Thread counts; default [1, torch's default]. */
  readonly threads?: readonly number[];
  /** Answers per interview; default [1, 6]. */
  readonly answers?: readonly number[];
  readonly impls?: readonly PytorchImpl[];
  /** Interpreter to use instead of the search (HIRENET_TORCH_PYTHON, python3). */
  readonly python?: string;
  readonly log?: (message: string) => void;
  /** Per child process; default 20 minutes (the machine is shared). */
  readonly timeoutMs?: number;
}

const round = (v: number): number => Math.round(v * 100) / 100;

async function probe(python: string): Promise<TorchPython | string> {
  try {
    const { stdout } = await run(
      python,
      ['-c', 'import json, torch; print(json.dumps([torch.__version__, torch.get_num_threads()]))'],
      { timeout: 120_000 },
    );
    const [torchVersion, defaultThreads] = JSON.parse(stdout.trim()) as [string, number];
    return { python, torchVersion, defaultThreads };
  } catch (e) {
    const err = e as { code?: string; stderr?: string };
    if (err.code === 'ENOENT') return `${python} not found`;
    const last = (err.stderr ?? '').trim().split('\n').pop() ?? '';
    return `${python} cannot import torch${last === '' ? '' : ` (${last})`}`;
  }
}

/** HIRENET_TORCH_PYTHON if set (it must import torch), else `python3` if it imports torch. */
export async function findTorchPython(): Promise<TorchPython | { skipped: string }> {
  const help = 'see bench/pytorch/README.md to create a venv with torch and set HIRENET_TORCH_PYTHON';
  const env = process.env['HIRENET_TORCH_PYTHON'];
  if (env !== undefined && env !== '') {
    const found = await probe(env);
    return typeof found === 'string' ? { skipped: `HIRENET_TORCH_PYTHON=${env}: ${found}; ${help}` } : found;
  }
  const found = await probe('python3');
  return typeof found === 'string'
    ? { skipped: `no Python with torch: HIRENET_TORCH_PYTHON is not set and ${found}; ${help}` }
    : found;
}

function jsonLines<T>(stdout: string): T[] {
  return stdout
    .split('\n')
    .filter((l) => l.startsWith('{'))
    .map((l) => JSON.parse(l) as T);
}

/** Runs hirenet_torch.py's check on a hirenet-reference/1 file; one row per implementation. */
export async function checkReference(
  python: string,
  file: string,
  impls: readonly PytorchImpl[] = PYTORCH_IMPLS,
  timeoutMs = 600_000,
): Promise<PytorchCheck[]> {
  // Exit code 1 means a difference above the tolerance: the rows say which, so keep them.
  const out = await run(python, [script, 'check', '--ref', file, '--impl', impls.join(','), '--threads', '1'], {
    timeout: timeoutMs,
    maxBuffer: 16 << 20,
  }).catch((e: unknown) => {
    const err = e as { code?: unknown; stdout?: string; message?: string };
    if (err.code === 1 && err.stdout !== undefined) return { stdout: err.stdout };
    throw new Error(`hirenet_torch.py check failed: ${err.message ?? String(e)}`);
  });
  return jsonLines<PytorchCheck>(out.stdout);
}

/** Writes the bench workload (bench/pytorch/workload.ts) in a child process: our tfjs backend stays untouched. */
export async function writeBenchWorkload(file: string, timeoutMs = 600_000): Promise<void> {
  await run(process.execPath, ['--conditions=source', '--import', 'tsx', workloadScript, '--out', file], {
    timeout: timeoutMs,
  });
}

export async function benchPytorch(opts: PytorchOptions = {}): Promise<PytorchResult | { skipped: string }> {
  const log = opts.log ?? ((): void => undefined);
  const found = opts.python !== undefined ? await probe(opts.python) : await findTorchPython();
  if (typeof found === 'string') return { skipped: found };
  if ('skipped' in found) return found;
  const timeout = opts.timeoutMs ?? 20 * 60_000;
  const impls = opts.impls ?? PYTORCH_IMPLS;
  const answers = opts.answers ?? [1, 6];
  const threads = [...new Set(opts.threads ?? [1, found.defaultThreads])];
  const start = loadavg().map(round);
  const dir = await mkdtemp(join(tmpdir(), 'hirenet-pytorch-'));
  try {
    const file = join(dir, 'workload.json');
    log(`pytorch: writing the bench workload (${found.python}, torch ${found.torchVersion}) …`);
    await writeBenchWorkload(file, timeout);
    log('pytorch: checking the exact port against our outputs …');
    const checks = await checkReference(found.python, file, impls, timeout);
    const exact = checks.filter((c) => c.check === 'exact' || c.check === 'exact-jit');
    const exactMaxAbsDiff = Math.max(...exact.map((c) => c.maxAbsDiff));
    const layout = checks.find((c) => c.check === 'idiomatic-layout');
    if (exact.length === 0 || !(exactMaxAbsDiff <= EXACT_TOLERANCE))
      throw new Error(`PyTorch exact port differs from our model: max |Δ| ${exactMaxAbsDiff} > ${EXACT_TOLERANCE}`);
    if (layout !== undefined && !(layout.maxAbsDiff <= EXACT_TOLERANCE))
      throw new Error(
        [
          `PyTorch idiomatic port has misplaced weights: max |Δ| ${layout.maxAbsDiff} with the candidate`,
          'recurrence zeroed',
        ].join(' '),
      );
    log(
      [
        `pytorch: exact max |Δ| ${exactMaxAbsDiff.toExponential(2)}; timing ${impls.join(', ')} ×`,
        `${answers.join(', ')} answers × threads ${threads.join(', ')} …`,
      ].join(' '),
    );
    const args = [
      script,
      'bench',
      '--ref',
      file,
      '--answers',
      answers.join(','),
      '--windows',
      '240',
      '--runs',
      String(opts.runs ?? 50),
      '--warmup',
      String(opts.warmup ?? 5),
      '--rounds',
      String(opts.rounds ?? 5),
      '--threads',
      threads.join(','),
      '--impl',
      impls.join(','),
    ];
    const { stdout } = await run(found.python, args, { timeout, maxBuffer: 16 << 20 });
    const timings = jsonLines<PytorchTiming>(stdout);
    const best = (n: number): PytorchTiming | undefined =>
      timings.filter((t) => t.answers === n).sort((a, b) => a.medianMs - b.medianMs)[0];
    const six = best(6);
    const one = best(1);
    if (six === undefined || one === undefined)
      throw new Error(`hirenet_torch.py bench printed no timing for 1 and 6 answers: ${stdout.slice(0, 200)}`);
    return {
      ...found,
      workload: {
        inputDim: 45,
        wordDim: 100,
        units: 32,
        windows: 240,
        source:
          'bench/pytorch/workload.ts: HireNetModel.random(benchConfig, 11, { biasScale: 0.2 }), ' +
          'benchInterview(1) and benchInterview(6)',
      },
      exactMaxAbsDiff,
      checks,
      timings,
      answers6Ms: six.medianMs,
      answers1Ms: one.medianMs,
      fastest6: { impl: six.impl, threads: six.threads, medianMs: six.medianMs },
      loadAverage: { start, end: loadavg().map(round) },
      note:
        'exact = our contract in torch ops, per-step loop (checked against our outputs); exact-jit = the ' +
        'same under torch.jit.script; ' +
        'idiomatic = torch.nn.GRU (reset-after, so not our numbers, same FLOPs) + the same attention. ' +
        'Timed: forward pass from padded float32 tensors ' +
        'to the score and attention as lists, torch.inference_mode, after warm-up; input conversion is ' +
        'not timed (favours PyTorch).',
    };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/** "Our fastest Chromium backend vs PyTorch": Chromium's 6-answer median over PyTorch's (< 1 = faster than PyTorch). */
export function pytorchRatio(chromiumAnswers6Ms: number, result: PytorchResult): number {
  return chromiumAnswers6Ms / result.answers6Ms;
}
