import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-cpu';
import { describe, expect, it } from 'vitest';
import { biGruScan, gruScan, lengthMask } from './gru.ts';

const sigmoid = (x: number): number => 1 / (1 + Math.exp(-x));

/** Textbook float64 GRU, written independently of gru.ts, for one sequence. */
function gruFloat64(xs: number[][], k: number[][], r: number[][], b: number[]): number[][] {
  const u = r.length;
  let h = new Array<number>(u).fill(0);
  const out: number[][] = [];
  for (const x of xs) {
    const pre = (gate: number, hv: number[]): number[] =>
      Array.from({ length: u }, (_, j) => {
        let s = b[gate * u + j] ?? 0;
        x.forEach((xi, i) => (s += xi * (k[i]?.[gate * u + j] ?? 0)));
        hv.forEach((hi, i) => (s += hi * (r[i]?.[gate * u + j] ?? 0)));
        return s;
      });
    const z = pre(0, h).map(sigmoid);
    const rr = pre(1, h).map(sigmoid);
    const cand = pre(
      2,
      h.map((hi, i) => hi * (rr[i] ?? 0)),
    ).map(Math.tanh);
    h = h.map((hi, j) => (z[j] ?? 0) * hi + (1 - (z[j] ?? 0)) * (cand[j] ?? 0));
    out.push(h);
  }
  return out;
}

const rand = (n: number, m: number, seed: number): number[][] =>
  Array.from({ length: n }, (_, i) => Array.from({ length: m }, (_, j) => Math.sin(seed * 7.3 + i * 1.7 + j * 0.9)));

describe('gruScan', () => {
  it('matches a float64 textbook GRU with sigmoid gates and reset before the recurrent product', () => {
    const [inDim, units, steps] = [3, 4, 6];
    const k = rand(inDim, 3 * units, 1);
    const r = rand(units, 3 * units, 2);
    const b = rand(1, 3 * units, 3)[0] ?? [];
    const xs = rand(steps, inDim, 4);
    const expected = gruFloat64(xs, k, r, b);
    const outputs = tf.tidy(() =>
      gruScan(tf.tensor3d([xs]), tf.ones([1, steps]), {
        kernel: tf.tensor2d(k),
        recurrentKernel: tf.tensor2d(r),
        bias: tf.tensor1d(b),
      }).outputs.arraySync(),
    );
    expected.forEach((row, t) => row.forEach((v, j) => expect(outputs[0]?.[t]?.[j]).toBeCloseTo(v, 5)));
  });

  it('holds the last real state through padding', () => {
    const w = { kernel: tf.tensor2d(rand(2, 6, 5)), recurrentKernel: tf.tensor2d(rand(2, 6, 6)), bias: tf.zeros([6]) };
    const xs = rand(5, 2, 7);
    const [alone, padded] = tf.tidy(() => [
      gruScan(tf.tensor3d([xs.slice(0, 3)]), tf.ones([1, 3]), w).final.arraySync(),
      gruScan(tf.tensor3d([xs]), lengthMask(Int32Array.of(3), 5), w).final.arraySync(),
    ]);
    expect(padded).toEqual(alone);
    Object.values(w).forEach((t) => t.dispose());
  });
});

describe('biGruScan', () => {
  it('starts the backward direction at the last real step: padding changes nothing', () => {
    const fw = {
      kernel: tf.tensor2d(rand(2, 9, 8)),
      recurrentKernel: tf.tensor2d(rand(3, 9, 9)),
      bias: tf.tensor1d(rand(1, 9, 10)[0] ?? []),
    };
    const bw = {
      kernel: tf.tensor2d(rand(2, 9, 11)),
      recurrentKernel: tf.tensor2d(rand(3, 9, 12)),
      bias: tf.zeros([9]),
    };
    const xs = rand(4, 2, 13);
    const before = tf.memory().numTensors;
    const [alone, padded] = tf.tidy(() => {
      const a = biGruScan(tf.tensor3d([xs]), tf.ones([1, 4]), fw, bw).outputs.arraySync();
      const p = biGruScan(
        tf.tensor3d([[...xs, [9, 9], [9, 9]]]),
        lengthMask(Int32Array.of(4), 6),
        fw,
        bw,
      ).outputs.arraySync();
      return [a, p];
    });
    expect(tf.memory().numTensors).toBe(before);
    alone[0]?.forEach((row, t) => row.forEach((v, j) => expect(padded[0]?.[t]?.[j]).toBeCloseTo(v, 6)));
    [...Object.values(fw), ...Object.values(bw)].forEach((t) => t.dispose());
  });
});
