/**
 * Inference-only GRU layers on cpu/wasm in two tfjs ops (the output and final-state tensors):
 * the wasm kernel projects x by every direction's input kernel at once, runs each direction
 * over batch-major rows and writes the [S, L, D·U] output in place; the final states are read
 * from it in JS. The generic path (gru.ts + fused-gru.ts) costs ~10 ops per
 * direction plus a concat; at 6 × 240 steps that dispatch overhead was a third of a scoring.
 * Training keeps the generic path, whose custom gradient needs time-major traces.
 */
import * as tf from '@tensorflow/tfjs-core';
import { LOOP_BACKENDS } from './fused-gru.ts';
import type { GruWeights } from './gru-scan-ops.ts';
import { tensorData } from './host-data.ts';
import { gruWasm } from './kernels/gru-wasm.ts';
import { wasmGruInference } from './kernels/wasm-scan.ts';

export interface InferenceScan {
  /** [S, L, D·U]: the directions side by side at each step. */
  readonly outputs: tf.Tensor3D;
  /** Per direction, [S, U]: forward after the last real step, reverse after reading back to t = 0. */
  readonly finals: tf.Tensor2D[];
}

/** Whether inferenceScan runs here: cpu/wasm, no gradient tape, the wasm kernel, U % 16 = 0. */
export function inferenceScanAvailable(units: number): boolean {
  return (
    LOOP_BACKENDS.has(tf.getBackend()) &&
    tf.engine().state.gradientDepth === 0 &&
    units % 16 === 0 &&
    gruWasm() !== null
  );
}

/** Null when unavailable (callers use the generic path). */
export function inferenceScan(
  x: tf.Tensor3D,
  mask: tf.Tensor2D,
  dirs: readonly GruWeights[],
  reverse: readonly boolean[],
): InferenceScan | null {
  const u = dirs[0]?.recurrentKernel.shape[0] ?? 0;
  if (!inferenceScanAvailable(u)) return null;
  const [s, l, i] = x.shape;
  const h = wasmGruInference(
    tensorData(x),
    i,
    tensorData(mask),
    dirs.map((w, d) => ({
      kernel: w.kernel.dataSync() as Float32Array,
      rk: w.recurrentKernel.dataSync() as Float32Array,
      bias: w.bias.dataSync() as Float32Array,
      reverse: reverse[d] ?? false,
    })),
    l,
    s,
    u,
  );
  if (h === null) return null;
  const width = dirs.length * u;
  const finals = dirs.map((_, d) => {
    // Padding carries the state, so a forward final sits at t = L−1; a reverse one at t = 0.
    const t = reverse[d] ? 0 : l - 1;
    const out = new Float32Array(s * u);
    for (let b = 0; b < s; b++)
      out.set(h.subarray((b * l + t) * width + d * u, (b * l + t) * width + (d + 1) * u), b * u);
    return tf.tensor2d(out, [s, u]);
  });
  return { outputs: tf.tensor3d(h, [s, l, width]), finals };
}
