// Seeded random weights and interviews for the float64 reference tests (no tfjs).
import { expectedShapes } from './contract-weights.ts';
import type { HireNetConfig, InterviewInputs, Weights } from './float64-hirenet.ts';

/** mulberry32: small deterministic PRNG returning floats in [0, 1). */
export function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Uniform in [-scale, scale], rounded through float32 like stored weights. */
export function randomWeights(config: HireNetConfig, seed: number, scale = 0.5): Weights {
  const r = rng(seed);
  const out: Weights = {};
  for (const [name, shape] of Object.entries(expectedShapes(config))) {
    const size = shape.reduce((p, d) => p * d, 1);
    const data = Array.from({ length: size }, () => Math.fround((r() * 2 - 1) * scale));
    out[name] = { shape: [...shape], data };
  }
  return out;
}

function rows(r: () => number, count: number, dim: number): number[][] {
  return Array.from({ length: count }, () => Array.from({ length: dim }, () => Math.fround(r() * 2 - 1)));
}

/** One interview with the given answer lengths and question word counts. */
export function randomInterview(
  config: HireNetConfig,
  seed: number,
  answerLengths: readonly number[],
  questionWords: readonly number[] = answerLengths.map(() => 3),
  titleWords = 2,
): InterviewInputs {
  const r = rng(seed);
  return {
    jobTitle: rows(r, titleWords, config.wordDim),
    questions: questionWords.map((w) => rows(r, w, config.wordDim)),
    answers: answerLengths.map((l) => rows(r, l, config.inputDim)),
  };
}

export const smallConfig: HireNetConfig = {
  inputDim: 3,
  wordDim: 4,
  lowUnits: 2,
  contextUnits: 3,
  highUnits: 2,
  attentionDim: 3,
  highAttentionDim: 2,
};
