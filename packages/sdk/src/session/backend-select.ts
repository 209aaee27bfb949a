/**
 * `backend: 'auto'`: every tfjs backend that initialises here is timed on the work it will do
 * (a prediction of the loaded model), and the fastest is kept. Speeds differ by 10× between
 * machines and browsers (PLATFORM-NOTES), so a fixed preference order would be a guess.
 */
import * as tf from '@tensorflow/tfjs-core';
import { availableBackends, BackendUnavailableError, initBackend, type BackendName } from '../backend/backends.ts';
import type { BackendChoice } from './options.ts';

export interface BackendTiming {
  readonly name: BackendName;
  /** Median ms of the timed runs after one untimed (compiling) run; Infinity when it failed. */
  readonly ms: number;
}

export interface BackendSelection {
  readonly backend: BackendName;
  readonly timings: readonly BackendTiming[];
  /** Set when the requested backend failed and 'auto' chose instead. */
  readonly fallbackFrom?: BackendName;
}

async function time(run: () => Promise<void>, repeats: number): Promise<number> {
  await run();
  const ms: number[] = [];
  for (let i = 0; i < repeats; i++) {
    const t0 = performance.now();
    await run();
    ms.push(performance.now() - t0);
  }
  ms.sort((a, b) => a - b);
  return ms[ms.length >> 1]!;
}

/**
 * Makes a backend active before the model is loaded (weights are created on it); for 'auto'
 * returns the candidates to time afterwards with `pickFastest`.
 */
export async function initialBackend(choice: BackendChoice, wasmPaths: string): Promise<{ active: BackendName; candidates: BackendName[]; fallbackFrom?: BackendName }> {
  if (choice !== 'auto') {
    try {
      await initBackend(choice, { wasmPaths });
      return { active: choice, candidates: [choice] };
    } catch (e) {
      if (!(e instanceof BackendUnavailableError)) throw e;
      const found = await availableBackends({ wasmPaths });
      if (found.length === 0) throw e;
      return { active: tf.getBackend() as BackendName, candidates: found.map((b) => b.name), fallbackFrom: choice };
    }
  }
  const found = await availableBackends({ wasmPaths });
  if (found.length === 0) throw new BackendUnavailableError('cpu', 'no tfjs backend initialises in this browser');
  return { active: tf.getBackend() as BackendName, candidates: found.map((b) => b.name) };
}

/** Times `run` on each candidate (tfjs moves the weights lazily) and leaves the fastest active. */
export async function pickFastest(candidates: readonly BackendName[], wasmPaths: string, run: () => Promise<void>, repeats = 3): Promise<{ backend: BackendName; timings: BackendTiming[] }> {
  const timings: BackendTiming[] = [];
  if (candidates.length === 1) {
    await run();
    return { backend: candidates[0]!, timings: [{ name: candidates[0]!, ms: NaN }] };
  }
  for (const name of candidates) {
    try {
      await initBackend(name, { wasmPaths });
      timings.push({ name, ms: await time(run, repeats) });
    } catch {
      timings.push({ name, ms: Infinity });
    }
  }
  const best = [...timings].sort((a, b) => a.ms - b.ms)[0]!;
  await initBackend(best.name, { wasmPaths });
  return { backend: best.name, timings };
}
