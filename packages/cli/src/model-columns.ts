/**
 * A dataset may carry more columns than a model reads (a pilot's export with posture scored by a
 * face-only model): the model's columns are picked by name, in its order. A column the model needs
 * and the dataset lacks is still `feature-mismatch` (assertSameFeatures names it).
 */
import type { ParsedInterview } from '@hirenet/sdk/internal/dataset/validate';
import type { HireNetModel } from '@hirenet/sdk/internal/model/hirenet-model';
import { featureMetadata } from '@hirenet/sdk/internal/model/model-features';

/** Where each of the model's columns sits in the dataset's; null when they are the same list (or text). */
export function modelColumns(model: HireNetModel, names: readonly string[] | undefined): number[] | null {
  const f = featureMetadata(model);
  if (f.modality === 'text' || names === undefined) return null;
  const expected = f.standardizer.names;
  if (expected.length === names.length && expected.every((n, i) => n === names[i])) return null;
  const at = expected.map((n) => names.indexOf(n));
  return at.every((i) => i >= 0) ? at : null;
}

/** Rows (steps × width, flat) reduced to the columns at `at`, in that order. */
export function pickColumns(rows: Float32Array, width: number, at: readonly number[]): Float32Array {
  const steps = rows.length / width;
  const out = new Float32Array(steps * at.length);
  for (let t = 0; t < steps; t++)
    for (let j = 0; j < at.length; j++) out[t * at.length + j] = rows[t * width + at[j]!]!;
  return out;
}

/** The interviews with every answer's `modality` rows reduced to the model's columns. */
export function withModelColumns(
  interviews: readonly ParsedInterview[],
  modality: 'audio' | 'video',
  width: number,
  at: readonly number[],
): ParsedInterview[] {
  return interviews.map((iv) => ({
    ...iv,
    answers: iv.answers.map((a) => {
      const rows = a[modality];
      return rows == null ? a : { ...a, [modality]: pickColumns(rows, width, at) };
    }),
  }));
}
