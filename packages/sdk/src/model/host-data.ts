/**
 * Tensors made from a host Float32Array remember it, so the cpu/wasm inference path
 * (gru-inference.ts) reads the array instead of copying the tensor back out of the backend
 * (readSync was ~10 % of a scoring in Chromium). tfjs tensors are immutable; the array must not
 * change while the tensor lives — forward() builds both and uses them at once.
 */
import * as tf from '@tensorflow/tfjs-core';

const hostData = new WeakMap<tf.Tensor, Float32Array>();

export function tensorFromHost<R extends tf.Rank>(data: Float32Array, shape: readonly number[]): tf.Tensor<R> {
  const t = tf.tensor<tf.Rank>(data, [...shape]) as tf.Tensor<R>;
  hostData.set(t, data);
  return t;
}

/** The tensor's values as float32: its host array when it has one, else read from the backend. */
export function tensorData(t: tf.Tensor): Float32Array {
  return hostData.get(t) ?? (t.dataSync() as Float32Array);
}
