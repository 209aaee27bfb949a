/**
 * The figures of the `agreement` bench section (bench/lib/agreement-figures.ts) on rows built
 * here: a live take that is the file shifted by a known lag, a feature that is pure noise, a
 * second file run that differs in one value, backends that disagree.
 */
import { describe, expect, it } from 'vitest';
import { clipFigures, modalityFit, rescoreRows, sameGridFit, spreadOf } from '../../bench/lib/agreement-figures.ts';
import type { PageAnswer, PageOut } from '../../bench/lib/agreement-figures.ts';
import { alignPeriodic } from '../../bench/lib/agreement-align.ts';

const N = 32;
// Deterministic pseudo-noise (LCG) so the "noise" feature is uncorrelated with everything else.
function lcg(seed: number): () => number {
  let s = seed;
  return () => {
    s = (s * 1664525 + 1013904223) % 2 ** 32;
    return s / 2 ** 32 - 0.5;
  };
}

/** File rows: 3 smooth features of window index w; live rows = file at w + lag, feature 2 replaced by noise. */
function rows(lag: number, noiseFeature: boolean): { rows: number[][]; windowIndex: number[] } {
  const noise = lcg(7);
  const out: number[][] = [];
  for (let w = 0; w < N; w++) {
    const p = (2 * Math.PI * ((w + lag) % N)) / N;
    out.push([Math.sin(p), Math.cos(2 * p), noiseFeature ? noise() : Math.sin(3 * p) + 0.5 * Math.cos(p)]);
  }
  return { rows: out, windowIndex: out.map((_, w) => w) };
}

const answer = (audio: PageAnswer['audio'], warnings: string[] = []): PageAnswer => ({
  seconds: N / 4,
  audio,
  video: null,
  warnings,
});
const scored = (score: number, audio: number) => ({ score, scores: { audio } });

describe('agreement figures', () => {
  it('finds the lag of a shifted take and lists the noise feature as the worst', () => {
    const file = rows(0, false);
    const fit = modalityFit([rows(5, true), rows(11, true)], file, ['a', 'b', 'c']);
    // The noise feature enters the lag's objective, so the lag may move by a step or two (of 1/8 window).
    expect(Math.abs(fit.takes[0]!.lag - 5)).toBeLessThanOrEqual(0.25);
    expect(Math.abs(fit.takes[1]!.lag - 11)).toBeLessThanOrEqual(0.25);
    expect(fit.takes.every((t) => t.windows === N && t.kept === N && t.span === N)).toBe(true);
    expect(fit.worst[0]?.feature).toBe('c');
    expect(Math.abs(fit.worst[0]!.r)).toBeLessThan(0.6);
    expect(fit.worst.slice(1).every((w) => w.r > 0.99)).toBe(true);
    expect(fit.medianR).toBeGreaterThan(0.99);
    expect(modalityFit([rows(5, false)], file, null).takes[0]?.lag).toBe(5);
    expect(fit.constantFeatures).toBe(0);
  });

  it('spread is max − min per score, null where a run lacks one', () => {
    const s = spreadOf([
      { fused: 0.4, audio: 0.3, video: null },
      { fused: 0.7, audio: 0.2, video: 0.5 },
    ]);
    expect(s.fused).toBeCloseTo(0.3, 12);
    expect(s.audio).toBeCloseTo(0.1, 12);
    expect(s.video).toBeNull();
    expect(spreadOf([])).toEqual({ fused: null, audio: null, video: null });
  });

  it('re-scoring compares every backend with wasm; a missing modality score is an infinite difference', () => {
    const rows = rescoreRows(
      {
        wasm: { backend: 'wasm', tensorsBeforeCreate: 3, ...scored(0.5, 0.4) },
        cpu: { backend: 'cpu', tensorsBeforeCreate: 3, ...scored(0.50002, 0.4) },
        webgl: { backend: 'cpu', tensorsBeforeCreate: 3, score: 0.5, scores: {} },
      },
      ['wasm', 'cpu', 'webgl', 'webgpu'],
    );
    expect(rows.map((r) => r.backend)).toEqual(['wasm', 'cpu', 'webgl']);
    expect(rows[0]!.maxAbsDelta).toBe(0);
    expect(rows[1]!.maxAbsDelta).toBeCloseTo(2e-5, 10);
    expect(rows[2]!.maxAbsDelta).toBe(Infinity);
    expect(rows[2]!.reported).toBe('cpu');
  });

  it('a file run that differs in one value is not identical; warnings are collected once each', () => {
    const a = rows(0, false);
    const b = { rows: a.rows.map((r, i) => (i === 9 ? [r[0]! + 1e-7, r[1]!, r[2]!] : r)), windowIndex: a.windowIndex };
    const out: PageOut = {
      live: [
        { answer: answer(rows(3, false), ['low-fps']), result: scored(0.6, 0.6) },
        { answer: answer(rows(20, false), ['low-fps']), result: scored(0.5, 0.5) },
      ],
      files: [
        { answer: answer(a), result: scored(0.55, 0.55) },
        { answer: answer(b), result: scored(0.55, 0.55) },
      ],
      segments: [
        { answer: answer(a, ['short-answer']), result: scored(0.2, 0.2) },
        { answer: answer(a), result: scored(0.9, 0.9) },
      ],
      rescored: {},
    };
    const f = clipFigures(out, [], {});
    expect(f.fileTwiceIdentical).toBe(false);
    expect(clipFigures({ ...out, files: [out.files[0]!, out.files[0]!] }, [], {}).fileTwiceIdentical).toBe(true);
    expect(f.audio?.takes.map((t) => t.lag)).toEqual([3, 20]);
    expect(f.video).toBeNull();
    expect(f.liveSpread.fused).toBeCloseTo(0.1, 12);
    expect(f.halvesSpread.audio).toBeCloseTo(0.7, 12);
    expect(f.warnings).toEqual(['low-fps', 'short-answer']);
    expect(f.rescoreMaxAbsDelta).toBeNull();
  });

  it('refuses page output without a file analysis', () => {
    expect(() => clipFigures({ live: [], files: [], segments: [], rescored: {} }, [], {})).toThrow(/no file analysis/);
  });
});

