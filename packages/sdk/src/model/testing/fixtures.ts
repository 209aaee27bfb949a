import { gaussian, mulberry32 } from '../../util/prng.ts';
import type { HireNetConfig, InterviewInput } from '../types.ts';

/** Small, all-different sizes so a transposed weight would break shapes or numbers. */
export const TINY: Omit<HireNetConfig, 'variant'> = {
  inputDim: 5,
  wordDim: 4,
  lowUnits: 6,
  contextUnits: 3,
  highUnits: 4,
  attentionDim: 7,
  highAttentionDim: 2,
};

/** Interviews of uneven shape: [job words, [[question words, answer steps (0 = modality missing)]…]]. */
export function unevenInterviews(
  seed: number,
  dims: Pick<HireNetConfig, 'inputDim' | 'wordDim'>,
  shapes: [number, [number, number][]][],
): InterviewInput[] {
  const normal = gaussian(mulberry32(seed));
  const rows = (n: number, w: number): number[][] =>
    Array.from({ length: n }, () => Array.from({ length: w }, () => Math.fround(normal())));
  return shapes.map(([job, qs]) => ({
    jobTitle: rows(job, dims.wordDim),
    questions: qs.map(([words]) => rows(words, dims.wordDim)),
    answers: qs.map(([, steps]) => (steps === 0 ? null : rows(steps, dims.inputDim))),
  }));
}

export const UNEVEN_SHAPES: [number, [number, number][]][] = [
  [2, [[3, 17]]],
  [
    4,
    [
      [1, 1],
      [5, 40],
      [2, 9],
    ],
  ],
  [
    1,
    [
      [6, 25],
      [3, 2],
      [4, 33],
      [2, 12],
      [5, 7],
      [1, 3],
    ],
  ],
  [
    3,
    [
      [2, 8],
      [4, 21],
    ],
  ],
];
