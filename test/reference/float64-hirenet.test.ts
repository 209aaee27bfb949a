import { describe, expect, it } from 'vitest';
import {
  biGru,
  checkWeights,
  concat,
  forwardInterview,
  gruLast,
  gruRun,
  gruStep,
  softmax,
  type GruWeights,
  type HireNetConfig,
  type Weights,
} from './float64-hirenet.ts';
import { randomInterview, randomWeights, smallConfig } from './fixtures.ts';

const sig = (x: number): number => 1 / (1 + Math.exp(-x));
const mat = (rows: number, cols: number, data: number[]) => ({ rows, cols, data: Float64Array.from(data) });

// A 1-input, 1-unit GRU: kernel [1,3] = (kz, kr, kh), recurrentKernel [1,3] = (rz, rr, rh), bias (bz, br, bh).
const [kz, kr, kh, rz, rr, rh, bz, br, bh] = [0.5, -1.2, 0.8, 0.3, 0.9, -0.7, 0.1, 0.2, -0.3];
const tiny: GruWeights = {
  kernel: mat(1, 3, [kz, kr, kh]),
  recurrentKernel: mat(1, 3, [rz, rr, rh]),
  bias: Float64Array.from([bz, br, bh]),
  units: 1,
};

describe('GRU cell (contract: sigmoid gates, z|r|h, reset before recurrent product, h0 = 0)', () => {
  it('matches a 1-unit step computed by hand from a non-zero state', () => {
    const x = 1.5;
    const h = 0.4;
    const z = sig(kz * x + rz * h + bz);
    const r = sig(kr * x + rr * h + br);
    const cand = Math.tanh(kh * x + rh * (r * h) + bh);
    const want = z * h + (1 - z) * cand;
    const got = gruStep(tiny, [x], Float64Array.from([h]));
    expect(got[0]).toBeCloseTo(want, 14);
    // Two steps from h0 = 0.
    const h1 = (1 - sig(kz * 1 + bz)) * Math.tanh(kh * 1 + bh);
    const z2 = sig(kz * -2 + rz * h1 + bz);
    const r2 = sig(kr * -2 + rr * h1 + br);
    const h2 = z2 * h1 + (1 - z2) * Math.tanh(kh * -2 + rh * r2 * h1 + bh);
    const states = gruRun(tiny, [[1], [-2]]);
    expect(states[0]?.[0]).toBeCloseTo(h1, 14);
    expect(states[1]?.[0]).toBeCloseTo(h2, 14);
  });

  it('applies the reset gate before the recurrent product (2 units, cross terms)', () => {
    // Candidate block R[:, 2U:3U] = [[0, 1], [1, 0]] mixes units, so r ⊙ h before the product matters.
    const g: GruWeights = {
      kernel: mat(1, 6, [0, 0, 0, 0, 0, 0]),
      recurrentKernel: mat(2, 6, [0, 0, 10, 0, 0, 1, 0, 0, 0, -10, 1, 0]),
      bias: Float64Array.from([0, 0, 0, 0, 0, 0]),
      units: 2,
    };
    const h = Float64Array.from([1, 1]);
    const r = [sig(10), sig(-10)]; // r1 ≈ 1, r2 ≈ 0
    const z = 0.5; // sigmoid(0)
    const c = [Math.tanh(r[1]! * 1), Math.tanh(r[0]! * 1)]; // (r⊙h)·R: unit0 gets r2·h2, unit1 gets r1·h1
    const got = gruStep(g, [0], h);
    expect(got[0]).toBeCloseTo(z * 1 + (1 - z) * c[0]!, 14);
    expect(got[1]).toBeCloseTo(z * 1 + (1 - z) * c[1]!, 14);
  });

  it('encodes zero words as the zero vector and otherwise returns h_L', () => {
    expect(Array.from(gruLast(tiny, []))).toEqual([0]);
    const s = gruRun(tiny, [[1], [2], [3]]);
    expect(gruLast(tiny, [[1], [2], [3]])[0]).toBe(s[2]?.[0]);
  });

  it('BiGRU: output t is [→h_t, ←h_t], ←h_t having read x_L … x_t', () => {
    const back: GruWeights = { ...tiny, bias: Float64Array.from([-0.4, 0.5, 0.6]) };
    const xs = [[0.3], [-1], [2]];
    const out = biGru(tiny, back, xs);
    expect(out).toHaveLength(3);
    const f = gruRun(tiny, xs);
    expect(out[0]?.[0]).toBe(f[0]?.[0]);
    expect(out[2]?.[1]).toBeCloseTo(gruStep(back, [2], new Float64Array(1))[0]!, 15); // ←h_L read x_L only
    expect(out[0]?.[1]).toBe(gruLast(back, [[2], [-1], [0.3]])[0]); // ←h_1 read everything
  });
});

