// Benchmark page driven by bench/ (npm run bench): HireNet scoring, the stock tf.layers BiGRU
// baseline and memory over repeated scorings, on one tfjs backend per page load.
import * as tf from '@tensorflow/tfjs-core';
import { initBackend, type BackendName } from '../../packages/sdk/src/backend/backends.ts';
import { selectBackend, type BackendSelection } from '../../packages/sdk/src/backend/select.ts';
import { viteWasmPaths } from '../../packages/sdk/src/backend/wasm-urls.vite.ts';
import { exposeRun } from '../../test/browser/harness/page.ts';
import { benchBaseline, type BaselineResult } from './bench-baseline.ts';
import { benchMemory, benchScoring, type MemoryResult, type ScoringResult } from './bench-workload.ts';

export interface BenchPageArgs {
  /** 'auto': run selectBackend (default warm-up) over all four and report its choice instead. */
  readonly backend: BackendName | 'auto';
  readonly runs: number;
  /** Runs of the stock BiGRU baseline; 0 skips it. */
  readonly baselineRuns: number;
  /** Scorings in the memory check; 0 skips it. */
  readonly memoryScorings: number;
}

export interface BenchPageResult {
  readonly backend: string;
  readonly initMs: number;
  readonly scoring: ScoringResult;
  readonly baseline: BaselineResult | null;
  readonly memory: MemoryResult | null;
  readonly userAgent: string;
}

// performance.memory is Chromium-only, and only precise with --enable-precise-memory-info.
async function heap(): Promise<number | null> {
  const gc = (globalThis as { gc?: () => void }).gc;
  // Two collections around a macrotask: the first frees what finalizers then release.
  gc?.();
  await new Promise((r) => setTimeout(r, 0));
  gc?.();
  const mem = (performance as { memory?: { usedJSHeapSize: number } }).memory;
  return mem === undefined ? null : mem.usedJSHeapSize;
}

exposeRun(async (args: BenchPageArgs): Promise<BenchPageResult | BackendSelection> => {
  if (args.backend === 'auto')
    return selectBackend({ wasmPaths: viteWasmPaths, candidates: ['wasm', 'cpu', 'webgl', 'webgpu'] });
  const { initMs } = await initBackend(args.backend, { wasmPaths: viteWasmPaths });
  const scoring = await benchScoring(args.runs);
  const memory = args.memoryScorings > 0 ? await benchMemory(args.memoryScorings, heap) : null;
  const baseline = args.baselineRuns > 0 ? await benchBaseline(args.baselineRuns) : null;
  return { backend: tf.getBackend(), initMs, scoring, baseline, memory, userAgent: navigator.userAgent };
});
