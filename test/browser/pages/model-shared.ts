// The model and interviews scored by model-backends (page and Node side build the same ones).
import type { InterviewInput } from '../../../packages/sdk/src/model/types.ts';
import { UNEVEN_SHAPES, unevenInterviews } from '../../../packages/sdk/src/model/testing/fixtures.ts';

/** Default unit sizes (32) so the kernels run at the shapes the product uses. */
export const modelConfig = { inputDim: 12, wordDim: 8, variant: 'hirenet' } as const;
export const modelSeed = 21;
export const initOptions = { biasScale: 0.2 };

/** The shared uneven shapes plus a 150-step answer and a missing one, so every masking path runs. */
const shapes: [number, [number, number][]][] = [
  ...UNEVEN_SHAPES,
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
  return unevenInterviews(5, modelConfig, shapes);
}
