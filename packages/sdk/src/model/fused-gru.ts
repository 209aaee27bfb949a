import * as tf from '@tensorflow/tfjs-core';
import { gruLoopBackward, gruLoopForward } from './gru-loop.ts';
import type { GruWeights, ScanResult } from './gru.ts';

/** Backends whose tensor data sits in JS-reachable memory, where a loop beats per-step ops. */
export const LOOP_BACKENDS: ReadonlySet<string> = new Set(['cpu', 'wasm']);

/**
 * GRU scan as one custom op with a hand-written gradient (gru-loop.ts). The input projection stays
 * a regular matmul (tfjs differentiates it); only the recurrence is custom. Same contract and
 * numerics as the per-step op version in gru.ts (checked in fused-gru.test.ts).
 */
export function fusedGruScan(x: tf.Tensor3D, mask: tf.Tensor2D, w: GruWeights, reverse = false): ScanResult {
  const [s, l, i] = x.shape;
  const u = w.recurrentKernel.shape[0] ?? 0;
  const maskTm = tf.tidy(() => tf.transpose(mask).dataSync() as Float32Array);
  const projected = tf.reshape(
    tf.add(tf.matMul(tf.reshape(tf.transpose(x, [1, 0, 2]), [l * s, i]), w.kernel as tf.Tensor2D), w.bias),
    [l, s, 3 * u],
  );
  // Outside a gradient tape, skip customGrad: it costs a tape node and (tfjs 4.22) leaks one
  // tensor per call inside tf.tidy.
  const recording = tf.engine().state.gradientDepth > 0;
  const scan = recording ? tf.customGrad(((xp: tf.Tensor, rk: tf.Tensor) => {
    const rkData = rk.dataSync() as Float32Array;
    const trace = gruLoopForward(xp.dataSync() as Float32Array, maskTm, rkData, l, s, u, reverse);
    return {
      value: tf.tensor3d(trace.h, [l, s, u]),
      gradFunc: (dy: tf.Tensor) => {
        const { dxp, drk } = gruLoopBackward(trace, dy.dataSync() as Float32Array, maskTm, rkData, l, s, u, reverse);
        return [tf.tensor3d(dxp, [l, s, 3 * u]), tf.tensor2d(drk, [u, 3 * u])];
      },
    };
  }) as Parameters<typeof tf.customGrad>[0]) : (xp: tf.Tensor, rk: tf.Tensor) =>
    tf.tensor3d(gruLoopForward(xp.dataSync() as Float32Array, maskTm, rk.dataSync() as Float32Array, l, s, u, reverse).h, [l, s, u]);
  const states = scan(projected, w.recurrentKernel) as tf.Tensor3D;
  const outputs = tf.transpose(states, [1, 0, 2]) as tf.Tensor3D;
  // Forward, padding carries the state to the last index; in reverse, index 0 is read last.
  const final = tf.reshape(tf.slice(states, [reverse ? 0 : l - 1, 0, 0], [1, s, u]), [s, u]) as tf.Tensor2D;
  return { outputs, final };
}
