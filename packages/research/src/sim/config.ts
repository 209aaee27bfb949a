import {
  DATASET_FORMAT,
  type DatasetManifest,
  type DescriptorModality as Modality,
} from '@hirenet/sdk/internal/dataset/format';
import { HireNetError } from '@hirenet/sdk/internal/util/errors';
import { modalitySpec } from './features.ts';
import { isSimVariant, variantRule, type SimVariant } from './variants.ts';

export const SIM_NAME = 'SimInterview';
/** Bump when the same seed and parameters would produce different data. */
export const SIM_VERSION = '1.0.0';

export interface IntRange {
  readonly min: number;
  readonly max: number;
}

export interface SimConfig {
  readonly seed: number;
  readonly interviews: number;
  readonly modalities: readonly Modality[];
  /** Probability that the written label is flipped (the clean label is kept as `cleanLabel`). */
  readonly labelNoise: number;
  /** Probability of the hirable class before noise. */
  readonly hirableRate: number;
  /** Questions (= answers) per interview. */
  readonly answers: IntRange;
  /** Windows per answer (0.25 s hop). */
  readonly windows: IntRange;
  /** Event length in windows (2–16 = 0.5–4 s). */
  readonly eventWindows: IntRange;
  /** Probability that one modality of an answer is null (never both). */
  readonly missingRate: number;
  /** Multiplier on the event deltas (1 = documented amplitudes). */
  readonly eventStrength: number;
  /** Also write transcripts with planted word events (sim/text.ts); `modalities` may then be empty. */
  readonly text?: boolean;
  /** A two-feature world (sim/variants.ts) instead of the default one; absent = default. */
  readonly variant?: SimVariant;
  /** Seed of a re-take (sim/takes.ts): the same interviews with another phase/offset/gain; absent = none. */
  readonly take?: number;
}

export const SIM_DEFAULTS: Omit<SimConfig, 'seed' | 'interviews'> = {
  modalities: ['audio', 'video'],
  labelNoise: 0.1,
  hirableRate: 0.475,
  answers: { min: 1, max: 6 },
  windows: { min: 40, max: 240 },
  eventWindows: { min: 2, max: 16 },
  missingRate: 0.05,
  eventStrength: 1,
};

/** Windows kept free of events at both ends of an answer. */
export const EVENT_MARGIN = 2;

function fail(message: string): never {
  throw new HireNetError('invalid-config', `simulate: ${message}`);
}

function checkRange(name: string, r: IntRange, lo: number, hi: number): void {
  if (!Number.isInteger(r.min) || !Number.isInteger(r.max) || r.min < lo || r.max > hi || r.min > r.max) {
    fail(`${name} must be integers ${lo} ≤ min ≤ max ≤ ${hi}, got ${r.min}-${r.max}`);
  }
}

function checkProbability(name: string, p: number, max = 1): void {
  if (!(p >= 0 && p <= max)) fail(`${name} must be in [0, ${max}], got ${p}`);
}

export function resolveSimConfig(input: Pick<SimConfig, 'seed' | 'interviews'> & Partial<SimConfig>): SimConfig {
  const config: SimConfig = { ...SIM_DEFAULTS, ...input };
  if (!Number.isInteger(config.seed) || config.seed < 0 || config.seed > 0xffffffff)
    fail(`seed must be an integer in [0, 2^32), got ${config.seed}`);
  if (!Number.isInteger(config.interviews) || config.interviews < 1)
    fail(`interviews must be a positive integer, got ${config.interviews}`);
  if (
    (config.modalities.length === 0 && config.text !== true) ||
    config.modalities.some((m) => m !== 'audio' && m !== 'video')
  ) {
    fail(`modalities must be a non-empty subset of audio,video,text, got ${config.modalities.join(',')}`);
  }
  if (config.text === true && config.variant !== undefined) fail('text is not generated for the two-feature variants');
  if (new Set(config.modalities).size !== config.modalities.length) fail('modalities must not repeat');
  checkProbability('label noise', config.labelNoise, 0.5);
  checkProbability('hirable rate', config.hirableRate);
  checkProbability('missing rate', config.missingRate, 0.5);
  checkRange('answers', config.answers, 1, 50);
  checkRange('event windows', config.eventWindows, 2, 64);
  checkRange('windows', config.windows, config.eventWindows.max + 2 * EVENT_MARGIN, 100_000);
  if (!(config.eventStrength > 0 && config.eventStrength <= 20))
    fail(`event strength must be in (0, 20], got ${config.eventStrength}`);
  if (config.variant !== undefined) {
    if (!isSimVariant(config.variant)) fail(`unknown variant ${String(config.variant)}`);
    // A foil places the two bursts side by side, so an answer must hold two events' worth of windows.
    const need = 2 * config.eventWindows.max + 2 * EVENT_MARGIN;
    if (config.windows.min < need)
      fail(
        [
          `variant ${config.variant} needs windows ≥ ${need} for events of ${config.eventWindows.max}, got`,
          `${config.windows.min}`,
        ].join(' '),
      );
  }
  if (config.take !== undefined && !(Number.isInteger(config.take) && config.take >= 0 && config.take <= 0xffffffff)) {
    fail(`take must be an integer in [0, 2^32), got ${config.take}`);
  }
  return config;
}

/** manifest.json: the dataset format's fields plus the provenance a reader needs to regenerate it. */
export function simManifest(config: SimConfig): DatasetManifest {
  const modalities: Partial<Record<Modality | 'text', string[]>> = {};
  const schemas: Partial<Record<Modality, string>> = {};
  for (const m of config.modalities) {
    const spec = modalitySpec(m);
    modalities[m] = spec.features.map((f) => f.name);
    schemas[m] = spec.schemaId;
  }
  if (config.text === true) modalities.text = ['words'];
  const { seed, ...parameters } = config;
  return {
    format: DATASET_FORMAT,
    windowSeconds: 0.5,
    hopSeconds: 0.25,
    modalities,
    generator: {
      name: SIM_NAME,
      version: SIM_VERSION,
      seed,
      parameters,
      featureSchemas: schemas,
      rule:
        config.variant !== undefined
          ? variantRule(config.variant)
          : 'hirable iff the planted events in answers whose question type counts for the job family ' +
            '(technical for engineering, behavioural for sales) are rise-then-pause; see docs/siminterview.md',
      synthetic: true,
    },
  };
}
