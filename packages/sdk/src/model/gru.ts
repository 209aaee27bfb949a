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
export function gruScan(x: tf.Tensor3D, mask: tf.Tensor2D, w: GruWeights, reverse = false): ScanResult {
  const [s, l, i] = x.shape;
  const u = w.recurrentKernel.shape[0] ?? 0;
  const projected = tf.reshape(tf.add(tf.matMul(tf.reshape(x, [s * l, i]), w.kernel as tf.Tensor2D), w.bias), [s, l, 3 * u]);
  const steps = tf.unstack(projected, 1);
  const masks = tf.unstack(tf.expandDims(mask, 2), 1);
  const gatesKernel = tf.slice(w.recurrentKernel, [0, 0], [u, 2 * u]) as tf.Tensor2D;
  const candidateKernel = tf.slice(w.recurrentKernel, [0, 2 * u], [u, u]) as tf.Tensor2D;
  let h: tf.Tensor2D = tf.zeros([s, u]);
  const outputs: tf.Tensor2D[] = new Array<tf.Tensor2D>(l);
  for (let k = 0; k < l; k++) {
    const t = reverse ? l - 1 - k : k;
    const [xz, xr, xh] = tf.split(steps[t] as tf.Tensor2D, 3, 1) as [tf.Tensor2D, tf.Tensor2D, tf.Tensor2D];
    const [hz, hr] = tf.split(tf.matMul(h, gatesKernel), 2, 1) as [tf.Tensor2D, tf.Tensor2D];
    const z = tf.sigmoid(tf.add(xz, hz));
    const r = tf.sigmoid(tf.add(xr, hr));
    const candidate = tf.tanh(tf.add(xh, tf.matMul(tf.mul(r, h), candidateKernel)));
    // z⊙h + (1−z)⊙h̃, written as h̃ + z⊙(h − h̃) to save an op.
    const next = tf.add(candidate, tf.mul(z, tf.sub(h, candidate)));
    h = tf.add(h, tf.mul(masks[t] as tf.Tensor2D, tf.sub(next, h))) as tf.Tensor2D;
    outputs[t] = h;
  }
  return { outputs: tf.stack(outputs, 1) as tf.Tensor3D, final: h };
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
export function biGruScan(x: tf.Tensor3D, mask: tf.Tensor2D, forward: GruWeights, backward: GruWeights): BiScanResult {
  const fw = gruScan(x, mask, forward);
  const bw = gruScan(x, mask, backward, true);
  return { outputs: tf.concat([fw.outputs, bw.outputs], 2), finalForward: fw.final, finalBackward: bw.final };
}

/** [rows, maxLength] float mask with 1 on the first lengths[r] steps. */
export function lengthMask(lengths: Int32Array, maxLength: number): tf.Tensor2D {
  const data = new Float32Array(lengths.length * maxLength);
  lengths.forEach((len, r) => data.fill(1, r * maxLength, r * maxLength + Math.min(len, maxLength)));
  return tf.tensor2d(data, [lengths.length, maxLength]);
}
