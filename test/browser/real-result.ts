/**
 * What "a real analysis" means for a session result, checked the same way by every end-to-end
 * test: a finite score per modality that is not the 0.5 an all-zero model gives, attention that is
 * neither flat nor stuck on one window, and as many scored windows as the answer's length implies.
 */
import { expect } from 'vitest';

export interface EmbedResult {
  readonly error?: { code: string; message: string };
  readonly score: number | null;
  readonly scores: Record<string, number>;
  readonly answerAttention: number[][];
  readonly questionAttention: number[];
  readonly answerWindows: { windows: number; scored: Record<string, number> }[];
  readonly warnings: { code: string; message: string }[];
  readonly modelCard: { backend: string; modalities: string[] };
}

export interface Expectation {
  readonly answers: number;
  readonly seconds: number;
  readonly modalities: readonly string[];
  readonly label: string;
}

/** Windows of 0.5 s every 0.25 s: a clip of s seconds has 4s − 1 of them. */
export function windowsFor(seconds: number): number {
  return Math.max(0, Math.floor((seconds - 0.5) / 0.25) + 1);
}

export function assertRealResult(r: EmbedResult, e: Expectation): void {
  const at = `[${e.label}; warnings: ${r.warnings?.map((w) => `${w.code}: ${w.message}`).join(' | ') ?? '-'}]`;
  expect(r.error, `${at} error`).toBeUndefined();
  expect(Object.keys(r.scores).sort(), `${at} modalities`).toEqual([...e.modalities].sort());
  for (const [m, s] of Object.entries(r.scores)) {
    expect(Number.isFinite(s), `${at} ${m} score finite`).toBe(true);
    // An all-zero (or unread) model gives sigmoid(0) = 0.5 exactly; a trained one never does.
    expect(Math.abs(s - 0.5), `${at} ${m} score ${s} is the degenerate 0.5`).toBeGreaterThan(1e-4);
  }
  expect(r.answerAttention, `${at} answers`).toHaveLength(e.answers);
  expect(r.answerWindows, `${at} per-answer window counts`).toHaveLength(e.answers);
  // Live timing varies by a window or two; losing more than a fifth means windows were dropped.
  const minWindows = Math.floor(windowsFor(e.seconds) * 0.8);
  r.answerAttention.forEach((a, i) => {
    const counts = r.answerWindows[i]!;
    expect(counts.windows, `${at} answer ${i} windows`).toBeGreaterThanOrEqual(minWindows);
    for (const m of e.modalities)
      expect(counts.scored[m] ?? 0, `${at} answer ${i} ${m} scored windows`).toBeGreaterThanOrEqual(minWindows);
    expect(
      a.reduce((s, v) => s + v, 0),
      `${at} answer ${i} attention sum`,
    ).toBeCloseTo(1, 3);
    const used = a.filter((v) => v > 0);
    const max = Math.max(...used);
    const min = Math.min(...used);
    expect(max, `${at} answer ${i} attention one-hot`).toBeLessThan(0.98);
    // Flat attention (1/n on every window) is what a model that reads nothing gives.
    expect((max - min) * used.length, `${at} answer ${i} attention flat`).toBeGreaterThan(1e-3);
  });
  const q = r.questionAttention;
  expect(
    q.reduce((s, v) => s + v, 0),
    `${at} question attention sum`,
  ).toBeCloseTo(1, 3);
  if (e.answers > 1) expect(Math.max(...q) - Math.min(...q), `${at} question attention flat`).toBeGreaterThan(1e-5);
  expect(
    r.warnings.filter((w) => w.code === 'windows-dropped'),
    `${at} dropped windows`,
  ).toEqual([]);
}
