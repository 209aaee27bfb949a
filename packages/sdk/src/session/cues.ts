/**
 * Observable cues of a key moment: window columns whose mean inside the moment differs from
 * the rest of the answer by more than the rest's own spread (and a minimum that matters).
 * Cues name movements and sounds only — never an emotion or a trait (EU AI Act Art. 5(1)(f)).
 */
import type { Cue, CueCode, ModalityRows, PostureRows, SessionModality } from './types.ts';

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
  /** Read from the answer's posture rows (a pose model ran) rather than the model's rows. */
  readonly posture?: true;
}

const VOICED = { feature: 'voicedFraction', min: 0.2 } as const;
const POSE = { modality: 'video', posture: true } as const;

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
  // Posture (pose model only): shares 0–1, degrees, shoulder widths (per second). The smallest
  // differences are judgements: a third of a window's frames, 4°, 5 % of the shoulder width.
  { code: 'hand near face', ...POSE, feature: 'posture_handNearFace', direction: 1, minDiff: 0.3 },
  { code: 'shoulders tilted', ...POSE, feature: 'posture_shoulderTilt', direction: 1, minDiff: 4 },
  { code: 'leaning toward camera', ...POSE, feature: 'posture_lean', direction: 1, minDiff: 0.05 },
  { code: 'leaning away', ...POSE, feature: 'posture_lean', direction: -1, minDiff: 0.05 },
  { code: 'hands moving', ...POSE, feature: 'posture_handMovement', direction: 1, minDiff: 0.3 },
  { code: 'out of frame', ...POSE, feature: 'posture_outOfFrame', direction: 1, minDiff: 0.3 },
];

/**
 * Cues of the windows [first, last] of an answer against its other windows, strongest first.
 * A modality with fewer than one row inside or two outside gives no cue.
 */
export function momentCues(
  rows: Partial<Record<SessionModality, ModalityRows | null>> & { readonly posture?: PostureRows | null },
  first: number,
  last: number,
  max = 4,
): Cue[] {
  const cues: Cue[] = [];
  for (const spec of CUE_SPECS) {
    const m = spec.posture === true ? rows.posture : rows[spec.modality];
    if (m === null || m === undefined) continue;
    const c = m.names.indexOf(spec.feature);
    const w = spec.where === undefined ? -1 : m.names.indexOf(spec.where.feature);
    if (c < 0) continue;
    const inside: number[] = [];
    const rest: number[] = [];
    m.rows.forEach((r, k) => {
      if (w >= 0 && spec.where !== undefined && !((r[w] ?? NaN) >= spec.where.min)) return;
      // A posture cell is null where the window did not allow the measure: not compared.
      const x = r[c];
      if (x === null || x === undefined) return;
      const v = spec.abs === true ? Math.abs(x) : x;
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
