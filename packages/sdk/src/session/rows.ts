/**
 * Window → model-row conversion. The model reads windows in its `standardizer.names` order;
 * the extractors emit them in their schema order. The two must be the same list, checked here
 * by name, because a silent column shift would score garbage without any error.
 */
import type { PooledWindow } from '../features/windows.ts';
import { HireNetError } from '../util/errors.ts';
import type { ModalityRows, SessionModality } from './types.ts';

/** Throws `feature-mismatch` unless `produced` equals `expected` element by element. */
export function assertSameNames(
  modality: SessionModality,
  produced: readonly string[],
  expected: readonly string[],
): void {
  const first = produced.findIndex((n, i) => n !== expected[i]);
  if (produced.length !== expected.length || first !== -1) {
    const at = first === -1 ? Math.min(produced.length, expected.length) : first;
    throw new HireNetError(
      'feature-mismatch',
      [
        `the SDK's ${modality} window features differ from the model's (${produced.length} vs`,
        `${expected.length}; first difference at #${at}: ${String(produced[at])} vs`,
        `${String(expected[at])})`,
      ].join(' '),
    );
  }
}

/** Windows of one answer the model could not read, by reason (reported, never silent). */
export interface DroppedWindows {
  /** No valid frame in the window (a capture gap; for video also no face). */
  masked: number;
  /** Some value was NaN or infinite. */
  nonFinite: number;
}

/**
 * Keeps the unmasked windows of one answer as plain rows. Returns null when no window is
 * usable: the modality is then missing for this answer (the model skips it), never zero-filled.
 * `dropped`, when given, is filled with what was left out and why.
 */
export function windowsToRows(
  modality: SessionModality,
  windows: readonly PooledWindow[],
  produced: readonly string[],
  expected: readonly string[],
  dropped?: DroppedWindows,
): ModalityRows | null {
  assertSameNames(modality, produced, expected);
  const rows: number[][] = [];
  const windowIndex: number[] = [];
  windows.forEach((w, k) => {
    if (w.masked || w.values === null) {
      if (dropped !== undefined) dropped.masked++;
      return;
    }
    if (w.values.length !== expected.length) {
      throw new HireNetError(
        'feature-mismatch',
        `${modality} window ${k} has ${w.values.length} values, the model reads ${expected.length}`,
      );
    }
    if (!Array.prototype.every.call(w.values, Number.isFinite)) {
      if (dropped !== undefined) dropped.nonFinite++;
      return;
    }
    rows.push(Array.from(w.values));
    windowIndex.push(k);
  });
  if (rows.length === 0) return null;
  return { names: [...expected], rows, windowIndex, totalWindows: windows.length };
}

/** Mean of one named column over the given rows (NaN when there is none). */
export function columnMean(m: ModalityRows, name: string, pick?: (k: number) => boolean): number {
  const c = m.names.indexOf(name);
  if (c < 0) return NaN;
  let sum = 0;
  let n = 0;
  m.rows.forEach((r, k) => {
    if (pick !== undefined && !pick(k)) return;
    sum += r[c]!;
    n++;
  });
  return n === 0 ? NaN : sum / n;
}