describe('softmax', () => {
  it('sums to 1, is stable for large logits, and matches hand values', () => {
    const p = softmax([1000, 1001]);
    expect(p[0]! + p[1]!).toBeCloseTo(1, 15);
    expect(p[0]).toBeCloseTo(1 / (1 + Math.E), 14);
    const q = softmax([-3, 0.5, 2, 2]);
    expect(q.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 15);
    expect(q[2]).toBe(q[3]);
    expect(softmax([])).toEqual([]);
  });
});

const withZeroed = (w: Weights, names: string[]): Weights => {
  const out: Weights = { ...w };
  for (const n of names) {
    const t = out[n]!;
    out[n] = { shape: t.shape, data: t.data.map(() => 0) };
  }
  return out;
};

describe('forwardInterview', () => {
  const cfg = smallConfig;
  const w = randomWeights(cfg, 7);
  const inp = randomInterview(cfg, 3, [5, 1, 8], [2, 4, 1]);

  it('hirenet: attention weights are distributions of the right lengths; score in (0,1)', () => {
    const o = forwardInterview(cfg, w, inp);
    expect(o.answerAttention.map((a) => a.length)).toEqual([5, 1, 8]);
    for (const a of o.answerAttention) expect(a.reduce((p, x) => p + x, 0)).toBeCloseTo(1, 12);
    expect(o.questionAttention).toHaveLength(3);
    expect(o.questionAttention.reduce((p, x) => p + x, 0)).toBeCloseTo(1, 12);
    expect(o.score).toBeGreaterThan(0);
    expect(o.score).toBeLessThan(1);
    expect(new Set(o.answerAttention[2]).size).toBeGreaterThan(1); // random weights: not uniform
  });

  it('attention is uniform (1/L, 1/n) when the scores cannot depend on the step', () => {
    // answerKernel = 0 ⇒ u depends only on the context ⇒ every step gets the same logit.
    const z = withZeroed(w, ['lowAttention/answerKernel', 'highAttention/answerKernel']);
    const o = forwardInterview(cfg, z, inp);
    for (const a of o.answerAttention) for (const x of a) expect(x).toBeCloseTo(1 / a.length, 14);
    for (const b of o.questionAttention) expect(b).toBeCloseTo(1 / 3, 14);
  });

  it('the job title and question contexts matter for hirenet but not for hn_satt', () => {
    const other = { ...inp, jobTitle: randomInterview(cfg, 99, [1], [1], 3).jobTitle };
    expect(forwardInterview(cfg, w, other).score).not.toBeCloseTo(forwardInterview(cfg, w, inp).score, 9);
    const satt: HireNetConfig = { ...cfg, variant: 'hn_satt' };
    const ws = randomWeights(satt, 8);
    expect(forwardInterview(satt, ws, other).score).toBe(forwardInterview(satt, ws, inp).score);
  });

  it('missing answer (length 0): a_i = 0 and empty attention; the question stays', () => {
    const miss = { ...inp, answers: [inp.answers[0]!, [], inp.answers[2]!] };
    const o = forwardInterview(cfg, w, miss);
    expect(o.answerAttention[1]).toEqual([]);
    expect(o.questionAttention).toHaveLength(3);
    // With the answer half of the high-level kernel zeroed, a_i no longer matters at all:
    const rowsQ = cfg.contextUnits;
    const cut = { ...w };
    for (const d of ['forward', 'backward']) {
      const k = w[`highEncoder/${d}/kernel`]!;
      const cols = k.shape[1]!;
      cut[`highEncoder/${d}/kernel`] = { shape: k.shape, data: k.data.map((v, i) => (i / cols >= rowsQ ? 0 : v)) };
    }
    expect(forwardInterview(cfg, cut, miss).score).toBeCloseTo(forwardInterview(cfg, cut, inp).score, 14);
    // A zeroed low encoder makes every real answer's h_t (hence a_i) exactly 0: a missing answer
    // must then score exactly like a real one (a_i = 0), while its attention list stays empty.
    const lowNames = Object.keys(w).filter((n) => n.startsWith('lowEncoder/'));
    const z0 = withZeroed(w, lowNames);
    expect(forwardInterview(cfg, z0, miss).score).toBeCloseTo(forwardInterview(cfg, z0, inp).score, 14);
    expect(forwardInterview(cfg, z0, inp).answerAttention[1]).toEqual([1]);
    // With it intact, a missing answer (a_2 = 0) must score differently from the real answer.
    expect(o.score).not.toBeCloseTo(forwardInterview(cfg, w, inp).score, 9);
  });

  it('hn_avg: uniform weights, no attention weights needed', () => {
    const avg: HireNetConfig = { ...cfg, variant: 'hn_avg' };
    const wa = randomWeights(avg, 9);
    const o = forwardInterview(avg, wa, { ...inp, answers: [inp.answers[0]!, [], inp.answers[2]!] });
    expect(o.answerAttention[0]).toEqual([0.2, 0.2, 0.2, 0.2, 0.2]);
    expect(o.answerAttention[1]).toEqual([]);
    expect(o.questionAttention).toEqual([1 / 3, 1 / 3, 1 / 3]);
  });

  it('bigru: mean of per-answer scores over non-empty answers, from [→h_L, ←h_1]', () => {
    const bg: HireNetConfig = { ...cfg, variant: 'bigru' };
    const wb = randomWeights(bg, 10);
    const one = (a: number[][]): number => forwardInterview(bg, wb, { ...inp, answers: [a] }).score;
    const [a0, a1, a2] = [inp.answers[0]!, inp.answers[1]!, inp.answers[2]!];
    const o = forwardInterview(bg, wb, { ...inp, answers: [a0, [], a1, a2] });
    expect(o.score).toBeCloseTo((one(a0) + one(a1) + one(a2)) / 3, 14);
    expect(o.answerAttention).toEqual([]);
    expect(o.questionAttention).toEqual([]);
    // by hand for one answer
    const g = (p: string): GruWeights => {
      const k = wb[`${p}/kernel`]!;
      const r = wb[`${p}/recurrentKernel`]!;
      return {
        kernel: mat(k.shape[0]!, k.shape[1]!, k.data),
        recurrentKernel: mat(r.shape[0]!, r.shape[1]!, r.data),
        bias: Float64Array.from(wb[`${p}/bias`]!.data),
        units: cfg.lowUnits,
      };
    };
    const fw = gruLast(g('lowEncoder/forward'), a0);
    const bw = gruLast(g('lowEncoder/backward'), [...a0].reverse());
    const v = concat(fw, bw);
    const k = wb['classifier/kernel']!.data;
    const logit = v.reduce((s, x, i) => s + x * k[i]!, 0) + wb['classifier/bias']!.data[0]!;
    expect(one(a0)).toBeCloseTo(sig(logit), 14);
  });

  it('rejects weights that break the contract (names and shapes)', () => {
    const satt: HireNetConfig = { ...cfg, variant: 'hn_satt' };
    expect(() => checkWeights(satt, w)).toThrow(/unexpected weight/); // hirenet has contextKernel
    const bad = { ...w, 'lowAttention/query': { shape: [4], data: [0, 0, 0, 0] } };
    expect(() => checkWeights(cfg, bad)).toThrow(/shape/);
    expect(() => forwardInterview(cfg, w, { ...inp, answers: [[[1, 2]], [], []] })).toThrow(/want 3/);
  });
});
