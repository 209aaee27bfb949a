import { HireNetError } from '@hirenet/sdk/internal/util/errors';

/**
 * What differs between two takes of the same answer, as an operation on its window rows:
 * - phase: the 0.25 s hop grid starts a fraction of a hop later, emulated by linear interpolation
 *   between adjacent windows;
 * - edges: a few windows more or fewer at the start and at the end (trimmed, or padded by
 *   repeating the edge window);
 * - dropped windows (a stalled frame, a lost packet);
 * - gain: a level offset in dB on loudness-type columns.
 * Training augmentation (augment.ts) and SimInterview re-takes (sim/takes.ts) draw from the same law.
 */
export interface TakePerturbation {
  /** Fraction of a hop in [0, 1). */
  readonly phase: number;
  /** Windows removed at the start (negative: padded). */
  readonly trimStart: number;
  /** Windows removed at the end (negative: padded). */
  readonly trimEnd: number;
  /** Probability that each output window is dropped. */
  readonly dropRate: number;
  readonly gainDb: number;
}

export interface PerturbationLaw {
  /** Edge changes are uniform integers in [−maxEdge, maxEdge] at each end. */
  readonly maxEdge: number;
  readonly dropRate: number;
  /** Gain is uniform in [−maxGainDb, maxGainDb]. */
  readonly maxGainDb: number;
}

export const DEFAULT_TAKE_LAW: PerturbationLaw = { maxEdge: 3, dropRate: 0.02, maxGainDb: 6 };

export function drawPerturbation(law: PerturbationLaw, uniform: () => number): TakePerturbation {
  const edge = (): number => Math.floor(uniform() * (2 * law.maxEdge + 1)) - law.maxEdge;
  return {
    phase: uniform(),
    trimStart: edge(),
    trimEnd: edge(),
    dropRate: law.dropRate,
    gainDb: (2 * uniform() - 1) * law.maxGainDb,
  };
}

/**
 * Source positions (fractional window indices) of the output windows of a take. Never empty and
 * never shorter than `minLength` windows (or the source length if that is shorter), so a short
 * answer stays an answer.
 */
export function takePositions(length: number, p: TakePerturbation, uniform: () => number, minLength = 8): Float64Array {
  if (!Number.isInteger(length) || length < 1) {
    throw new HireNetError('invalid-input', `take: answer length must be a positive integer, got ${length}`);
  }
  const floor = Math.min(minLength, length);
  let first = p.trimStart + p.phase;
  let last = length - 1 - p.trimEnd;
  if (last - first + 1 < floor) {
    first = p.phase * Math.min(1, Math.max(0, length - floor));
    last = first + floor - 1;
  }
  const kept: number[] = [];
  for (let x = first; x <= last + 1e-9; x++) kept.push(x);
  const out = kept.filter(() => uniform() >= p.dropRate);
  return Float64Array.from(out.length >= floor ? out : kept);
}

/** Rows (steps × width, flat) read at fractional positions; outside the answer repeats the edge row. */
export function resampleRows(rows: Float32Array, width: number, positions: Float64Array): Float32Array {
  const steps = rows.length / width;
  const out = new Float32Array(positions.length * width);
  positions.forEach((x, j) => {
    const clamped = Math.min(Math.max(x, 0), steps - 1);
    const lo = Math.floor(clamped);
    const hi = Math.min(lo + 1, steps - 1);
    const f = clamped - lo;
    for (let c = 0; c < width; c++) out[j * width + c] = (1 - f) * rows[lo * width + c]! + f * rows[hi * width + c]!;
  });
  return out;
}

/** How a gain in dB changes a column: `db` columns shift by it, `linear` ones scale by 10^(0.03·dB). */
export type GainKind = 'db' | 'linear';

/**
 * Loudness-type columns of the audio schema: intensity in dB shifts with gain; loudness (an
 * intensity^0.3 law, ~×10^(0.03·dB)) and its spread scale. Other columns are level-free.
 */
export function gainColumns(names: readonly string[]): { index: number; kind: GainKind }[] {
  const out: { index: number; kind: GainKind }[] = [];
  names.forEach((name, index) => {
    if (name === 'intensity_dB_mean') out.push({ index, kind: 'db' });
    else if (name === 'loudness_mean' || name === 'loudness_std') out.push({ index, kind: 'linear' });
  });
  return out;
}

export function loudnessFactor(gainDb: number): number {
  return 10 ** (0.03 * gainDb);
}

/**
 * Maps an event window range [start, end) of the source to the take: output window j belongs to
 * the event when its source position rounds into it. Null when no output window does.
 */
export function mapRange(positions: Float64Array, start: number, end: number): { start: number; end: number } | null {
  let first = -1;
  let last = -1;
  positions.forEach((x, j) => {
    const r = Math.round(x);
    if (r >= start && r < end) {
      if (first < 0) first = j;
      last = j;
    }
  });
  return first < 0 ? null : { start: first, end: last + 1 };
}