describe('period-aware alignment (bench/lib/agreement-align.ts)', () => {
  // A clip of T seconds, 4 features; a window's value = mean over its 0.5 s of f(clip time), so
  // a live window straddling the loop seam mixes the clip's end and start, as a real take does.
  const T = 6.13;
  const feature = (f: number, t: number): number => Math.sin((2 * Math.PI * t) / (1.1 + 0.7 * f) + f);
  const windowRow = (clipTime: (u: number) => number): number[] =>
    [0, 1, 2, 3].map((f) => {
      let s = 0;
      for (let i = 0; i < 50; i++) s += feature(f, clipTime((i + 0.5) / 100));
      return s / 50;
    });
  const n = Math.floor((T - 0.5) / 0.25) + 1;
  const file = {
    rows: Array.from({ length: n }, (_, k) => windowRow((u) => k * 0.25 + u)),
    windowIndex: Array.from({ length: n }, (_, k) => k),
  };
  const take = (start: number, windows: number) => {
    const rows = Array.from({ length: windows }, (_, w) => windowRow((u) => (start + w * 0.25 + u) % T));
    return { rows, windowIndex: rows.map((_, w) => w) };
  };

  it('recovers the start of a take that crosses the seam; the circular lag does worse on it', () => {
    const live = take(3.3, n);
    const p = alignPeriodic(live, file, T);
    expect(Math.abs(p.startSeconds - 3.3)).toBeLessThanOrEqual(0.25 / 8);
    expect(p.medianR).toBeGreaterThan(0.99);
    // Windows straddling the seam have no file counterpart and are left out.
    expect(p.windows).toBeLessThan(n);
    expect(p.windows).toBeGreaterThanOrEqual(n - 3);
    const c = modalityFit([live], file, null);
    expect(c.medianR).toBeLessThan(p.medianR - 0.05);
    const both = modalityFit([live], file, null, T);
    expect(both.medianR).toBeCloseTo(p.medianR, 12);
    expect(both.circularMedianR).toBeCloseTo(c.medianR, 12);
    expect(both.takes[0]?.startSeconds).toBe(p.startSeconds);
  });

  it('reports a level shift that r does not see', () => {
    const base = take(1.2, n);
    const live = { ...base, rows: base.rows.map((r) => [r[0]! + 0.5, r[1]!, r[2]!, r[3]!]) };
    const p = alignPeriodic(live, file, T);
    const f0 = file.rows.map((r) => r[0]!);
    const m = f0.reduce((a, b) => a + b, 0) / n;
    const sd = Math.sqrt(f0.reduce((a, b) => a + (b - m) ** 2, 0) / n);
    expect(p.medianR).toBeGreaterThan(0.99);
    expect(p.shift[0]).toBeGreaterThan(0.5 / sd - 0.3);
    expect(Math.abs(p.shift[1]!)).toBeLessThan(0.2);
    const fit = modalityFit([live, live], file, ['a', 'b', 'c', 'd'], T);
    expect(fit.largestShifts?.[0]?.feature).toBe('a');
    expect(fit.medianAbsShift).toBeLessThan(0.2);
    expect(modalityFit([live], file, null).largestShifts).toBeNull();
  });

  it('a take that starts at the clip start agrees either way', () => {
    const live = take(0, n);
    expect(alignPeriodic(live, file, T).medianR).toBeGreaterThan(0.999);
    expect(modalityFit([live], file, null).medianR).toBeGreaterThan(0.999);
  });

  it('refuses a period that is not positive', () => {
    expect(() => alignPeriodic(take(0, n), file, 0)).toThrow(RangeError);
    expect(() => alignPeriodic(take(0, n), file, NaN)).toThrow(/period/);
  });
});

describe('the fake mic wav uploaded (micFile)', () => {
  it('compares rows window by window over the windows both kept, and is absent without a third segment', () => {
    const a = rows(0, false);
    const b = {
      rows: a.rows.map((r, i) => [r[0]!, i % 2 === 0 ? r[1]! : -r[1]!, r[2]! * 2 + 1]),
      windowIndex: a.windowIndex,
    };
    const fit = sameGridFit(b, { rows: a.rows.slice(4), windowIndex: a.windowIndex.slice(4) }, ['x', 'y', 'z']);
    expect(fit.windows).toBe(N - 4);
    expect(fit.worst[0]?.feature).toBe('y');
    expect(fit.worst.find((w) => w.feature === 'z')?.r).toBeCloseTo(1, 12);
    const answerOf = (audio: PageAnswer['audio']): PageAnswer => answer(audio);
    const seg = { answer: answerOf(a), result: scored(0.4, 0.4) };
    const base: PageOut = {
      live: [{ answer: answerOf(rows(2, false)), result: scored(0.3, 0.3) }],
      files: [seg, seg],
      segments: [seg, seg],
      rescored: {},
    };
    expect(clipFigures(base, [], {}).micFile).toBeNull();
    const withMic = clipFigures(
      { ...base, segments: [seg, seg, { answer: answerOf(b), result: scored(0.1, 0.1) }] },
      [],
      {},
    );
    expect(withMic.micFile?.scores.audio).toBe(0.1);
    expect(withMic.micFile?.vsClip?.windows).toBe(N);
    expect(withMic.micFile?.live?.takes).toHaveLength(1);
    expect(withMic.halves).toHaveLength(2);
  });
});
