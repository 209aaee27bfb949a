/**
 * Timings of one backend in the Node WebGPU bench: the scoring rows' workload (benchScoring: 1 and 6
 * answers × 240 windows, seeded 32-unit model), a batch sweep (several interviews in one predict(),
 * where a GPU's parallelism can pay) and tf.memory() over repeated scorings.
 */
import * as tf from '@tensorflow/tfjs-core';
import { HireNetModel } from '../../packages/sdk/src/model/hirenet-model.ts';
import { resolveConfig } from '../../packages/sdk/src/model/config.ts';
import { selectGruPath } from '../../packages/sdk/src/model/gru-paths.ts';
import { webgpuGruStrategy } from '../../packages/sdk/src/model/kernels/gru-webgpu.ts';
import { benchConfig, benchInterview, benchMemory, benchScoring, timeRuns } from '../pages/bench-workload.ts';
import type { BackendRun, SweepPoint } from './types.ts';

export interface MeasurePlan {
  /** Timed runs per scoring figure (after one recorded first call). */
  readonly runs: number;
  /** Interviews per predict() call in the sweep (each 6 answers × 240 windows); [] skips it. */
  readonly sweep: readonly number[];
  /** Scorings of 6 answers in the memory check; 0 skips it. */
  readonly memoryScorings: number;
}

/** Fewer timed runs for big batches: the sweep should cost about as much per point. */
function runsFor(interviews: number, runs: number): number {
  return Math.max(3, Math.min(runs, Math.round((4 * runs) / interviews)));
}

async function sweep(sizes: readonly number[], runs: number): Promise<SweepPoint[]> {
  const model = HireNetModel.random(benchConfig, 11, { biasScale: 0.2 });
  try {
    const out: SweepPoint[] = [];
    for (const n of sizes) {
      // Distinct seeds, so a cache of any kind cannot answer for a repeated interview.
      const batch = Array.from({ length: n }, (_, i) => benchInterview(6, 7 + i));
      out.push({ interviews: n, timing: await timeRuns(() => model.predict(batch), runsFor(n, runs)) });
    }
    return out;
  } finally {
    model.dispose();
  }
}

/** Measures the active backend (wasm or webgpu, already initialised by the caller). */
export async function measureBackend(initMs: number, plan: MeasurePlan): Promise<BackendRun> {
  const backend = tf.getBackend();
  if (backend !== 'wasm' && backend !== 'webgpu') throw new Error(`measureBackend: active backend is ${backend}`);
  const scoring = await benchScoring(plan.runs);
  const points = plan.sweep.length > 0 ? await sweep(plan.sweep, plan.runs) : [];
  const memory = plan.memoryScorings > 0 ? await benchMemory(plan.memoryScorings, async () => null) : null;
  return {
    backend,
    strategy: backend === 'webgpu' ? webgpuGruStrategy() : null,
    gruPath: selectGruPath(resolveConfig(benchConfig).lowUnits).name,
    initMs,
    scoring,
    sweep: points,
    memory,
  };
}
