import type { DatasetAnswer, DescriptorModality as Modality } from '@hirenet/sdk/internal/dataset/format';
import { modalitySpec, type Factor, type FeatureSpec, type ModalitySpec } from './features.ts';
import type { EventProfile } from './events.ts';

/** Persistence per 0.25 s hop of the shared latent processes. */
const FACTOR_PHI: Record<Factor, number> = { activity: 0.85, pitch: 0.8, face: 0.7, head: 0.95 };
const FACTORS = Object.keys(FACTOR_PHI) as Factor[];
/** Answer-to-answer drift of the baseline within one interview, in window sd units. */
const ANSWER_DRIFT = 0.3;
/** Per-frame spread of an AU intensity, which turns a window mean into a presence fraction. */
const PRESENCE_FRAME_SD = 0.08;

/**
 * Unit-variance AR(1) started from its stationary law. Starting stationary (not at 0) matters:
 * a stationary Gaussian process is time-reversible, which is what makes the two event kinds
 * (mirror images of each other) indistinguishable to order-free statistics.
 */
export function ar1(length: number, phi: number, gauss: () => number): Float64Array {
  const out = new Float64Array(length);
  const innovation = Math.sqrt(1 - phi * phi);
  let x = gauss();
  for (let t = 0; t < length; t++) {
    if (t > 0) x = phi * x + innovation * gauss();
    out[t] = x;
  }
  return out;
}

/** A speaker's per-feature baseline for one modality; `voice` is −1 or +1 (lower or higher voice range). */
export function speakerBaseline(spec: ModalitySpec, voice: number, gauss: () => number): Float64Array {
  return Float64Array.from(spec.features, (f) => f.mean + voice * (f.voiceShift ?? 0) + f.speakerSd * gauss());
}

function quantise(v: number, f: FeatureSpec): number {
  const clipped = Math.min(Math.max(v, f.lo), f.hi);
  const scale = 10 ** f.decimals;
  return Math.round(clipped * scale) / scale;
}

/**
 * One answer of one modality: rows[t][j] for window t and feature j, already clipped and rounded
 * as written. `event` (if any) is added on top of the noise, starting at window `eventStart`.
 */
export function answerSeries(
  spec: ModalitySpec,
  baseline: Float64Array,
  length: number,
  gauss: () => number,
  event: { profile: EventProfile; start: number } | null,
): number[][] {
  const features = spec.features;
  const rows: number[][] = Array.from({ length }, () => new Array<number>(features.length).fill(0));
  const latent = new Map<Factor, Float64Array>();
  for (const factor of FACTORS) {
    if (features.some((f) => f.factor === factor)) latent.set(factor, ar1(length, FACTOR_PHI[factor], gauss));
  }
  const deltas = new Map<number, Float64Array>();
  event?.profile.columns.forEach((c, i) => {
    const d = event.profile.deltas[i];
    if (d !== undefined) deltas.set(c, d);
  });
  const start = event?.start ?? 0;

  features.forEach((f, j) => {
    if (f.derived !== undefined) return;
    const base = (baseline[j] ?? f.mean) + ANSWER_DRIFT * f.sd * gauss();
    const own = ar1(length, f.phi, gauss);
    const shared = f.factor === undefined ? undefined : latent.get(f.factor);
    const loading = shared === undefined ? 0 : (f.loading ?? 0);
    const ownWeight = Math.sqrt(1 - loading * loading);
    const delta = deltas.get(j);
    for (let t = 0; t < length; t++) {
      let v = base + f.sd * (loading * (shared?.[t] ?? 0) + ownWeight * (own[t] ?? 0));
      if (delta !== undefined && t >= start && t < start + delta.length) v += delta[t - start] ?? 0;
      (rows[t] as number[])[j] = quantise(v, f);
    }
  });

  // Derived columns read the values actually written, in column order (presence before its std).
  features.forEach((f, j) => {
    const d = f.derived;
    if (d === undefined) return;
    for (let t = 0; t < length; t++) {
      const row = rows[t] as number[];
      const source = row[d.from] ?? 0;
      if (d.kind === 'binaryStd') {
        row[j] = quantise(Math.sqrt(Math.max(0, source * (1 - source))), f);
        continue;
      }
      const z = (source - d.threshold) / PRESENCE_FRAME_SD;
      row[j] = quantise(1 / (1 + Math.exp(-1.7 * z)) + f.sd * gauss(), f);
    }
  });
  return rows;
}

/**
 * One speaker's answers, in both worlds: a voice, a baseline per modality, then per answer and
 * modality (null where `missing` says so) a series shaped by `shape`. The draws come in this
 * order so that the default world stays byte-identical to its earlier versions.
 */
export function speakerAnswers(
  modalities: readonly Modality[],
  missing: readonly (Modality | null)[],
  lengths: readonly number[],
  uniform: () => number,
  gauss: () => number,
  shape: (answer: number, modality: Modality, spec: ModalitySpec) => { profile: EventProfile; start: number },
): DatasetAnswer[] {
  const voice = uniform() < 0.5 ? -1 : 1;
  const baselines = new Map(modalities.map((m) => [m, speakerBaseline(modalitySpec(m), voice, gauss)] as const));
  return lengths.map((length, i) => {
    const answer: Partial<Record<Modality, number[][] | null>> = {};
    for (const m of modalities) {
      if (missing[i] === m) {
        answer[m] = null;
        continue;
      }
      const spec = modalitySpec(m);
      const event = shape(i, m, spec);
      answer[m] = answerSeries(spec, baselines.get(m) ?? speakerBaseline(spec, voice, gauss), length, gauss, event);
    }
    return answer;
  });
}
