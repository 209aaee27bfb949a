/**
 * Symmetric int8 quantisation of word vectors.
 *
 * Per-vector scales (one float32 per word) rather than per-dimension ones: GloVe norms span more
 * than an order of magnitude (frequent words are long, rare ones short), so a shared per-dimension
 * step would spend most of its 255 levels on the long vectors and flatten the short ones. The build
 * script measures both; docs/word-vectors.md has the numbers.
 */
import { HireNetError } from '../util/errors.ts';

/** Quantised rows: `codes[i * dims + d] * scales[i]` approximates row i, dimension d. */
export interface QuantisedVectors {
  readonly count: number;
  readonly dims: number;
  readonly scales: Float32Array;
  readonly codes: Int8Array;
}

/** Quantises `count` rows of `dims` values (row-major) with one scale per row (max |x| / 127). */
export function quantisePerVector(values: Float32Array, dims: number): QuantisedVectors {
  if (dims <= 0 || values.length % dims !== 0)
    throw new HireNetError('invalid-input', `${values.length} values do not split into rows of ${dims}`);
  const count = values.length / dims;
  const scales = new Float32Array(count);
  const codes = new Int8Array(values.length);
  for (let i = 0; i < count; i++) {
    const base = i * dims;
    let maxAbs = 0;
    for (let d = 0; d < dims; d++) maxAbs = Math.max(maxAbs, Math.abs(values[base + d] ?? 0));
    // Round the scale to float32 before coding, so the codes are chosen against the scale the
    // reader will actually multiply by.
    const scale = Math.fround(maxAbs / 127);
    scales[i] = scale;
    if (scale === 0) continue;
    for (let d = 0; d < dims; d++) codes[base + d] = clampCode(Math.round((values[base + d] ?? 0) / scale));
  }
  return { count, dims, scales, codes };
}

/**
 * Per-dimension alternative (one scale per column over all rows). Kept only so the build script
 * can report what it would cost; the shipped format is per-vector.
 */
export function quantisePerDimension(values: Float32Array, dims: number): { scales: Float32Array; codes: Int8Array } {
  const count = values.length / dims;
  const scales = new Float32Array(dims);
  for (let i = 0; i < count; i++) {
    for (let d = 0; d < dims; d++) scales[d] = Math.max(scales[d] ?? 0, Math.abs(values[i * dims + d] ?? 0));
  }
  for (let d = 0; d < dims; d++) scales[d] = Math.fround((scales[d] ?? 0) / 127);
  const codes = new Int8Array(values.length);
  for (let i = 0; i < values.length; i++) {
    const s = scales[i % dims] ?? 0;
    codes[i] = s === 0 ? 0 : clampCode(Math.round((values[i] ?? 0) / s));
  }
  return { scales, codes };
}

/** Dequantises row `row` into `out` (allocated when omitted). */
export function dequantiseRow(q: QuantisedVectors, row: number, out?: Float32Array): Float32Array {
  const target = out ?? new Float32Array(q.dims);
  const scale = q.scales[row] ?? 0;
  const base = row * q.dims;
  for (let d = 0; d < q.dims; d++) target[d] = (q.codes[base + d] ?? 0) * scale;
  return target;
}

/** Cosine similarity; 0 when either vector is all zeros (so unknown rows never look similar). */
export function cosine(a: ArrayLike<number>, b: ArrayLike<number>): number {
  let dot = 0;
  let na = 0;
  let nb = 0;
  for (let i = 0; i < a.length; i++) {
    const x = a[i] ?? 0;
    const y = b[i] ?? 0;
    dot += x * y;
    na += x * x;
    nb += y * y;
  }
  return na === 0 || nb === 0 ? 0 : dot / Math.sqrt(na * nb);
}

function clampCode(v: number): number {
  return Math.max(-127, Math.min(127, v));
}
