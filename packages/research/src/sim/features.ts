import { AUDIO_FEATURE_SCHEMA, audioSchemaId } from '@hirenet/sdk/internal/audio/schema';
import { AU_TABLE } from '@hirenet/sdk/internal/video/au-map';
import { VIDEO_FEATURE_SCHEMA, videoSchemaId } from '@hirenet/sdk/internal/video/schema';
import type { DescriptorModality as Modality } from '@hirenet/sdk/internal/dataset/format';

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
  /**
   * Columns computed from another (earlier-derived or generated) column of the same window:
   * `presence` = fraction of frames above the AU threshold given the window's mean intensity;
   * `binaryStd` = within-window std of a 0/1 series with that fraction.
   */
  readonly derived?: { readonly from: number; readonly kind: 'presence' | 'binaryStd'; readonly threshold: number };
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
  F0_semitones: {
    value: [29, 2, 1.5, 10, 50, 2],
    spread: [1.2, 0.5, 2],
    factor: 'pitch',
    loading: 0.6,
    voiceShift: 4.5,
  },
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
  if (name === 'voicedFraction')
    return spec(name, [0.62, 0.06, 0.15, 0, 1, 3], 0.7, { factor: 'activity', loading: 0.85 });
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
  AU01: 0.1,
  AU02: 0.08,
  AU04: 0.1,
  AU05: 0.05,
  AU06: 0.1,
  AU07: 0.35,
  AU09: 0.03,
  AU10: 0.06,
  AU12: 0.12,
  AU14: 0.1,
  AU15: 0.05,
  AU17: 0.15,
  AU20: 0.05,
  AU24: 0.08,
  AU25: 0.25,
  AU26: 0.15,
  AU28: 0.05,
  AU45: 0.15,
};
const SPEAKING_AUS = new Set(['AU25', 'AU26']);

// Head pose (degrees, cm) and gaze ([−1, 1]) window means and their within-window spread.
const POSE: Record<string, Descriptor & { readonly phi: number }> = {
  yaw: { value: [0, 6, 3, -60, 60, 1], spread: [0.8, 0.4, 2], phi: 0.9, factor: 'head', loading: 0.5 },
  pitch: { value: [-5, 6, 2.5, -50, 50, 1], spread: [0.6, 0.3, 2], phi: 0.9, factor: 'head', loading: 0.4 },
  roll: { value: [0, 4, 2, -40, 40, 1], spread: [0.4, 0.2, 2], phi: 0.9 },
  tx: { value: [0, 4, 0.5, -30, 30, 2], spread: [0.2, 0.1, 2], phi: 0.95 },
  ty: { value: [0, 3, 0.4, -30, 30, 2], spread: [0.2, 0.1, 2], phi: 0.95 },
  tz: { value: [-45, 8, 1, -120, -15, 1], spread: [0.3, 0.15, 2], phi: 0.95 },
  gazeX: { value: [0, 0.05, 0.08, -1, 1, 3], spread: [0.03, 0.015, 3], phi: 0.6 },
  gazeY: { value: [-0.05, 0.05, 0.07, -1, 1, 3], spread: [0.03, 0.015, 3], phi: 0.6 },
};

/**
 * Window columns of the video schema: `<column>_mean` / `<column>_std` for AU intensities,
 * AU presences, head pose and gaze (the older unsuffixed `AUxx_int` / `faceRatio` layout is
 * understood too, so a schema change degrades to generic columns instead of failing).
 */
function videoFeatures(names: readonly string[]): FeatureSpec[] {
  const thresholds = new Map<string, number>(AU_TABLE.map((a) => [a.code, a.presence]));
  return names.map((name) => {
    if (name === 'faceRatio') return spec(name, [0.97, 0.02, 0.04, 0, 1, 2], 0.5);
    const m = /^(.+?)(?:_(mean|std))?$/.exec(name);
    const column = m?.[1] ?? name;
    const stat = m?.[2] ?? 'mean';
    const pose = POSE[column];
    if (pose !== undefined) {
      if (stat === 'mean')
        return spec(
          name,
          pose.value,
          pose.phi,
          pose.factor === undefined ? {} : { factor: pose.factor, loading: pose.loading ?? 0 },
        );
      const [mean, sd, decimals] = pose.spread;
      return spec(
        name,
        [mean, sd * 0.5, sd, 0, mean + 10 * sd, decimals],
        0.5,
        pose.factor === undefined ? {} : { factor: pose.factor, loading: 0.5 },
      );
    }
    const au = /^(AU\d\d)_(int|pres)$/.exec(column);
    const code = au?.[1] ?? '';
    const rest = AU_REST[code];
    if (au === null || rest === undefined) return spec(name, GENERIC, 0.6);
    if (au[2] === 'int') {
      const speaking = SPEAKING_AUS.has(code);
      const extra = speaking
        ? { factor: 'activity' as const, loading: 0.6 }
        : { factor: 'face' as const, loading: 0.3 };
      if (stat === 'mean')
        return spec(name, [rest, rest * 0.4, 0.4 * rest + 0.02, 0, 1, 3], code === 'AU45' ? 0.2 : 0.7, extra);
      return spec(name, [0.3 * rest + 0.01, 0.1 * rest, 0.1 * rest + 0.005, 0, 0.5, 3], 0.5, extra);
    }
    // Presence is read from the written intensity; its within-window std is that of a 0/1 series.
    const source = names.indexOf(names.includes(`${code}_int_mean`) ? `${code}_int_mean` : `${code}_int`);
    const presMean = names.indexOf(names.includes(`${code}_pres_mean`) ? `${code}_pres_mean` : `${code}_pres`);
    if (stat === 'mean' && source >= 0) {
      return spec(name, [0, 0, 0.05, 0, 1, 2], 0, {
        derived: { from: source, kind: 'presence', threshold: thresholds.get(code) ?? 0.3 },
      });
    }
    if (stat === 'std' && presMean >= 0)
      return spec(name, [0, 0, 0, 0, 0.5, 2], 0, { derived: { from: presMean, kind: 'binaryStd', threshold: 0 } });
    return spec(name, GENERIC, 0.6);
  });
}

export const AUDIO_SIM_SPEC: ModalitySpec = {
  modality: 'audio',
  schemaId: audioSchemaId(),
  features: AUDIO_FEATURE_SCHEMA.windowFeatures.map(audioFeature),
};

export const VIDEO_SIM_SPEC: ModalitySpec = {
  modality: 'video',
  schemaId: videoSchemaId(),
  features: videoFeatures(VIDEO_FEATURE_SCHEMA.windowColumns),
};

export function modalitySpec(modality: Modality): ModalitySpec {
  return modality === 'audio' ? AUDIO_SIM_SPEC : VIDEO_SIM_SPEC;
}
