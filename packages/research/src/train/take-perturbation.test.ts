import { describe, expect, it } from 'vitest';
import { mulberry32 } from '@hirenet/sdk/internal/util/prng';
import {
  DEFAULT_TAKE_LAW,
  drawPerturbation,
  gainColumns,
  mapRange,
  resampleRows,
  takePositions,
  type TakePerturbation,
} from './take-perturbation.ts';

const none: TakePerturbation = { phase: 0, trimStart: 0, trimEnd: 0, dropRate: 0, gainDb: 0 };
const never = (): number => 0.99;

describe('take perturbation', () => {
  const rows = Float32Array.from({ length: 10 * 2 }, (_, i) => (i % 2 === 0 ? i / 2 : 100 - i)); // col 0 = t

  it('with nothing drawn reads the answer unchanged', () => {
    const positions = takePositions(10, none, never);
    expect(Array.from(positions)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
    expect(Array.from(resampleRows(rows, 2, positions))).toEqual(Array.from(rows));
  });

  it('a phase interpolates adjacent windows; edges trim or pad with the edge window', () => {
    const out = resampleRows(rows, 2, takePositions(10, { ...none, phase: 0.25 }, never));
    expect(out[0]).toBeCloseTo(0.25);
    expect(out[2]).toBeCloseTo(1.25);
    const trimmed = takePositions(12, { ...none, trimStart: 2, trimEnd: 1 }, never);
    expect(Array.from(trimmed)).toEqual([2, 3, 4, 5, 6, 7, 8, 9, 10]);
    const padded = resampleRows(rows, 2, takePositions(10, { ...none, trimStart: -2 }, never));
    expect(Array.from(padded.filter((_, i) => i % 2 === 0)).slice(0, 4)).toEqual([0, 0, 0, 1]);
  });

  it('drops windows at the drawn rate but never below the minimum length', () => {
    const u = mulberry32(4);
    const kept = takePositions(1000, { ...none, dropRate: 0.1 }, u).length;
    expect(kept).toBeGreaterThan(850);
    expect(kept).toBeLessThan(950);
    expect(takePositions(5, { ...none, trimStart: 3, trimEnd: 3 }, never).length).toBe(5);
    expect(() => takePositions(0, none, never)).toThrow(/positive integer/);
  });

  it('moves an event range with the windows', () => {
    const positions = takePositions(20, { ...none, trimStart: 3 }, never);
    expect(mapRange(positions, 5, 9)).toEqual({ start: 2, end: 6 });
    expect(mapRange(positions, 0, 2)).toBeNull();
  });

  it('draws from the documented law, deterministically per seed', () => {
    const a = drawPerturbation(DEFAULT_TAKE_LAW, mulberry32(1));
    expect(drawPerturbation(DEFAULT_TAKE_LAW, mulberry32(1))).toEqual(a);
    for (let s = 0; s < 200; s++) {
      const p = drawPerturbation(DEFAULT_TAKE_LAW, mulberry32(s));
      expect(Math.abs(p.trimStart)).toBeLessThanOrEqual(3);
      expect(Math.abs(p.gainDb)).toBeLessThanOrEqual(6);
      expect(p.phase >= 0 && p.phase < 1).toBe(true);
    }
  });

  it('finds the loudness-type columns of the audio schema', () => {
    expect(gainColumns(['x', 'intensity_dB_mean', 'intensity_dB_std', 'loudness_mean', 'loudness_std'])).toEqual([
      { index: 1, kind: 'db' },
      { index: 3, kind: 'linear' },
      { index: 4, kind: 'linear' },
    ]);
  });
});
