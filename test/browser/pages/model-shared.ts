// The model and interviews scored by model-backends (page and Node side build the same ones).
import type { InterviewInput } from '../../../packages/sdk/src/index.ts';
import { UNEVEN_SHAPES, unevenInterviews } from '../../../packages/sdk/src/model/testing/fixtures.ts';

/** Default unit sizes (32) so the kernels run at the shapes the product uses. */
export const modelConfig = { inputDim: 12, wordDim: 8, variant: 'hirenet' } as const;
export const modelSeed = 21;
export const initOptions = { biasScale: 0.2 };

/**
 * Uneven interviews (1–6 questions, 1–150 steps, different word counts) in one padded batch,
 * plus one with a missing answer: every masking path runs on every backend.
 */
export function batchInterviews(): InterviewInput[] {
  const shapes: [number, [number, number][]][] = [...UNEVEN_SHAPES, [2, [[3, 150], [2, 5]]]];
  const interviews = unevenInterviews(5, modelConfig, shapes);
  const [first] = unevenInterviews(6, modelConfig, [[2, [[4, 10], [3, 1], [2, 14]]]]);
  if (first === undefined) throw new Error('fixture generator returned nothing');
  interviews.push({ ...first, answers: [first.answers[0] ?? null, null, first.answers[2] ?? null] });
  return interviews;
}
