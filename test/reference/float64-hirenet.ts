// Independent float64 re-implementation of the HireNet forward pass, written from
// docs/weight-contract.md (hirenet-weights/1) and eqs (1)–(15) of Hemamou et al., AAAI 2019.
// Plain number arrays only: no tfjs, and nothing from packages/sdk/src/model/.

export type Variant = 'hirenet' | 'hn_satt' | 'hn_avg' | 'bigru';

export interface HireNetConfig {
  inputDim: number;
  wordDim: number;
  lowUnits: number;
  contextUnits: number;
  highUnits: number;
  attentionDim: number;
  highAttentionDim: number;
  variant?: Variant;
  /** Answer length ℓ as one more classifier input (docs/text.md, "Answer length"). */
  lengthInput?: boolean;
}

export interface WeightTensor {
  shape: number[];
  data: number[];
}

export type Weights = Record<string, WeightTensor>;

export interface InterviewInputs {
  jobTitle: number[][];
  questions: number[][][];
  answers: number[][][];
}

export interface InterviewOutputs {
  score: number;
  answerAttention: number[][];
  questionAttention: number[];
}

/** Row-major matrix. */
export interface Matrix {
  rows: number;
  cols: number;
  data: Float64Array;
}

export interface GruWeights {
  kernel: Matrix;
  recurrentKernel: Matrix;
  bias: Float64Array;
  units: number;
}

export interface AttentionWeights {
  answerKernel: Matrix;
  contextKernel: Matrix | null;
  bias: Float64Array;
  query: Float64Array;
}

import { checkWeights } from './contract-weights.ts';

export { checkWeights, expectedShapes } from './contract-weights.ts';

export const sigmoid = (x: number): number => 1 / (1 + Math.exp(-x));

/** Numerically stable softmax (subtracts the max). Empty input → empty output. */
export function softmax(e: readonly number[]): number[] {
  if (e.length === 0) return [];
  let max = -Infinity;
  for (const v of e) if (v > max) max = v;
  const ex = e.map((v) => Math.exp(v - max));
  let sum = 0;
  for (const v of ex) sum += v;
  return ex.map((v) => v / sum);
}

/** y = x · M[:, c0:c1] (x a row vector of length M.rows). */
export function vecMat(x: ArrayLike<number>, m: Matrix, c0 = 0, c1 = m.cols): Float64Array {
  if (x.length !== m.rows) throw new Error(`vecMat: vector of ${x.length} vs matrix of ${m.rows} rows`);
  const out = new Float64Array(c1 - c0);
  for (let i = 0; i < m.rows; i++) {
    const xi = x[i] as number;
    if (xi === 0) continue;
    const base = i * m.cols;
    for (let j = c0; j < c1; j++) out[j - c0] = at(out, j - c0) + xi * at(m.data, base + j);
  }
  return out;
}

function at(a: ArrayLike<number>, i: number): number {
  return a[i] as number;
}

/** One GRU step, tfjs-layers convention (resetAfter = false), z | r | h column blocks. */
export function gruStep(g: GruWeights, x: ArrayLike<number>, h: Float64Array): Float64Array {
  const U = g.units;
  const xk = vecMat(x, g.kernel); // [3U]
  const hzr = vecMat(h, g.recurrentKernel, 0, 2 * U); // [2U]
  const z = new Float64Array(U);
  const rh = new Float64Array(U);
  for (let j = 0; j < U; j++) {
    z[j] = sigmoid(at(xk, j) + at(hzr, j) + at(g.bias, j));
    const r = sigmoid(at(xk, U + j) + at(hzr, U + j) + at(g.bias, U + j));
    rh[j] = r * at(h, j);
  }
  const hh = vecMat(rh, g.recurrentKernel, 2 * U, 3 * U); // (r ⊙ h)·R[:, 2U:3U]
  const out = new Float64Array(U);
  for (let j = 0; j < U; j++) {
    const cand = Math.tanh(at(xk, 2 * U + j) + at(hh, j) + at(g.bias, 2 * U + j));
    out[j] = at(z, j) * at(h, j) + (1 - at(z, j)) * cand;
  }
  return out;
}

