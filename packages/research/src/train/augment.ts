import type { Standardizer } from '@hirenet/sdk/internal/model/standardize';
import type { EncodedInterview } from './encode.ts';
import {
  drawPerturbation,
  gainColumns,
  loudnessFactor,
  resampleRows,
  takePositions,
  type GainKind,
  type PerturbationLaw,
} from './take-perturbation.ts';

/**
 * Training-time take augmentation: every answer of a training batch is read as another take
 * would read it (take-perturbation.ts), fresh for every batch. It acts on the standardised rows
 * the trainer holds, which is exact: interpolation commutes with the affine standardisation, a
 * dB shift is a shift by gain/std, a loudness factor γ maps z to γz + (γ − 1)·mean/std, and with
 * per-answer centring each column's answer mean is restored afterwards (what re-centring the
 * perturbed raw rows would give).
 */
export interface AugmentPlan {
  readonly law: PerturbationLaw;
  readonly width: number;
  readonly centred: boolean;
  readonly gain: readonly { index: number; kind: GainKind; mean: number; std: number }[];
}

export function augmentPlan(s: Standardizer, law: PerturbationLaw): AugmentPlan {
  return {
    law,
    width: s.names.length,
    centred: s.centre === 'answer',
    gain: gainColumns(s.names).map((g) => ({ ...g, mean: s.mean[g.index] ?? 0, std: s.std[g.index] ?? 1 })),
  };
}

function columnMeans(rows: Float32Array, width: number): Float64Array {
  const means = new Float64Array(width);
  const steps = rows.length / width;
  for (let i = 0; i < rows.length; i++) means[i % width] = means[i % width]! + rows[i]! / steps;
  return means;
}

/** One standardised answer (steps × width, flat) as another take. */
export function augmentAnswer(rows: Float32Array, plan: AugmentPlan, uniform: () => number): Float32Array {
  const { width } = plan;
  const steps = rows.length / width;
  if (steps < 2) return rows;
  const p = drawPerturbation(plan.law, uniform);
  const out = resampleRows(rows, width, takePositions(steps, p, uniform));
  const outSteps = out.length / width;
  const factor = loudnessFactor(p.gainDb);
  for (const g of plan.gain) {
    for (let t = 0; t < outSteps; t++) {
      const i = t * width + g.index;
      out[i] = g.kind === 'db' ? out[i]! + p.gainDb / g.std : factor * out[i]! + ((factor - 1) * g.mean) / g.std;
    }
  }
  if (plan.centred) {
    const before = columnMeans(rows, width);
    const after = columnMeans(out, width);
    for (let i = 0; i < out.length; i++) out[i] = out[i]! - after[i % width]! + before[i % width]!;
  }
  return out;
}

export function augmentInterview<T extends EncodedInterview>(iv: T, plan: AugmentPlan, uniform: () => number): T {
  return { ...iv, answers: iv.answers.map((a) => (a === null ? null : augmentAnswer(a, plan, uniform))) };
}
