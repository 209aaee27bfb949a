/**
 * The GRU as per-step tfjs ops: the reference path every other one is checked against, and the
 * one that runs on any backend with a gradient (gru-paths.ts lists them all).
 */
import * as tf from '@tensorflow/tfjs-core';

/** One GRU's weights in the tfjs-layers layout (docs/weight-contract.md). */
export interface GruWeights {
  readonly kernel: tf.Tensor;
  readonly recurrentKernel: tf.Tensor;
  readonly bias: tf.Tensor;
}

export interface ScanResult {
  /** [S, L, U]: the state after each step; padded steps repeat the last real state. */
  readonly outputs: tf.Tensor3D;
  /** [S, U]: the state after the last real step (zero for an empty sequence). */
  readonly final: tf.Tensor2D;
}

/**
 * Runs a GRU over right-padded sequences. mask [S, L] is 1 on real steps; on padded steps the
 * state is carried unchanged. Forward, the final state is the one at the last real step.
 * With `reverse`, steps are read from L−1 down to 0: the padding at the end comes first and leaves
 * the state at zero, so each sequence starts from h0 = 0 at its own last real step — no per-row
 * reordering (whose gather gradient is very slow in tfjs) is needed.
 * Input projections of all steps are one matmul; only the recurrent part loops.
 */
export function gruScanOps(x: tf.Tensor3D, mask: tf.Tensor2D, w: GruWeights, reverse = false): ScanResult {
  const [s, l, i] = x.shape;
  const u = w.recurrentKernel.shape[0] ?? 0;
  // Time-major [L, S, ·] so each step is a contiguous slice: tfjs' cpu backend slices strided
  // views element by element, which made per-step splits dominate the whole model.
  const timeMajor = tf.reshape(tf.transpose(x, [1, 0, 2]), [l * s, i]);
  const gate = (g: number): tf.Tensor2D[] => {
    const kernel = tf.slice(w.kernel, [0, g * u], [i, u]) as tf.Tensor2D;
    const bias = tf.slice(w.bias, [g * u], [u]);
    return tf.unstack(tf.reshape(tf.add(tf.matMul(timeMajor, kernel), bias), [l, s, u])) as tf.Tensor2D[];
  };
  const [xz, xr, xh] = [gate(0), gate(1), gate(2)];
  const masks = tf.unstack(tf.expandDims(tf.transpose(mask), 2)) as tf.Tensor2D[];
  const [rz, rr, rh] = [0, 1, 2].map((g) => tf.slice(w.recurrentKernel, [0, g * u], [u, u]) as tf.Tensor2D) as [
    tf.Tensor2D,
    tf.Tensor2D,
    tf.Tensor2D,
  ];
  let h: tf.Tensor2D = tf.zeros([s, u]);
  const outputs: tf.Tensor2D[] = new Array<tf.Tensor2D>(l);
  for (let k = 0; k < l; k++) {
    const t = reverse ? l - 1 - k : k;
    const z = tf.sigmoid(tf.add(xz[t] as tf.Tensor2D, tf.matMul(h, rz)));
    const r = tf.sigmoid(tf.add(xr[t] as tf.Tensor2D, tf.matMul(h, rr)));
    const candidate = tf.tanh(tf.add(xh[t] as tf.Tensor2D, tf.matMul(tf.mul(r, h), rh)));
    // z⊙h + (1−z)⊙h̃, written as h̃ + z⊙(h − h̃) to save an op.
    const next = tf.add(candidate, tf.mul(z, tf.sub(h, candidate)));
    h = tf.add(h, tf.mul(masks[t] as tf.Tensor2D, tf.sub(next, h))) as tf.Tensor2D;
    outputs[t] = h;
  }
  return { outputs: tf.transpose(tf.stack(outputs), [1, 0, 2]) as tf.Tensor3D, final: h };
}
