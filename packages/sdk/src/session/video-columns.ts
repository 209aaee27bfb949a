/**
 * Which video columns a model reads, by name. The face columns (WINDOW_COLUMNS) come from the face
 * landmarker; the posture columns (POSTURE_COLUMNS) only with a pose model. A model trained
 * without posture (the shipped one) reads exactly WINDOW_COLUMNS, so posture measured beside them
 * changes nothing it sees; a model a pilot trained with posture reads them too, by name.
 */
import { HireNetError } from '../util/errors.ts';
import type { PooledWindow } from '../features/windows.ts';
import { POSTURE_COLUMNS, type PostureWindow } from '../video/posture-windows.ts';
import { WINDOW_COLUMNS } from '../video/schema.ts';
import { assertSameNames } from './rows.ts';

const POSTURE = new Set<string>(POSTURE_COLUMNS);

/** The posture columns among a model's names. */
export function postureColumnsOf(expected: readonly string[]): string[] {
  return expected.filter((n) => POSTURE.has(n));
}

/**
 * Throws `feature-mismatch` unless the model's face columns are WINDOW_COLUMNS (in order) and any
 * other column is a posture column the session measures (a pose model is configured).
 */
export function assertVideoColumns(expected: readonly string[], poseConfigured: boolean): void {
  assertSameNames(
    'video',
    WINDOW_COLUMNS,
    expected.filter((n) => !POSTURE.has(n)),
  );
  const posture = postureColumnsOf(expected);
  if (new Set(posture).size !== posture.length)
    throw new HireNetError('feature-mismatch', 'the video model names a posture column twice');
  if (posture.length > 0 && !poseConfigured)
    throw new HireNetError(
      'feature-mismatch',
      [
        `the video model reads posture columns (${posture.join(', ')}):`,
        'the session needs a pose model (options `pose`)',
      ].join(' '),
    );
}

/**
 * Face windows (+ posture windows on the same grid) → windows holding exactly the model's columns
 * in its order. A posture cell that was not measured is NaN, so windowsToRows drops the window
 * (counted as non-finite) rather than feeding a made-up value. Without posture columns in
 * `expected` the face windows are returned as they are.
 */
export function projectVideoWindows(
  windows: readonly PooledWindow[],
  posture: readonly PostureWindow[] | null,
  expected: readonly string[],
): readonly PooledWindow[] {
  if (postureColumnsOf(expected).length === 0) return windows;
  const face = new Map(WINDOW_COLUMNS.map((n, i) => [n, i]));
  const pose = new Map<string, number>(POSTURE_COLUMNS.map((n, i) => [n, i]));
  return windows.map((w, k) => {
    if (w.masked || w.values === null) return w;
    const p = posture?.[k]?.values ?? null;
    const values = new Float64Array(expected.length);
    expected.forEach((name, c) => {
      const f = face.get(name);
      const q = pose.get(name);
      values[c] = f !== undefined ? w.values![f]! : q !== undefined && p !== null ? (p[q] ?? NaN) : NaN;
    });
    return { ...w, values };
  });
}
