import type { DescriptorModality as Modality } from '@hirenet/sdk/internal/dataset/format';
import { effectOf, type EventKind, type PlantedEvent } from './events.ts';
import { modalitySpec } from './features.ts';

/**
 * Readers of the planted events that know the generative process. They show the label is
 * recoverable from the window sequences alone, and bound what a learned model can reach.
 */
interface Template {
  readonly column: number;
  readonly sd: number;
  readonly rise: number;
  readonly pause: number;
}

function templates(modality: Modality): Template[] {
  return modalitySpec(modality).features.flatMap((f, column) => {
    const rise = effectOf(modality, 'rise', f.name);
    const pause = effectOf(modality, 'pause', f.name);
    return rise === 0 && pause === 0 ? [] : [{ column, sd: f.sd, rise, pause }];
  });
}

function phaseMean(rows: readonly (readonly number[])[], column: number, from: number, to: number): number {
  let sum = 0;
  for (let t = from; t < to; t++) sum += rows[t]?.[column] ?? 0;
  return sum / Math.max(1, to - from);
}

/** Kind of an event whose location is known: which phase comes first. */
export function kindAt(
  rows: readonly (readonly number[])[],
  modality: Modality,
  event: Pick<PlantedEvent, 'start' | 'end' | 'firstPhase'>,
): EventKind {
  const split = event.start + event.firstPhase;
  let score = 0;
  for (const t of templates(modality)) {
    const first = phaseMean(rows, t.column, event.start, split);
    const second = phaseMean(rows, t.column, split, event.end);
    score += ((t.rise - t.pause) * (first - second)) / t.sd;
  }
  return score > 0 ? 'rise-pause' : 'pause-rise';
}

export interface BlindDetection {
  readonly kind: EventKind;
  /** Window where the second phase starts. */
  readonly boundary: number;
}

/**
 * Kind and position of the strongest event-like pattern, knowing nothing of where it is: a
 * matched filter for "rise phase then pause phase" and the reverse, phases of 1–8 windows.
 */
export function detectBlind(rows: readonly (readonly number[])[], modality: Modality, maxPhase = 8): BlindDetection {
  const ts = templates(modality);
  const n = rows.length;
  const riseNorm = Math.sqrt(ts.reduce((s, x) => s + x.rise * x.rise, 0)) || 1;
  const pauseNorm = Math.sqrt(ts.reduce((s, x) => s + x.pause * x.pause, 0)) || 1;
  // Per-window projections on each phase's pattern, relative to the answer's own median level.
  const r = new Float64Array(n);
  const p = new Float64Array(n);
  for (const t of ts) {
    const sorted = rows.map((row) => row[t.column] ?? 0).sort((a, b) => a - b);
    const median = sorted[n >> 1] ?? 0;
    for (let i = 0; i < n; i++) {
      const z = ((rows[i]?.[t.column] ?? 0) - median) / t.sd;
      r[i] = (r[i] ?? 0) + (t.rise * z) / riseNorm;
      p[i] = (p[i] ?? 0) + (t.pause * z) / pauseNorm;
    }
  }
  const bestRun = (x: Float64Array, at: number, before: boolean): number => {
    let best = -Infinity;
    let sum = 0;
    for (let len = 1; len <= maxPhase; len++) {
      const i = before ? at - len : at + len - 1;
      if (i < 0 || i >= n) break;
      sum += x[i] ?? 0;
      best = Math.max(best, sum / Math.sqrt(len));
    }
    return best;
  };
  let best: BlindDetection = { kind: 'rise-pause', boundary: 0 };
  let bestScore = -Infinity;
  for (let m = 1; m < n; m++) {
    const risePause = bestRun(r, m, true) + bestRun(p, m, false);
    const pauseRise = bestRun(p, m, true) + bestRun(r, m, false);
    if (risePause > bestScore) [bestScore, best] = [risePause, { kind: 'rise-pause', boundary: m }];
    if (pauseRise > bestScore) [bestScore, best] = [pauseRise, { kind: 'pause-rise', boundary: m }];
  }
  return best;
}
