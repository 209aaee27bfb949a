/**
 * The GRU's execution paths in one dispatch table, in order of preference. `gruScan`/`biGruScan`
 * (gru.ts) run the first path available for the active backend, gradient tape and unit count;
 * the conformance tests (gru-paths.test.ts in Node, test/browser/model-kernels.test.ts in
 * Chromium) walk the same table and check every path against the per-step op version.
 *
 * | path           | where                      | gradient | implementation                                   |
 * |----------------|----------------------------|----------|--------------------------------------------------|
 * | wasm-inference | cpu/wasm, no tape, U%16=0  | no       | gru-inference.ts → kernels/wasm-scan.ts (all     |
 * |                |                            |          | directions, batch-major, one call)               |
 * | fused-wasm     | cpu/wasm, U%16=0, SIMD     | yes      | fused-gru.ts → gru-loop.ts → kernels/wasm-scan.ts |
 * | fused-js       | cpu/wasm                   | yes      | fused-gru.ts → gru-loop.ts (kernels/step-kernel) |
 * | webgpu         | webgpu, no tape, U ≤ 256   | no       | fused-gru.ts → kernels/gru-webgpu.ts (1 dispatch) |
 * | ops            | any backend                | yes      | gru.ts gruScanOps (per-step tfjs ops)            |
 */
import * as tf from '@tensorflow/tfjs-core';
import { fusedGruScan, LOOP_BACKENDS } from './fused-gru.ts';
import { gruScanOps, type GruWeights, type ScanResult } from './gru-scan-ops.ts';
import { inferenceScan, inferenceScanAvailable } from './gru-inference.ts';
import { gruWasm, setSimdEnabled } from './kernels/gru-wasm.ts';
import { webgpuScanAvailable } from './kernels/gru-webgpu.ts';

export type GruPathName = 'wasm-inference' | 'fused-wasm' | 'fused-js' | 'webgpu' | 'ops';

/** Several directions over the same input: outputs side by side, one final state per direction. */
export interface DirectionsScan {
  /** [S, L, D·U]. */
  readonly outputs: tf.Tensor3D;
  /** Per direction, [S, U]. */
  readonly finals: tf.Tensor2D[];
}

export interface GruPath {
  readonly name: GruPathName;
  /** Whether the path records a gradient (training may use it). */
  readonly differentiable: boolean;
  /** Whether it runs here and now: active backend, gradient tape, unit count, kernel loaded. */
  available(units: number): boolean;
  /** Runs every direction (`reverse[d]` reads t = L−1 … 0) over right-padded `x` [S, L, I] with `mask` [S, L]. */
  scan(x: tf.Tensor3D, mask: tf.Tensor2D, dirs: readonly GruWeights[], reverse: readonly boolean[]): DirectionsScan;
}

const recording = (): boolean => tf.engine().state.gradientDepth > 0;
const onLoopBackend = (): boolean => LOOP_BACKENDS.has(tf.getBackend());
const wasmKernel = (units: number): boolean => units % 16 === 0 && gruWasm() !== null;

/** A one-direction scan run per direction, outputs concatenated. */
function perDirection(
  one: (x: tf.Tensor3D, mask: tf.Tensor2D, w: GruWeights, reverse: boolean) => ScanResult,
): GruPath['scan'] {
  return (x, mask, dirs, reverse) => {
    const runs = dirs.map((w, d) => one(x, mask, w, reverse[d] ?? false));
    const outputs =
      runs.length === 1
        ? runs[0]!.outputs
        : (tf.concat(
            runs.map((r) => r.outputs),
            2,
          ) as tf.Tensor3D);
    return { outputs, finals: runs.map((r) => r.final) };
  };
}

/** fusedGruScan with the wasm kernel switched off, so the JS loop runs even where the kernel would. */
function jsLoopScan(x: tf.Tensor3D, mask: tf.Tensor2D, w: GruWeights, reverse: boolean): ScanResult {
  if (!wasmKernel(w.recurrentKernel.shape[0] ?? 0)) return fusedGruScan(x, mask, w, reverse);
  setSimdEnabled(false);
  try {
    return fusedGruScan(x, mask, w, reverse);
  } finally {
    setSimdEnabled(true);
  }
}

export const GRU_PATHS: readonly GruPath[] = [
  {
    name: 'wasm-inference',
    differentiable: false,
    available: inferenceScanAvailable,
    // Called where it is unavailable (it never is by selectGruPath), it gives the per-step ops' answer.
    scan: (x, mask, dirs, reverse) =>
      inferenceScan(x, mask, dirs, reverse) ?? perDirection(gruScanOps)(x, mask, dirs, reverse),
  },
  {
    name: 'fused-wasm',
    differentiable: true,
    available: (u) => onLoopBackend() && wasmKernel(u),
    scan: perDirection(fusedGruScan),
  },
  { name: 'fused-js', differentiable: true, available: onLoopBackend, scan: perDirection(jsLoopScan) },
  {
    name: 'webgpu',
    differentiable: false,
    available: (u) => !recording() && webgpuScanAvailable(u),
    scan: perDirection(fusedGruScan),
  },
  { name: 'ops', differentiable: true, available: () => true, scan: perDirection(gruScanOps) },
];

/** The path `gruScan` takes here and now: the first available one in GRU_PATHS. */
export function selectGruPath(units: number): GruPath {
  return GRU_PATHS.find((p) => p.available(units)) ?? (GRU_PATHS.at(-1) as GruPath);
}
