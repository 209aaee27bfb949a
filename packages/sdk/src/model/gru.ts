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
 * state is carried unchanged, so the final state is the one at the last real step.
 * Input projections of all steps are one matmul; only the recurrent part loops.
 */
export function gruScan(x: tf.Tensor3D, mask: tf.Tensor2D, w: GruWeights): ScanResult {
  const [s, l, i] = x.shape;
  const u = w.recurrentKernel.shape[0] ?? 0;
  const projected = tf.reshape(tf.add(tf.matMul(tf.reshape(x, [s * l, i]), w.kernel as tf.Tensor2D), w.bias), [s, l, 3 * u]);
  const steps = tf.unstack(projected, 1);
  const masks = tf.unstack(tf.expandDims(mask, 2), 1);
  const gatesKernel = tf.slice(w.recurrentKernel, [0, 0], [u, 2 * u]) as tf.Tensor2D;
  const candidateKernel = tf.slice(w.recurrentKernel, [0, 2 * u], [u, u]) as tf.Tensor2D;
  let h: tf.Tensor2D = tf.zeros([s, u]);
  const outputs: tf.Tensor2D[] = [];
  steps.forEach((xt, t) => {
    const [xz, xr, xh] = tf.split(xt, 3, 1) as [tf.Tensor2D, tf.Tensor2D, tf.Tensor2D];
    const [hz, hr] = tf.split(tf.matMul(h, gatesKernel), 2, 1) as [tf.Tensor2D, tf.Tensor2D];
    const z = tf.sigmoid(tf.add(xz, hz));
    const r = tf.sigmoid(tf.add(xr, hr));
    const candidate = tf.tanh(tf.add(xh, tf.matMul(tf.mul(r, h), candidateKernel)));
    // z⊙h + (1−z)⊙h̃, written as h̃ + z⊙(h − h̃) to save an op.
    const next = tf.add(candidate, tf.mul(z, tf.sub(h, candidate)));
    const m = masks[t] as tf.Tensor2D;
    h = tf.add(h, tf.mul(m, tf.sub(next, h))) as tf.Tensor2D;
    outputs.push(h);
  });
  return { outputs: tf.stack(outputs, 1) as tf.Tensor3D, final: h };
}

/**
 * Flat row indices that reverse each sequence within its own length and leave padding in place.
 * The permutation is its own inverse, so the same indices put backward outputs back in order.
 */
export function reverseWithinLength(lengths: Int32Array, maxLength: number): Int32Array {
  const index = new Int32Array(lengths.length * maxLength);
  lengths.forEach((len, s) => {
    for (let t = 0; t < maxLength; t++) index[s * maxLength + t] = s * maxLength + (t < len ? len - 1 - t : t);
  });
  return index;
}

function permuteSteps<T extends tf.Tensor3D>(x: T, index: tf.Tensor1D): T {
  const [s, l, f] = x.shape;
  return tf.reshape(tf.gather(tf.reshape(x, [s * l, f]), index), [s, l, f]) as T;
}

export interface BiScanResult {
  /** [S, L, 2U]: [forward, backward] at each step. */
  readonly outputs: tf.Tensor3D;
  /** [S, U] forward state after the last real step. */
  readonly finalForward: tf.Tensor2D;
  /** [S, U] backward state after reading back to the first step. */
  readonly finalBackward: tf.Tensor2D;
}

/** Bidirectional GRU whose backward pass starts at each sequence's last real step. */
export function biGruScan(x: tf.Tensor3D, mask: tf.Tensor2D, lengths: Int32Array, forward: GruWeights, backward: GruWeights): BiScanResult {
  const fw = gruScan(x, mask, forward);
  const index = tf.tensor1d(reverseWithinLength(lengths, x.shape[1]), 'int32');
  const bw = gruScan(permuteSteps(x, index), mask, backward);
  const backwardOutputs = permuteSteps(bw.outputs, index);
  return { outputs: tf.concat([fw.outputs, backwardOutputs], 2), finalForward: fw.final, finalBackward: bw.final };
}

/** [rows, maxLength] float mask with 1 on the first lengths[r] steps. */
export function lengthMask(lengths: Int32Array, maxLength: number): tf.Tensor2D {
  const data = new Float32Array(lengths.length * maxLength);
  lengths.forEach((len, r) => data.fill(1, r * maxLength, r * maxLength + Math.min(len, maxLength)));
  return tf.tensor2d(data, [lengths.length, maxLength]);
}
