/** HireNet scoring, the stock BiGRU baseline and memory in this Node process (cpu and wasm). */
import * as tf from '@tensorflow/tfjs-core';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { initBackendNode } from '../../packages/research/src/node-backend.ts';
import { benchBaseline, type BaselineResult } from '../pages/bench-baseline.ts';
import { benchMemory, benchScoring, type MemoryResult, type ScoringResult } from '../pages/bench-workload.ts';

export interface NodeModelResult {
  readonly backend: string;
  readonly scoring: ScoringResult;
  readonly baseline: BaselineResult | null;
  readonly memory: MemoryResult | null;
}

// `npm run bench` starts node without --expose-gc; a heap figure without a GC first is noise.
setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as () => void;

async function heap(): Promise<number> {
  gc();
  await new Promise((r) => setTimeout(r, 0));
  gc();
  return process.memoryUsage().heapUsed;
}

export async function benchNodeModel(
  backend: 'cpu' | 'wasm',
  runs: number,
  baselineRuns: number,
  memoryScorings: number,
): Promise<NodeModelResult> {
  await initBackendNode(backend);
  const scoring = await benchScoring(runs);
  const memory = memoryScorings > 0 ? await benchMemory(memoryScorings, heap) : null;
  const baseline = baselineRuns > 0 ? await benchBaseline(baselineRuns) : null;
  return { backend: tf.getBackend(), scoring, baseline, memory };
}
