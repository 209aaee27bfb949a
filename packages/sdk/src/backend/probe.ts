/**
 * A tiny fixed computation, sigmoid(tanh(x·W) · V), the op mix of a GRU gate. It checks that a
 * backend computes what the others compute and warms it up (first calls compile shaders).
 */
import * as tf from '@tensorflow/tfjs-core';

const rows = 4;
const inner = 24;
const hidden = 16;
const outCols = 3;

/** Deterministic values in (-1, 1) from a small LCG, so every backend and the reference see the same inputs. */
function fill(n: number, seed: number): Float32Array {
  const out = new Float32Array(n);
  let s = seed >>> 0;
  for (let i = 0; i < n; i++) {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    out[i] = (s / 2 ** 32) * 2 - 1;
  }
  return out;
}

const x = fill(rows * inner, 1);
const w = fill(inner * hidden, 2);
const v = fill(hidden * outCols, 3);

/** Run the probe on the active tfjs backend; returns rows×outCols values, row-major. */
export async function runProbe(): Promise<number[]> {
  const y = tf.tidy(() => {
    const h = tf.tanh(tf.matMul(tf.tensor2d(x, [rows, inner]), tf.tensor2d(w, [inner, hidden])));
    return tf.sigmoid(tf.matMul(h, tf.tensor2d(v, [hidden, outCols])));
  });
  try {
    return Array.from(await y.data());
  } finally {
    y.dispose();
  }
}

/** The same computation in float64 plain JS, independent of tfjs. */
export function probeReference(): number[] {
  const h = new Float64Array(rows * hidden);
  for (let r = 0; r < rows; r++) {
    for (let j = 0; j < hidden; j++) {
      let acc = 0;
      for (let k = 0; k < inner; k++) acc += x[r * inner + k]! * w[k * hidden + j]!;
      h[r * hidden + j] = Math.tanh(acc);
    }
  }
  const out: number[] = [];
  for (let r = 0; r < rows; r++) {
    for (let c = 0; c < outCols; c++) {
      let acc = 0;
      for (let j = 0; j < hidden; j++) acc += h[r * hidden + j]! * v[j * outCols + c]!;
      out.push(1 / (1 + Math.exp(-acc)));
    }
  }
  return out;
}
