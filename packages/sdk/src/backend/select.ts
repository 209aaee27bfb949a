/**
 * `backend: 'auto'`: time a warm-up scoring on every backend that initialises here and keep the
 * fastest. Which one wins is not predictable from names: on this project's 2-core SwiftShader
 * machine wasm beats webgpu by ~40×, on a real GPU the order can flip (bench/RESULTS.md).
 * The first call on a backend compiles its shaders / JITs its kernels; tfjs caches those per
 * backend, and the chosen backend stays initialised, so the compile cost is paid once.
 */
import { HireNetModel } from '../model/hirenet-model.ts';
import type { InterviewInput } from '../model/types.ts';
import {
  backendNames,
  BackendUnavailableError,
  initBackend,
  type BackendName,
  type BackendOptions,
} from './backends.ts';

export interface SelectOptions extends BackendOptions {
  /** Backends to try, in this order (ties go to the earlier one). Default: all of backendNames. */
  readonly candidates?: readonly BackendName[];
  /**
   * The work to time, run with each candidate active: typically one predict of the model and
   * input size the page will score. Default: a small random HireNet scoring one interview.
   */
  readonly warmup?: () => Promise<unknown>;
  /** Timed calls after the first (compiling) one; the median decides. Default 2. */
  readonly runs?: number;
  /**
   * How much faster (a fraction) a later candidate must be to displace an earlier one. Default 0.2:
   * a warm-up is small and timed twice, so near-ties are noise, and the order states a preference
   * (backendNames puts wasm first: 6.1 ms vs cpu 17.8 ms for 6 answers in Chromium, bench/RESULTS.md,
   * while a 1-answer warm-up times them within a millisecond; cpu also runs long synchronous kernels
   * on the main thread, measured as a 229 ms long task in result() on the embed page at load 24).
   */
  readonly margin?: number;
}

export type BackendTiming =
  | { readonly name: BackendName; readonly initMs: number; readonly firstMs: number; readonly medianMs: number }
  | { readonly name: BackendName; readonly error: string };

export interface BackendSelection {
  /** The backend left active: the one with the lowest median warm-up time. */
  readonly selected: BackendName;
  /** Every candidate, in the order tried, with its times or why it was skipped. */
  readonly timings: readonly BackendTiming[];
}

// Sizes of the default warm-up: big enough to exercise every kernel, small enough to take
// milliseconds on wasm (seconds on SwiftShader webgl, which is the point of measuring).
const DEFAULT_INPUT_DIM = 16;
const DEFAULT_WORD_DIM = 16;

function defaultInterview(): InterviewInput {
  const row = (n: number, w: number): number[][] =>
    Array.from({ length: n }, (_, t) => Array.from({ length: w }, (_, k) => Math.sin(t * 0.7 + k)));
  return {
    jobTitle: row(2, DEFAULT_WORD_DIM),
    questions: [row(4, DEFAULT_WORD_DIM), row(3, DEFAULT_WORD_DIM)],
    answers: [row(40, DEFAULT_INPUT_DIM), row(25, DEFAULT_INPUT_DIM)],
  };
}

async function defaultWarmup(): Promise<void> {
  const model = HireNetModel.random({ inputDim: DEFAULT_INPUT_DIM, wordDim: DEFAULT_WORD_DIM }, 1);
  try {
    await model.predict([defaultInterview()]);
  } finally {
    model.dispose();
  }
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 === 1 ? (s[m] as number) : ((s[m - 1] as number) + (s[m] as number)) / 2;
}

/**
 * Tries each candidate backend, times `warmup` on it and leaves the fastest active.
 * @throws BackendUnavailableError (for the first candidate) when none initialises.
 */
export async function selectBackend(opts: SelectOptions = {}): Promise<BackendSelection> {
  const candidates = opts.candidates ?? backendNames;
  const warmup = opts.warmup ?? defaultWarmup;
  const runs = Math.max(1, opts.runs ?? 2);
  const keep = 1 - Math.min(0.9, Math.max(0, opts.margin ?? 0.2));
  const timings: BackendTiming[] = [];
  let best: { name: BackendName; medianMs: number } | null = null;
  for (const name of candidates) {
    try {
      const { initMs } = await initBackend(name, opts);
      let t0 = performance.now();
      await warmup();
      const firstMs = performance.now() - t0;
      const times: number[] = [];
      for (let i = 0; i < runs; i++) {
        t0 = performance.now();
        await warmup();
        times.push(performance.now() - t0);
      }
      const medianMs = median(times);
      timings.push({ name, initMs, firstMs, medianMs });
      if (best === null || medianMs < best.medianMs * keep) best = { name, medianMs };
    } catch (e) {
      // A backend that initialises but cannot run the warm-up is as unusable as a missing one.
      timings.push({ name, error: e instanceof Error ? e.message : String(e) });
    }
  }
  if (best === null)
    throw new BackendUnavailableError(
      candidates[0] ?? 'cpu',
      [
        'no candidate backend could run the warm-up',
        `(${timings.map((t) => `${t.name}: ${'error' in t ? t.error : 'ok'}`).join('; ')})`,
      ].join(' '),
    );
  await initBackend(best.name, opts);
  return { selected: best.name, timings };
}