/** All states h_1 … h_L of a GRU run from h_0 = 0. */
export function gruRun(g: GruWeights, xs: readonly ArrayLike<number>[]): Float64Array[] {
  let h: Float64Array = new Float64Array(g.units);
  const states: Float64Array[] = [];
  for (const x of xs) {
    h = gruStep(g, x, h);
    states.push(h);
  }
  return states;
}

/** Unidirectional encoder: h_L, or the zero vector for zero words. */
export function gruLast(g: GruWeights, xs: readonly ArrayLike<number>[]): Float64Array {
  const states = gruRun(g, xs);
  return states[states.length - 1] ?? new Float64Array(g.units);
}

/** Bidirectional GRU over the real steps: output t = [→h_t, ←h_t]. */
export function biGru(fw: GruWeights, bw: GruWeights, xs: readonly ArrayLike<number>[]): Float64Array[] {
  const f = gruRun(fw, xs);
  const b = gruRun(bw, [...xs].reverse()).reverse(); // b[t] = state after reading x_L … x_t
  return f.map((ft, t) => concat(ft, b[t] as Float64Array));
}

export function concat(a: ArrayLike<number>, b: ArrayLike<number>): Float64Array {
  const out = new Float64Array(a.length + b.length);
  out.set(Array.from(a), 0);
  out.set(Array.from(b), a.length);
  return out;
}

/** Additive attention (eqs 5–7 / 12–14): returns weights and the weighted sum. */
export function attend(
  w: AttentionWeights,
  hs: readonly Float64Array[],
  context: Float64Array | null,
  dim: number,
): { weights: number[]; pooled: Float64Array } {
  if (hs.length === 0) return { weights: [], pooled: new Float64Array(dim) };
  const ctx = w.contextKernel && context ? vecMat(context, w.contextKernel) : null;
  const e = hs.map((h) => {
    const u = vecMat(h, w.answerKernel);
    let s = 0;
    for (let k = 0; k < u.length; k++) {
      s += Math.tanh(at(u, k) + (ctx ? at(ctx, k) : 0) + at(w.bias, k)) * at(w.query, k);
    }
    return s;
  });
  const weights = softmax(e);
  return { weights, pooled: weightedSum(hs, weights, dim) };
}

export function weightedSum(hs: readonly Float64Array[], weights: readonly number[], dim: number): Float64Array {
  const out = new Float64Array(dim);
  hs.forEach((h, t) => {
    const a = weights[t] as number;
    for (let k = 0; k < dim; k++) out[k] = at(out, k) + a * at(h, k);
  });
  return out;
}

function getM(m: Map<string, Matrix>, name: string): Matrix {
  const w = m.get(name);
  if (!w) throw new Error(`missing weight ${name}`);
  return w;
}

function getGru(m: Map<string, Matrix>, p: string): GruWeights {
  const rk = getM(m, `${p}/recurrentKernel`);
  return { kernel: getM(m, `${p}/kernel`), recurrentKernel: rk, bias: getM(m, `${p}/bias`).data, units: rk.rows };
}

function getAtt(m: Map<string, Matrix>, p: string, withContext: boolean): AttentionWeights {
  return {
    answerKernel: getM(m, `${p}/answerKernel`),
    contextKernel: withContext ? getM(m, `${p}/contextKernel`) : null,
    bias: getM(m, `${p}/bias`).data,
    query: getM(m, `${p}/query`).data,
  };
}

function checkRows(rows: readonly (readonly number[])[], dim: number, what: string): void {
  rows.forEach((r, t) => {
    if (r.length !== dim) throw new Error(`${what} row ${t} has ${r.length} values, want ${dim}`);
  });
}

