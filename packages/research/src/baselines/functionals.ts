/**
 * The paper's non-sequential representation of one answer (after Bost et al., its BIBREF28):
 * per descriptor, statistics over the answer's windows that ignore their order (except through
 * the gradient sums, which see only neighbouring windows).
 */
import { HireNetError } from '@hirenet/sdk/internal/util/errors';
export const FUNCTIONALS = ['mean', 'std', 'min', 'max', 'posGradSum', 'negGradSum'] as const;

/** Names of the output columns, descriptor-major: `F0_mean`, `F0_std`, …, `loudness_mean`, …. */
export function functionalNames(descriptors: readonly string[]): string[] {
  return descriptors.flatMap((d) => FUNCTIONALS.map((f) => `${d}_${f}`));
}

/**
 * Functionals of one answer given as flat rows (steps × width, row-major, as the dataset reader
 * and the encoder store them). std is the population std (divides by steps) so a one-window
 * answer has std 0 rather than NaN. negGradSum is reported as a positive magnitude, so a series
 * that rises and falls back has posGradSum = negGradSum.
 */
export function answerFunctionals(rows: Float32Array, width: number): Float64Array {
  if (width <= 0 || rows.length % width !== 0)
    throw new HireNetError('invalid-input', `answerFunctionals: ${rows.length} values are not whole rows of ${width}`);
  const steps = rows.length / width;
  if (steps === 0)
    throw new HireNetError('invalid-input', 'answerFunctionals: an empty answer has no functionals (skip it)');
  const k = FUNCTIONALS.length;
  const out = new Float64Array(width * k);
  for (let c = 0; c < width; c++) {
    let sum = 0;
    let min = Infinity;
    let max = -Infinity;
    let pos = 0;
    let neg = 0;
    for (let t = 0; t < steps; t++) {
      const v = rows[t * width + c] as number;
      sum += v;
      if (v < min) min = v;
      if (v > max) max = v;
      if (t > 0) {
        const g = v - (rows[(t - 1) * width + c] as number);
        if (g > 0) pos += g;
        else neg -= g;
      }
    }
    const mean = sum / steps;
    // Two passes: a one-pass Σx² − n·mean² loses everything to cancellation on dB-scale columns.
    let sq = 0;
    for (let t = 0; t < steps; t++) {
      const dv = (rows[t * width + c] as number) - mean;
      sq += dv * dv;
    }
    out.set([mean, Math.sqrt(sq / steps), min, max, pos, neg], c * k);
  }
  return out;
}
