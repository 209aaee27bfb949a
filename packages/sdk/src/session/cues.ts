/**
 * Observable cues of a key moment: window columns whose mean inside the moment differs from
 * the rest of the answer by more than the rest's own spread (and a minimum that matters).
 * Cues name movements and sounds only — never an emotion or a trait (EU AI Act Art. 5(1)(f)).
 */
import type { Cue, CueCode, ModalityRows, SessionModality } from './types.ts';

interface CueSpec {
  readonly code: CueCode;
  readonly modality: SessionModality;
  readonly feature: string;
  /** +1: the moment is higher; −1: lower. */
  readonly direction: 1 | -1;
  /** Smallest difference worth naming, in the column's units. */
  readonly minDiff: number;
  readonly abs?: boolean;
  /** Compare only windows where this column is at least `min` (pitch needs voice). */
  readonly where?: { readonly feature: string; readonly min: number };
}

const VOICED = { feature: 'voicedFraction', min: 0.2 } as const;

export const CUE_SPECS: readonly CueSpec[] = [
  { code: 'pause', modality: 'audio', feature: 'speech_mean', direction: -1, minDiff: 0.15 },
  { code: 'filled pause', modality: 'audio', feature: 'filledPause_mean', direction: 1, minDiff: 0.1 },
  { code: 'pitch flat', modality: 'audio', feature: 'F0_semitones_std', direction: -1, minDiff: 0.3, where: VOICED },
  { code: 'pitch varied', modality: 'audio', feature: 'F0_semitones_std', direction: 1, minDiff: 0.3, where: VOICED },
  { code: 'louder', modality: 'audio', feature: 'loudness_mean', direction: 1, minDiff: 0.1 },
  { code: 'quieter', modality: 'audio', feature: 'loudness_mean', direction: -1, minDiff: 0.1 },
  { code: 'eyes closed longer', modality: 'video', feature: 'AU45_int_mean', direction: 1, minDiff: 0.05 },
  { code: 'lips pressed', modality: 'video', feature: 'AU24_int_mean', direction: 1, minDiff: 0.05 },
  { code: 'lips stretched', modality: 'video', feature: 'AU20_int_mean', direction: 1, minDiff: 0.05 },
  { code: 'jaw still', modality: 'video', feature: 'AU26_int_std', direction: -1, minDiff: 0.01 },
  { code: 'smile', modality: 'video', feature: 'AU12_int_mean', direction: 1, minDiff: 0.05 },
  { code: 'brows raised', modality: 'video', feature: 'AU01_int_mean', direction: 1, minDiff: 0.05 },
  { code: 'brows lowered', modality: 'video', feature: 'AU04_int_mean', direction: 1, minDiff: 0.05 },
  { code: 'gaze away', modality: 'video', feature: 'gazeX_mean', direction: 1, minDiff: 0.05, abs: true },
  { code: 'head turned', modality: 'video', feature: 'yaw_mean', direction: 1, minDiff: 3, abs: true },
  { code: 'head still', modality: 'video', feature: 'yaw_std', direction: -1, minDiff: 0.2 },
];

/**
 * Cues of the windows [first, last] of an answer against its other windows, strongest first.
 * A modality with fewer than one row inside or two outside gives no cue.
 */
export function momentCues(
  rows: Partial<Record<SessionModality, ModalityRows | null>>,
  first: number,
  last: number,
  max = 4,
): Cue[] {
  const cues: Cue[] = [];
  for (const spec of CUE_SPECS) {
    const m = rows[spec.modality];
    if (m === null || m === undefined) continue;
    const c = m.names.indexOf(spec.feature);
    const w = spec.where === undefined ? -1 : m.names.indexOf(spec.where.feature);
    if (c < 0) continue;
    const inside: number[] = [];
    const rest: number[] = [];
    m.rows.forEach((r, k) => {
      if (w >= 0 && spec.where !== undefined && !(r[w]! >= spec.where.min)) return;
      const v = spec.abs === true ? Math.abs(r[c]!) : r[c]!;
      const t = m.windowIndex[k]!;
      (t >= first && t <= last ? inside : rest).push(v);
    });
    if (inside.length < 1 || rest.length < 2) continue;
    const mi = mean(inside);
    const mr = mean(rest);
    const sd = Math.sqrt(rest.reduce((s, v) => s + (v - mr) ** 2, 0) / (rest.length - 1));
    const scale = Math.max(sd, spec.minDiff);
    const effect = (mi - mr) / scale;
    if (spec.direction * effect >= 1)
      cues.push({ code: spec.code, modality: spec.modality, feature: spec.feature, moment: mi, rest: mr, effect });
  }
  cues.sort((a, b) => Math.abs(b.effect) - Math.abs(a.effect));
  return cues.slice(0, max);
}

function mean(v: readonly number[]): number {
  return v.reduce((a, b) => a + b, 0) / v.length;
}