function classify(m: Map<string, Matrix>, v: Float64Array): number {
  return sigmoid(at(vecMat(v, getM(m, 'classifier/kernel')), 0) + at(getM(m, 'classifier/bias').data, 0));
}

/** Forward pass of ONE interview, float64 throughout. */
export function forwardInterview(config: HireNetConfig, weights: Weights, inputs: InterviewInputs): InterviewOutputs {
  const variant = config.variant ?? 'hirenet';
  const m = checkWeights(config, weights);
  const { questions, answers, jobTitle } = inputs;
  const n = answers.length;
  if (n < 1) throw new Error('an interview needs n ≥ 1 answers');
  if (variant !== 'bigru' && questions.length !== n) {
    throw new Error(`${questions.length} questions but ${n} answers`);
  }
  answers.forEach((a, i) => checkRows(a, config.inputDim, `answer ${i}`));
  const H = config.lowUnits;
  const lowF = getGru(m, 'lowEncoder/forward');
  const lowB = getGru(m, 'lowEncoder/backward');
  const low = answers.map((a) => biGru(lowF, lowB, a));

  if (variant === 'bigru') {
    const scores: number[] = [];
    answers.forEach((a, i) => {
      const hs = low[i] as Float64Array[];
      if (a.length === 0) return;
      const last = hs[a.length - 1] as Float64Array;
      const first = hs[0] as Float64Array;
      const v = concat(last.subarray(0, H), first.subarray(H, 2 * H));
      // ℓ per answer: rows / 100, appended after the final states.
      scores.push(classify(m, config.lengthInput ? concat(v, Float64Array.of(a.length / 100)) : v));
    });
    const score = scores.length ? scores.reduce((p, s) => p + s, 0) / scores.length : Number.NaN;
    return { score, answerAttention: [], questionAttention: [] };
  }

  questions.forEach((q, i) => checkRows(q, config.wordDim, `question ${i}`));
  const hQ = questions.map((q) => gruLast(getGru(m, 'questionEncoder'), q));
  let hJ: Float64Array | null = null;
  if (variant === 'hirenet') {
    checkRows(jobTitle, config.wordDim, 'jobTitle');
    hJ = gruLast(getGru(m, 'jobEncoder'), jobTitle);
  }
  const attn = variant === 'hirenet' || variant === 'hn_satt';
  const lowAtt = attn ? getAtt(m, 'lowAttention', variant === 'hirenet') : null;
  const highAtt = attn ? getAtt(m, 'highAttention', variant === 'hirenet') : null;

  const answerAttention: number[][] = [];
  const highIn = low.map((hs, i) => {
    let res: { weights: number[]; pooled: Float64Array };
    if (lowAtt) res = attend(lowAtt, hs, hQ[i] as Float64Array, 2 * H);
    else {
      const w = hs.map(() => 1 / hs.length);
      res = { weights: w, pooled: weightedSum(hs, w, 2 * H) };
    }
    answerAttention.push(res.weights);
    return concat(hQ[i] as Float64Array, res.pooled); // [hQ_i, a_i], question first
  });
  const g = biGru(getGru(m, 'highEncoder/forward'), getGru(m, 'highEncoder/backward'), highIn);
  const H2 = config.highUnits;
  let high: { weights: number[]; pooled: Float64Array };
  if (highAtt) high = attend(highAtt, g, hJ, 2 * H2);
  else {
    const w = g.map(() => 1 / g.length);
    high = { weights: w, pooled: weightedSum(g, w, 2 * H2) };
  }
  // ℓ: mean of rows / 100 over the answered questions (0 if none), appended after v.
  const answered = answers.filter((a) => a.length > 0);
  const ell = answered.reduce((p, a) => p + a.length / 100, 0) / Math.max(1, answered.length);
  const v = config.lengthInput ? concat(high.pooled, Float64Array.of(ell)) : high.pooled;
  return { score: classify(m, v), answerAttention, questionAttention: high.weights };
}
