import { AUDIO_FEATURE_SCHEMA, audioSchemaId } from '../audio/schema.ts';
import { AU_TABLE } from '../video/au-map.ts';
import { VIDEO_FEATURE_SCHEMA } from '../video/schema.ts';
import type { Modality } from '../dataset/format.ts';

/**
 * Marginal statistics of each synthetic window feature. Names come from the real extractors'
 * window schemas so a model trained on SimInterview has the same input layout as one trained on
 * pilot exports; the numbers are plausible ranges for those extractors, not fitted to any corpus.
 */
export type Factor = 'activity' | 'pitch' | 'face' | 'head';

export interface FeatureSpec {
  readonly name: string;
  /** Population mean of the window value. */
  readonly mean: number;
  /** Spread of the speaker baseline around `mean`. */
  readonly speakerSd: number;
  /** Window-to-window spread around the speaker baseline; event deltas are in these units. */
  readonly sd: number;
  /** AR(1) coefficient per 0.25 s hop of the feature's own component. */
  readonly phi: number;
  readonly lo: number;
  readonly hi: number;
  readonly decimals: number;
  /** Shared latent process (so e.g. loudness and voicing move together) and its loading in [−1, 1]. */
  readonly factor?: Factor;
  readonly loading?: number;
  /** Baseline shift for the speaker's voice range (−1 lower, +1 higher), in feature units. */
  readonly voiceShift?: number;
  /** `_pres` columns are a function of their `_int` column: frames above the AU's threshold. */
  readonly presenceOf?: { readonly column: number; readonly threshold: number };
}

export interface ModalitySpec {
  readonly modality: Modality;
  readonly schemaId: string;
  readonly features: readonly FeatureSpec[];
}

type Row = readonly [mean: number, speakerSd: number, sd: number, lo: number, hi: number, decimals: number];
interface Descriptor {
  readonly value: Row;
  /** Within-window standard deviation column (`<name>_std`), always ≥ 0. */
  readonly spread: readonly [mean: number, sd: number, decimals: number];
  readonly factor?: Factor;
  readonly loading?: number;
  readonly voiceShift?: number;
}

// Per-descriptor window statistics (value = the `_mean` column) for the eGeMAPS-style LLDs.
const AUDIO_DESCRIPTORS: Record<string, Descriptor> = {
  F0_semitones: { value: [29, 2, 1.5, 10, 50, 2], spread: [1.2, 0.5, 2], factor: 'pitch', loading: 0.6, voiceShift: 4.5 },
  voicing: { value: [0.62, 0.06, 0.14, 0, 1, 3], spread: [0.22, 0.07, 3], factor: 'activity', loading: 0.8 },
  loudness: { value: [0.9, 0.25, 0.3, 0, 4, 3], spread: [0.35, 0.1, 3], factor: 'activity', loading: 0.7 },
  intensity_dB: { value: [62, 4, 3.5, 30, 95, 1], spread: [5, 1.5, 2], factor: 'activity', loading: 0.7 },
  jitterLocal: { value: [0.02, 0.005, 0.007, 0, 0.2, 4], spread: [0.012, 0.004, 4] },
  shimmerLocaldB: { value: [1.1, 0.2, 0.3, 0, 5, 3], spread: [0.5, 0.15, 3] },
  HNRdB: { value: [8, 2.5, 2.5, -10, 30, 2], spread: [3, 1, 2], factor: 'activity', loading: 0.4 },
  alphaRatio: { value: [-12, 3, 3.5, -40, 10, 2], spread: [4, 1.2, 2] },
  hammarbergIndex: { value: [20, 5, 5, -10, 50, 2], spread: [6, 2, 2] },
  slope0_500: { value: [0.03, 0.02, 0.035, -0.5, 0.5, 4], spread: [0.04, 0.012, 4] },
  slope500_1500: { value: [-0.02, 0.006, 0.01, -0.2, 0.2, 4], spread: [0.01, 0.003, 4] },
  spectralFlux: { value: [0.4, 0.1, 0.15, 0, 3, 3], spread: [0.3, 0.1, 3], factor: 'activity', loading: 0.5 },
  mfcc1: { value: [20, 5, 6, -40, 80, 2], spread: [8, 2.5, 2], factor: 'activity', loading: 0.3 },
  mfcc2: { value: [5, 4, 5, -50, 60, 2], spread: [6, 2, 2] },
  mfcc3: { value: [2, 4, 5, -50, 60, 2], spread: [6, 2, 2] },
  mfcc4: { value: [0, 3, 4.5, -50, 50, 2], spread: [6, 2, 2] },
  F1_Hz: { value: [550, 40, 70, 200, 1200, 0], spread: [120, 35, 1], voiceShift: 40 },
  F2_Hz: { value: [1550, 80, 130, 700, 3000, 0], spread: [200, 60, 1], voiceShift: 100 },
  F3_Hz: { value: [2600, 100, 140, 1500, 4000, 0], spread: [180, 50, 1], voiceShift: 120 },
  F1_bandwidth_Hz: { value: [150, 30, 45, 20, 600, 0], spread: [60, 20, 1] },
  speech: { value: [0.78, 0.05, 0.16, 0, 1, 3], spread: [0.18, 0.07, 3], factor: 'activity', loading: 0.9 },
  filledPause: { value: [0.03, 0.02, 0.05, 0, 1, 3], spread: [0.05, 0.03, 3] },
};

const GENERIC: Row = [0, 0.5, 1, -5, 5, 3];

