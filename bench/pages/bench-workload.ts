/**
 * The benchmark workload, shared by the Node bench (bench/) and the Chromium bench page
 * (bench-model.ts) so both score exactly the same interviews with the same weights.
 * Runs in Node and in browsers: tfjs-core only, no DOM.
 */
import * as tf from '@tensorflow/tfjs-core';
import { HireNetModel } from '../../packages/sdk/src/model/hirenet-model.ts';
import type { InterviewInput } from '../../packages/sdk/src/model/types.ts';
import { gaussian, mulberry32 } from '../../packages/sdk/src/util/prng.ts';

/** The product's sizes (issue 7): 45 audio descriptors, 100-d word vectors, 32 units. */
export const benchConfig = { inputDim: 45, wordDim: 100, variant: 'hirenet' } as const;
export const WINDOWS = 240;

/** One interview with `answers` answers of WINDOWS steps each; seeded, float32-exact. */
export function benchInterview(answers: number, seed = 7): InterviewInput {
  const normal = gaussian(mulberry32(seed));
  const rows = (n: number, w: number): number[][] =>
    Array.from({ length: n }, () => Array.from({ length: w }, () => Math.fround(normal())));
  return {
    jobTitle: rows(3, benchConfig.wordDim),
    questions: Array.from({ length: answers }, () => rows(9, benchConfig.wordDim)),
    answers: Array.from({ length: answers }, () => rows(WINDOWS, benchConfig.inputDim)),
  };
}

export function median(xs: readonly number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const n = s.length;
  if (n === 0) return NaN;
  return n % 2 === 1 ? (s[(n - 1) / 2] as number) : ((s[n / 2 - 1] as number) + (s[n / 2] as number)) / 2;
}

export interface TimingResult {
  readonly medianMs: number;
  readonly minMs: number;
  readonly runs: number;
  /** First call (shader compilation, wasm warm-up), ms. */
  readonly firstMs: number;
}

/** Times `fn` `runs` times after one untimed-but-recorded first call. */
export async function timeRuns(fn: () => Promise<unknown>, runs: number): Promise<TimingResult> {
  const t0 = performance.now();
  await fn();
  const firstMs = performance.now() - t0;
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const s = performance.now();
    await fn();
    times.push(performance.now() - s);
  }
  return { medianMs: median(times), minMs: Math.min(...times), runs, firstMs };
}

export interface ScoringResult {
  readonly backend: string;
  readonly answers1: TimingResult;
  readonly answers6: TimingResult;
  /** A score, so a run that silently computes nothing shows up. */
  readonly score6: number;
}

/** HireNet scoring latency of one interview with 1 and 6 answers on the active backend. */
export async function benchScoring(runs: number): Promise<ScoringResult> {
  const model = HireNetModel.random(benchConfig, 11, { biasScale: 0.2 });
  try {
    const one = [benchInterview(1)];
    const six = [benchInterview(6)];
    const answers1 = await timeRuns(() => model.predict(one), runs);
    const answers6 = await timeRuns(() => model.predict(six), runs);
    const score6 = (await model.predict(six))[0]?.score ?? NaN;
    return { backend: tf.getBackend(), answers1, answers6, score6 };
  } finally {
    model.dispose();
  }
}

export interface MemoryResult {
  readonly scorings: number;
  readonly tensorsBefore: number;
  readonly tensorsAfter: number;
  readonly bytesBefore: number;
  readonly bytesAfter: number;
  /** JS heap in bytes (Node: process heapUsed after gc; Chromium: performance.memory), null if unknown. */
  readonly heapBefore: number | null;
  readonly heapAfter: number | null;
}

/** tf.memory() and heap before/after `n` scorings of 6 answers (after one warm-up). */
export async function benchMemory(n: number, heap: () => Promise<number | null>): Promise<MemoryResult> {
  const model = HireNetModel.random(benchConfig, 11, { biasScale: 0.2 });
  try {
    const six = [benchInterview(6)];
    await model.predict(six);
    const before = tf.memory();
    const heapBefore = await heap();
    for (let i = 0; i < n; i++) await model.predict(six);
    const after = tf.memory();
    return {
      scorings: n,
      tensorsBefore: before.numTensors,
      tensorsAfter: after.numTensors,
      bytesBefore: before.numBytes,
      bytesAfter: after.numBytes,
      heapBefore,
      heapAfter: await heap(),
    };
  } finally {
    model.dispose();
  }
}
