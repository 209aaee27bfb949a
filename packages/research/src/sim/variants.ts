import type { DescriptorModality as Modality } from '@hirenet/sdk/internal/dataset/format';
import type { IntRange } from './config.ts';

/**
 * SimInterview variants: worlds whose event is two features bursting *together*, so neither
 * feature alone decides. Each variant pairs the event with foils built from the same two bursts
 * arranged so that they do not satisfy the rule; they differ in what separates event from foil:
 * - `cooccur`: event = both bursts on the same windows; foil = the two bursts at separate,
 *   non-overlapping places in the answer (a question of *whether* they meet);
 * - `xor`: both bursts always share their windows; event = opposite signs, foil = equal signs
 *   (a question of the *sign combination*; each feature's sign alone is a coin flip in both);
 * - `shifted`: event = both bursts aligned; foil = the second burst shifted by half to all of its
 *   length, so they overlap by at most half (a question of *timing precision*).
 * Every answer also carries 1–3 distractor bursts on other columns, a per-answer offset on every
 * column and the default world's speaker baselines and AR(1) noise.
 */
export type SimVariant = 'cooccur' | 'xor' | 'shifted';
export const SIM_VARIANTS: readonly SimVariant[] = ['cooccur', 'xor', 'shifted'];

export function isSimVariant(name: string): name is SimVariant {
  return (SIM_VARIANTS as readonly string[]).includes(name);
}

/** The two columns whose joint burst is the event, per modality. */
export const EVENT_PAIR: Record<Modality, readonly [string, string]> = {
  audio: ['F0_semitones_mean', 'loudness_mean'],
  video: ['AU12_int_mean', 'AU01_int_mean'],
};

/** Burst amplitude in units of the column's window-to-window sd (× event strength). */
export const BURST_SD = 3.5;
/** Distractor bursts per answer on columns outside the pair. */
export const DISTRACTORS: IntRange = { min: 1, max: 3 };
/** Spread of the per-answer, per-column offset, in window sd units. */
export const ANSWER_OFFSET_SD = 1;

/** Parameters a variant changes from SIM_DEFAULTS unless a flag overrides them. */
export const VARIANT_PRESETS: Record<SimVariant, { readonly eventWindows: IntRange }> = {
  cooccur: { eventWindows: { min: 4, max: 12 } },
  xor: { eventWindows: { min: 4, max: 12 } },
  shifted: { eventWindows: { min: 4, max: 12 } },
};

/** One burst of one column: windows [start, end), sign +1 or −1. */
export interface Burst {
  readonly column: string;
  readonly start: number;
  readonly end: number;
  readonly sign: 1 | -1;
}

/** A pair of bursts on EVENT_PAIR's columns in one answer, either an event or a foil. */
export interface BurstPair {
  readonly answer: number;
  readonly relevant: boolean;
  readonly first: Burst;
  readonly second: Burst;
}

/**
 * The variant's rule on one pair: does it make an event? Foils are generated so that this is
 * false; the tests check both directions on generated metadata.
 */
export function pairIsEvent(variant: SimVariant, pair: Pick<BurstPair, 'first' | 'second'>): boolean {
  const { first: a, second: b } = pair;
  const aligned = a.start === b.start && a.end === b.end;
  if (variant === 'xor') return aligned && a.sign !== b.sign;
  return aligned && a.sign === 1 && b.sign === 1;
}

/** Windows shared by two bursts. */
export function overlap(a: Pick<Burst, 'start' | 'end'>, b: Pick<Burst, 'start' | 'end'>): number {
  return Math.max(0, Math.min(a.end, b.end) - Math.max(a.start, b.start));
}

export function variantRule(variant: SimVariant): string {
  const event = {
    cooccur: 'both columns burst upwards over the same windows (foils: the same bursts apart)',
    xor: 'both columns burst over the same windows with opposite signs (foils: equal signs)',
    shifted: 'both columns burst upwards over the same windows (foils: one burst shifted by half to all of its length)',
  }[variant];
  return (
    `variant ${variant}: hirable iff the answers whose question type counts for the job family hold an event, ` +
    `where an event = ${event}; see docs/attention-localisation.md`
  );
}
