import * as tf from '@tensorflow/tfjs-core';
import { gruLoopBackward, gruLoopForward } from './gru-loop.ts';
import type { GruWeights, ScanResult } from './gru-scan-ops.ts';
import { webgpuGruStates, webgpuScanAvailable } from './kernels/gru-webgpu.ts';

/** Backends whose tensor data sits in JS-reachable memory, where a loop beats per-step ops. */
export const LOOP_BACKENDS: ReadonlySet<string> = new Set(['cpu', 'wasm']);

/** Outside a gradient tape (inference): the GPU kernel has no gradient, so training never uses it. */
function recordingGradients(): boolean {
  return tf.engine().state.gradientDepth > 0;
}

/**
 * Whether fusedGruScan runs here: the JS loop on cpu/wasm (training included), the one-dispatch
 * WebGPU kernel for inference on webgpu. Elsewhere the per-step op version (gru.ts) is used.
 */
export function fusedScanAvailable(units: number): boolean {
  return LOOP_BACKENDS.has(tf.getBackend()) || (!recordingGradients() && webgpuScanAvailable(units));
}

/**
 * GRU scan as one custom op: the JS loop with a hand-written gradient (gru-loop.ts) or the
 * WebGPU kernel (kernels/gru-webgpu.ts). The input projection stays a regular matmul (tfjs
 * differentiates it); only the recurrence is custom. Same contract and numerics as the
 * per-step op version in gru.ts (checked in fused-gru.test.ts and the browser kernel test).
 */
export function fusedGruScan(x: tf.Tensor3D, mask: tf.Tensor2D, w: GruWeights, reverse = false): ScanResult {
  const [s, l, i] = x.shape;
  const u = w.recurrentKernel.shape[0] ?? 0;
  const projected = tf.reshape(
    tf.add(tf.matMul(tf.reshape(tf.transpose(x, [1, 0, 2]), [l * s, i]), w.kernel as tf.Tensor2D), w.bias),
    [l, s, 3 * u],
  ) as tf.Tensor3D;
  const states = LOOP_BACKENDS.has(tf.getBackend())
    ? loopStates(projected, mask, w.recurrentKernel, l, s, u, reverse)
    : webgpuGruStates(projected, w.recurrentKernel as tf.Tensor2D, tf.transpose(mask), reverse);
  const outputs = tf.transpose(states, [1, 0, 2]) as tf.Tensor3D;
  // Forward, padding carries the state to the last index; in reverse, index 0 is read last.
  const final = tf.reshape(tf.slice(states, [reverse ? 0 : l - 1, 0, 0], [1, s, u]), [s, u]) as tf.Tensor2D;
  return { outputs, final };
}

function loopStates(
  projected: tf.Tensor3D,
  mask: tf.Tensor2D,
  recurrentKernel: tf.Tensor,
  l: number,
  s: number,
  u: number,
  reverse: boolean,
): tf.Tensor3D {
  // Not returned from tf.tidy: tidy walks its result, element by element for a typed array.
  const maskT = tf.transpose(mask);
  const maskTm = maskT.dataSync() as Float32Array;
  maskT.dispose();
  // Outside a gradient tape, skip customGrad: it costs a tape node and (tfjs 4.22) leaks one
  // tensor per call inside tf.tidy.
  const scan = recordingGradients()
    ? tf.customGrad(((xp: tf.Tensor, rk: tf.Tensor) => {
        const rkData = rk.dataSync() as Float32Array;
        const trace = gruLoopForward(xp.dataSync() as Float32Array, maskTm, rkData, l, s, u, reverse);
        return {
          value: tf.tensor3d(trace.h, [l, s, u]),
          gradFunc: (dy: tf.Tensor) => {
            const { dxp, drk } = gruLoopBackward(
              trace,
              dy.dataSync() as Float32Array,
              maskTm,
              rkData,
              l,
              s,
              u,
              reverse,
            );
            return [tf.tensor3d(dxp, [l, s, 3 * u]), tf.tensor2d(drk, [u, 3 * u])];
          },
        };
      }) as Parameters<typeof tf.customGrad>[0])
    : (xp: tf.Tensor, rk: tf.Tensor) =>
        tf.tensor3d(
          gruLoopForward(xp.dataSync() as Float32Array, maskTm, rk.dataSync() as Float32Array, l, s, u, reverse, false)
            .h,
          [l, s, u],
        );
  return scan(projected, recurrentKernel) as tf.Tensor3D;
}
