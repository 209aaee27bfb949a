import type { DescriptorModality as Modality } from '@hirenet/sdk/internal/dataset/format';
import type { FeatureSpec } from './features.ts';

/**
 * Planted events. An event is two back-to-back phases over the same features:
 * - RISE: pitch rise, louder voice, brows raised, lip corners pulled, chin up;
 * - PAUSE: quieter, fewer voiced and speech frames, lips pressed, lips closed, gaze down.
 * The two kinds are the same phases in opposite order, i.e. each kind is the time mirror of the
 * other. Every per-feature multiset of values (hence mean, std, min, max, quantiles) and every
 * time-reversal-invariant statistic is identically distributed for both kinds; positive and
 * negative gradient sums swap roles, and their expectations agree (docs/siminterview.md).
 */
export type EventKind = 'rise-pause' | 'pause-rise';
export const EVENT_KINDS: readonly EventKind[] = ['rise-pause', 'pause-rise'];

/** The kind that, in a relevant answer, makes the candidate hirable. An arbitrary synthetic rule. */
export const HIRABLE_KIND: EventKind = 'rise-pause';

export interface PlantedEvent {
  readonly answer: number;
  /** First window of the event. */
  readonly start: number;
  /** One past the last window (end exclusive). */
  readonly end: number;
  readonly kind: EventKind;
  /** True when the question type counts for this job family (see `isRelevant`). */
  readonly relevant: boolean;
  /** Length of the first phase; the second phase is `end − start − firstPhase` windows. */
  readonly firstPhase: number;
}

export type Phase = 'rise' | 'pause';

/** Feature deltas of each phase, in units of the feature's window-to-window sd. */
const EFFECTS: Record<Modality, Record<Phase, Record<string, number>>> = {
  audio: {
    rise: { F0_semitones_mean: 3, F0_semitones_std: 2, loudness_mean: 2, intensity_dB_mean: 2 },
    pause: {
      loudness_mean: -2.5,
      intensity_dB_mean: -2.5,
      voicing_mean: -3,
      speech_mean: -3,
      voicedFraction: -3,
      spectralFlux_mean: -2,
    },
  },
  video: {
    rise: { AU01_int: 3.5, AU02_int: 3.5, AU12_int: 3, pitch_mean: 2.5 },
    pause: { AU24_int: 4, AU25_int: -2.5, gazeY_mean: -3 },
  },
};

/** Deltas (in sd units) of each phase, by feature name: for documentation. */
export function eventEffects(modality: Modality): Readonly<Record<Phase, Readonly<Record<string, number>>>> {
  return EFFECTS[modality];
}

/** Delta of one phase on one column; `AU01_int` also names the schema's `AU01_int_mean`. */
export function effectOf(modality: Modality, phase: Phase, column: string): number {
  const table = EFFECTS[modality][phase];
  return table[column] ?? (column.endsWith('_mean') ? (table[column.slice(0, -5)] ?? 0) : 0);
}

export interface EventProfile {
  /** Column indices touched by the event. */
  readonly columns: readonly number[];
  /** deltas[c][k]: value added to column `columns[c]` at window `start + k`. */
  readonly deltas: readonly Float64Array[];
}

/** Additive per-window deltas of one event on one modality's columns. */
export function eventProfile(
  event: Pick<PlantedEvent, 'start' | 'end' | 'kind' | 'firstPhase'>,
  modality: Modality,
  features: readonly FeatureSpec[],
  strength: number,
): EventProfile {
  const length = event.end - event.start;
  const order: [Phase, Phase] = event.kind === 'rise-pause' ? ['rise', 'pause'] : ['pause', 'rise'];
  const columns: number[] = [];
  const deltas: Float64Array[] = [];
  features.forEach((f, column) => {
    const first = effectOf(modality, order[0], f.name);
    const second = effectOf(modality, order[1], f.name);
    if (first === 0 && second === 0) return;
    const d = new Float64Array(length);
    for (let k = 0; k < length; k++) d[k] = (k < event.firstPhase ? first : second) * f.sd * strength;
    columns.push(column);
    deltas.push(d);
  });
  return { columns, deltas };
}

export type JobFamily = 'engineering' | 'sales';
export type QuestionType = 'technical' | 'behavioural' | 'motivation';

/** The context rule (H4): which question type counts depends on the job family. */
export function isRelevant(job: JobFamily, type: QuestionType): boolean {
  return (job === 'engineering' && type === 'technical') || (job === 'sales' && type === 'behavioural');
}

/**
 * The documented labelling rule, before label noise: hirable iff the relevant events are of the
 * hirable kind. Generated interviews always have at least one relevant event and all relevant
 * events agree; a majority vote keeps the rule defined for any list (ties and none → 0).
 */
export function plantedLabel(
  job: JobFamily,
  types: readonly QuestionType[],
  events: readonly Pick<PlantedEvent, 'answer' | 'kind'>[],
): 0 | 1 {
  let votes = 0;
  for (const e of events) {
    const type = types[e.answer];
    if (type === undefined || !isRelevant(job, type)) continue;
    votes += e.kind === HIRABLE_KIND ? 1 : -1;
  }
  return votes > 0 ? 1 : 0;
}
