import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-cpu';
import './register-gradients.ts';
import { describe, expect, it } from 'vitest';
import { fusedGruScan } from '@hirenet/sdk/internal/model/fused-gru';
import { gruScanOps, lengthMask } from '@hirenet/sdk/internal/model/gru';

const wave = (shape: number[], seed: number): tf.Tensor =>
  tf.tensor(
    Float32Array.from({ length: shape.reduce((a, b) => a * b, 1) }, (_, k) => 0.6 * Math.sin(seed + k * 0.37)),
    shape,
  );

function maxDiff(a: tf.Tensor, b: tf.Tensor): number {
  return tf.tidy(() => tf.max(tf.abs(tf.sub(a, b))).dataSync()[0] ?? NaN);
}

describe.each([false, true])('fusedGruScan (reverse=%s)', (reverse) => {
  it('matches the per-step op version in outputs, final state and every gradient', () => {
    const [s, l, i, u] = [3, 7, 4, 5];
    const x = wave([s, l, i], 1) as tf.Tensor3D;
    const mask = lengthMask(Int32Array.of(7, 3, 0), l);
    const w = { kernel: wave([i, 3 * u], 2), recurrentKernel: wave([u, 3 * u], 3), bias: wave([3 * u], 4) };
    // A loss that weighs every output and the final state differently, so no gradient hides.
    const weights = wave([s, l, u], 5);
    const before = tf.memory().numTensors;
    const loss = (scan: typeof fusedGruScan) => (xx: tf.Tensor, k: tf.Tensor, r: tf.Tensor, b: tf.Tensor) => {
      const res = scan(xx as tf.Tensor3D, mask, { kernel: k, recurrentKernel: r, bias: b }, reverse);
      return tf.add(tf.sum(tf.mul(res.outputs, weights)), tf.sum(tf.square(res.final)));
    };
    const fusedGrads = tf.grads(loss(fusedGruScan))([x, w.kernel, w.recurrentKernel, w.bias]);
    const opsGrads = tf.grads(loss(gruScanOps))([x, w.kernel, w.recurrentKernel, w.bias]);
    fusedGrads.forEach((g, k) => expect(maxDiff(g, opsGrads[k] as tf.Tensor), `gradient ${k}`).toBeLessThan(1e-5));
    expect(tf.tidy(() => tf.sum(tf.abs(fusedGrads[2] as tf.Tensor)).dataSync()[0])).toBeGreaterThan(0);
    const [fo, ff, oo, of] = tf.tidy(() => {
      const f = fusedGruScan(x, mask, w, reverse);
      const o = gruScanOps(x, mask, w, reverse);
      return [f.outputs, f.final, o.outputs, o.final];
    }) as tf.Tensor[];
    expect(maxDiff(fo as tf.Tensor, oo as tf.Tensor)).toBeLessThan(1e-6);
    expect(maxDiff(ff as tf.Tensor, of as tf.Tensor)).toBeLessThan(1e-6);
    tf.dispose([...fusedGrads, ...opsGrads, fo as tf.Tensor, ff as tf.Tensor, oo as tf.Tensor, of as tf.Tensor]);
    expect(tf.memory().numTensors).toBe(before);
    tf.dispose([x, mask, weights, ...Object.values(w)]);
  });
});
