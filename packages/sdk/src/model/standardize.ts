/** Per-feature standardisation learned on the training split and stored in the model file. */
export interface Standardizer {
  readonly names: readonly string[];
  /** 'answer': each answer's own per-feature mean is removed first (see centrePerAnswer). */
  readonly centre?: 'answer' | 'none';
  readonly mean: readonly number[];
  readonly std: readonly number[];
}

/** Features whose spread is below this are centred but not scaled (constant columns). */
const MIN_STD = 1e-6;

/** Mean and std over every window of every answer (rows × width, flat). */
export function fitStandardizer(
  answers: Iterable<Float32Array>,
  names: readonly string[],
  centre: 'answer' | 'none' = 'none',
): Standardizer {
  const width = names.length;
  const sum = new Float64Array(width);
  const sumSq = new Float64Array(width);
  let rows = 0;
  for (const raw of answers) {
    const a = centre === 'answer' ? centrePerAnswer(raw, width) : raw;
    for (let r = 0; r < a.length / width; r++) {
      for (let c = 0; c < width; c++) {
        const v = a[r * width + c] as number;
        sum[c] = (sum[c] as number) + v;
        sumSq[c] = (sumSq[c] as number) + v * v;
      }
    }
    rows += a.length / width;
  }
  const mean = Array.from(sum, (s) => (rows === 0 ? 0 : s / rows));
  const std = Array.from(sumSq, (s, c) => {
    const m = mean[c] as number;
    const variance = rows < 2 ? 0 : (s - rows * m * m) / (rows - 1);
    const sd = Math.sqrt(Math.max(variance, 0));
    return sd < MIN_STD ? 1 : sd;
  });
  return { names: [...names], centre, mean, std };
}

/** (x − mean) / std, into a new array. */
export function standardize(rows: Float32Array, s: Standardizer): Float32Array {
  const width = s.names.length;
  const input = s.centre === 'answer' ? centrePerAnswer(rows, width) : rows;
  const out = new Float32Array(rows.length);
  for (let i = 0; i < rows.length; i++) {
    const c = i % width;
    out[i] = ((input[i] as number) - (s.mean[c] as number)) / (s.std[c] as number);
  }
  return out;
}

/**
 * Subtracts each feature's mean over the answer. Speakers differ far more in baseline (voice
 * range, loudness, camera distance) than a behaviour changes within an answer; removing the
 * baseline leaves the changes, which is what attention should find. Rows × width, flat.
 */
export function centrePerAnswer(rows: Float32Array, width: number): Float32Array {
  const steps = rows.length / width;
  const out = new Float32Array(rows.length);
  if (steps === 0) return out;
  for (let c = 0; c < width; c++) {
    let sum = 0;
    for (let t = 0; t < steps; t++) sum += rows[t * width + c]!;
    const mean = sum / steps;
    for (let t = 0; t < steps; t++) out[t * width + c] = rows[t * width + c]! - mean;
  }
  return out;
}
