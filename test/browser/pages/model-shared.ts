// The model and interviews scored by model-backends (page and Node side build the same ones).
import type { InterviewInput } from '../../../packages/sdk/src/model/types.ts';
import { gaussian, mulberry32 } from '../../../packages/sdk/src/util/prng.ts';

/** Default unit sizes (32) so the kernels run at the shapes the product uses. */
export const modelConfig = { inputDim: 12, wordDim: 8, variant: 'hirenet' } as const;
export const modelSeed = 21;
export const initOptions = { biasScale: 0.2 };

/** [job-title words, [[question words, answer steps (0 = modality missing)]…]] per interview. */
const shapes: [number, [number, number][]][] = [
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
  [
    2,
    [
      [3, 150],
      [2, 5],
    ],
  ],
  [
    2,
    [
      [4, 10],
      [3, 0],
      [2, 14],
    ],
  ],
];

/**
 * Uneven interviews (1–6 questions, 1–150 steps, different word counts, one missing answer) in
 * one padded batch, so every masking path runs on every backend. Values are float32-exact.
 */
export function batchInterviews(): InterviewInput[] {
  const normal = gaussian(mulberry32(5));
  const rows = (n: number, w: number): number[][] =>
    Array.from({ length: n }, () => Array.from({ length: w }, () => Math.fround(normal())));
  return shapes.map(([job, qs]) => ({
    jobTitle: rows(job, modelConfig.wordDim),
    questions: qs.map(([words]) => rows(words, modelConfig.wordDim)),
    answers: qs.map(([, steps]) => (steps === 0 ? null : rows(steps, modelConfig.inputDim))),
  }));
}
