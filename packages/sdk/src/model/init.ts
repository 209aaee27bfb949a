import { gaussian, mulberry32 } from '../util/prng.ts';
import type { WeightSpec } from './weight-spec.ts';

/** A weight as plain data: what files, the reference JSON and the float64 check exchange. */
export interface WeightData {
  readonly shape: readonly number[];
  readonly data: Float32Array;
}

export type WeightMap = Record<string, WeightData>;

export interface InitOptions {
  /** Biases are drawn from U(-biasScale, biasScale); 0 (the default) gives zero biases. */
  readonly biasScale?: number;
}

function glorot(rand: () => number, fanIn: number, fanOut: number, size: number): Float32Array {
  const limit = Math.sqrt(6 / (fanIn + fanOut));
  return Float32Array.from({ length: size }, () => (2 * rand() - 1) * limit);
}

/**
 * Orthogonal recurrent blocks (one per gate), as Keras initialises GRUs: it keeps the recurrence
 * from exploding or vanishing early in training on long answers.
 */
function orthogonalBlocks(rand: () => number, units: number, blocks: number): Float32Array {
  const normal = gaussian(rand);
  const out = new Float32Array(units * units * blocks);
  for (let b = 0; b < blocks; b++) {
    const cols: Float64Array[] = [];
    for (let c = 0; c < units; c++) {
      const v = Float64Array.from({ length: units }, normal);
      for (const u of cols) {
        let dot = 0;
        for (let i = 0; i < units; i++) dot += (v[i] ?? 0) * (u[i] ?? 0);
        for (let i = 0; i < units; i++) v[i] = (v[i] ?? 0) - dot * (u[i] ?? 0);
      }
      const norm = Math.hypot(...v) || 1;
      for (let i = 0; i < units; i++) v[i] = (v[i] ?? 0) / norm;
      cols.push(v);
    }
    // Row-major [units, blocks*units]: column (b*units + c) holds cols[c].
    cols.forEach((col, c) => col.forEach((x, r) => (out[r * units * blocks + b * units + c] = x)));
  }
  return out;
}

/** Deterministic weights for a list of specs: the same seed gives the same bits everywhere. */
export function initWeights(specs: readonly WeightSpec[], seed: number, options: InitOptions = {}): WeightMap {
  const rand = mulberry32(seed);
  const biasScale = options.biasScale ?? 0;
  const weights: WeightMap = {};
  for (const spec of specs) {
    const size = spec.shape.reduce((a, b) => a * b, 1);
    const [rows = 1, cols = 1] = spec.shape;
    let data: Float32Array;
    switch (spec.role) {
      case 'kernel':
        data = glorot(rand, rows, cols, size);
        break;
      case 'recurrent':
        data = orthogonalBlocks(rand, rows, cols / rows);
        break;
      case 'query':
        data = glorot(rand, rows, 1, size);
        break;
      case 'bias':
        data = Float32Array.from({ length: size }, () => (2 * rand() - 1) * biasScale);
        break;
    }
    weights[spec.name] = { shape: [...spec.shape], data };
  }
  return weights;
}
