/**
 * The GRU entry points the model uses (gruScan, biGruScan) and the length mask. Which code runs is
 * the dispatch table's choice (gru-paths.ts); the per-step op version is in gru-scan-ops.ts.
 */
import type * as tf from '@tensorflow/tfjs-core';
import { selectGruPath } from './gru-paths.ts';
import type { GruWeights, ScanResult } from './gru-scan-ops.ts';
import { tensorFromHost } from './host-data.ts';

export { gruScanOps, type GruWeights, type ScanResult } from './gru-scan-ops.ts';

export interface BiScanResult {
  /** [S, L, 2U]: [forward, backward] at each step. */
  readonly outputs: tf.Tensor3D;
  /** [S, U] forward state after the last real step. */
  readonly finalForward: tf.Tensor2D;
  /** [S, U] backward state after reading back to the first step. */
  readonly finalBackward: tf.Tensor2D;
}

/**
 * GRU scan on the active backend, by the first available path of the dispatch table (gru-paths.ts):
 * for inference on cpu/wasm the batch-major wasm kernel; a fused op on cpu/wasm (training) and on
 * webgpu (inference, one dispatch); per-step ops elsewhere.
 */
export function gruScan(x: tf.Tensor3D, mask: tf.Tensor2D, w: GruWeights, reverse = false): ScanResult {
  const r = selectGruPath(w.recurrentKernel.shape[0] ?? 0).scan(x, mask, [w], [reverse]);
  return { outputs: r.outputs, final: r.finals[0] as tf.Tensor2D };
}

/** Bidirectional GRU whose backward pass starts at each sequence's last real step. */
export function biGruScan(x: tf.Tensor3D, mask: tf.Tensor2D, forward: GruWeights, backward: GruWeights): BiScanResult {
  const r = selectGruPath(forward.recurrentKernel.shape[0] ?? 0).scan(x, mask, [forward, backward], [false, true]);
  return { outputs: r.outputs, finalForward: r.finals[0] as tf.Tensor2D, finalBackward: r.finals[1] as tf.Tensor2D };
}

/** [rows, maxLength] float mask with 1 on the first lengths[r] steps. */
export function lengthMask(lengths: Int32Array, maxLength: number): tf.Tensor2D {
  const data = new Float32Array(lengths.length * maxLength);
  lengths.forEach((len, r) => data.fill(1, r * maxLength, r * maxLength + Math.min(len, maxLength)));
  return tensorFromHost<tf.Rank.R2>(data, [lengths.length, maxLength]);
}