function spec(name: string, row: Row, phi: number, extra: Partial<FeatureSpec> = {}): FeatureSpec {
  const [mean, speakerSd, sd, lo, hi, decimals] = row;
  return { name, mean, speakerSd, sd, phi, lo, hi, decimals, ...extra };
}

function audioFeature(name: string): FeatureSpec {
  if (name === 'voicedFraction') return spec(name, [0.62, 0.06, 0.15, 0, 1, 3], 0.7, { factor: 'activity', loading: 0.85 });
  const m = /^(.*)_(mean|std)$/.exec(name);
  const d = m?.[1] === undefined ? undefined : AUDIO_DESCRIPTORS[m[1]];
  // An unknown column (the audio schema grew) still gets a bounded, standardised series.
  if (m === null || d === undefined) return spec(name, GENERIC, 0.6);
  if (m[2] === 'mean') {
    const extra: Partial<FeatureSpec> = {};
    if (d.factor !== undefined) Object.assign(extra, { factor: d.factor, loading: d.loading ?? 0 });
    if (d.voiceShift !== undefined) Object.assign(extra, { voiceShift: d.voiceShift });
    return spec(name, d.value, 0.75, extra);
  }
  const [mean, sd, decimals] = d.spread;
  return spec(name, [mean, sd * 0.6, sd, 0, mean + 8 * sd, decimals], 0.5);
}

// Resting blendshape-scale intensity of each AU proxy (eyeSquint and blinks rest higher).
const AU_REST: Record<string, number> = {
  AU01: 0.1, AU02: 0.08, AU04: 0.1, AU05: 0.05, AU06: 0.1, AU07: 0.35, AU09: 0.03, AU10: 0.06, AU12: 0.12,
  AU14: 0.1, AU15: 0.05, AU17: 0.15, AU20: 0.05, AU24: 0.08, AU25: 0.25, AU26: 0.15, AU28: 0.05, AU45: 0.15,
};
const SPEAKING_AUS = new Set(['AU25', 'AU26']);

const POSE: Record<string, FeatureSpec> = {
  yaw_mean: spec('yaw_mean', [0, 6, 3, -60, 60, 1], 0.9, { factor: 'head', loading: 0.5 }),
  pitch_mean: spec('pitch_mean', [-5, 6, 2.5, -50, 50, 1], 0.9, { factor: 'head', loading: 0.4 }),
  roll_mean: spec('roll_mean', [0, 4, 2, -40, 40, 1], 0.9),
  tx_mean: spec('tx_mean', [0, 4, 0.5, -30, 30, 2], 0.95),
  ty_mean: spec('ty_mean', [0, 3, 0.4, -30, 30, 2], 0.95),
  tz_mean: spec('tz_mean', [-45, 8, 1, -120, -15, 1], 0.95),
  yaw_std: spec('yaw_std', [0.8, 0.3, 0.4, 0, 10, 2], 0.5, { factor: 'head', loading: 0.5 }),
  pitch_std: spec('pitch_std', [0.6, 0.2, 0.3, 0, 10, 2], 0.5, { factor: 'head', loading: 0.5 }),
  roll_std: spec('roll_std', [0.4, 0.15, 0.2, 0, 10, 2], 0.5),
  gazeX_mean: spec('gazeX_mean', [0, 0.05, 0.08, -1, 1, 3], 0.6),
  gazeY_mean: spec('gazeY_mean', [-0.05, 0.05, 0.07, -1, 1, 3], 0.6),
};

function videoFeatures(names: readonly string[]): FeatureSpec[] {
  const thresholds = new Map(AU_TABLE.map((a) => [a.code, a.presence]));
  return names.map((name) => {
    if (name === 'faceRatio') return spec(name, [0.97, 0.02, 0.04, 0, 1, 2], 0.5);
    const pose = POSE[name];
    if (pose !== undefined) return pose;
    const au = /^(AU\d\d)_(int|pres)$/.exec(name);
    const rest = au?.[1] === undefined ? undefined : AU_REST[au[1]];
    if (au === null || rest === undefined) return spec(name, GENERIC, 0.6);
    const code = au[1] ?? '';
    if (au[2] === 'pres') {
      const column = names.indexOf(`${code}_int`);
      const threshold = thresholds.get(code as never) ?? 0.3;
      return spec(name, [0, 0, 0.05, 0, 1, 2], 0, column < 0 ? {} : { presenceOf: { column, threshold } });
    }
    const speaking = SPEAKING_AUS.has(code);
    const extra = speaking ? { factor: 'activity' as const, loading: 0.6 } : { factor: 'face' as const, loading: 0.3 };
    return spec(name, [rest, rest * 0.4, 0.4 * rest + 0.02, 0, 1, 3], code === 'AU45' ? 0.2 : 0.7, extra);
  });
}

export const AUDIO_SIM_SPEC: ModalitySpec = {
  modality: 'audio',
  schemaId: audioSchemaId(),
  features: AUDIO_FEATURE_SCHEMA.windowFeatures.map(audioFeature),
};

export const VIDEO_SIM_SPEC: ModalitySpec = {
  modality: 'video',
  schemaId: `${VIDEO_FEATURE_SCHEMA.name}@${VIDEO_FEATURE_SCHEMA.version}`,
  features: videoFeatures(VIDEO_FEATURE_SCHEMA.windowColumns),
};

export function modalitySpec(modality: Modality): ModalitySpec {
  return modality === 'audio' ? AUDIO_SIM_SPEC : VIDEO_SIM_SPEC;
}
