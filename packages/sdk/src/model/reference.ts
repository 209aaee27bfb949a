import { gaussian, mulberry32 } from '../util/prng.ts';
import { HireNetModel } from './hirenet-model.ts';
import type { HireNetConfig, InterviewInput, InterviewOutput } from './types.ts';

/** The `hirenet-reference/1` document (docs/weight-contract.md, "Reference output"). */
export interface ReferenceFile {
  readonly format: 'hirenet-reference/1';
  readonly config: Omit<HireNetConfig, 'variant'>;
  readonly weights: Record<string, { shape: number[]; data: number[] }>;
  readonly interviews: { inputs: InterviewInput; outputs: InterviewOutput }[];
}

/** Small sizes (all different, so a transposed weight cannot go unnoticed) keep the file readable. */
export const REFERENCE_CONFIG: Omit<HireNetConfig, 'variant'> = {
  inputDim: 12,
  wordDim: 10,
  lowUnits: 8,
  contextUnits: 6,
  highUnits: 7,
  attentionDim: 5,
  highAttentionDim: 4,
};

/**
 * Interviews of deliberately uneven shape: 1 to 6 questions, answers of 1 to 300 steps, titles and
 * questions of 1 to 12 words. Shapes are fixed; values come from the seed.
 */
const SHAPES: readonly { job: number; questions: readonly [words: number, steps: number][] }[] = [
  { job: 3, questions: [[7, 300]] },
  {
    job: 1,
    questions: [
      [4, 1],
      [12, 57],
      [2, 180],
    ],
  },
  {
    job: 5,
    questions: [
      [9, 240],
      [3, 2],
      [6, 120],
      [11, 299],
      [1, 33],
      [5, 75],
    ],
  },
  {
    job: 2,
    questions: [
      [8, 12],
      [10, 260],
    ],
  },
  {
    job: 4,
    questions: [
      [6, 90],
      [2, 150],
      [7, 3],
      [4, 200],
      [9, 45],
    ],
  },
];

function rows(normal: () => number, count: number, width: number): number[][] {
  // Rounded to float32 so the JSON holds exactly the values the model saw.
  return Array.from({ length: count }, () => Array.from({ length: width }, () => Math.fround(normal())));
}

export function referenceInterviews(
  seed: number,
  config: Pick<HireNetConfig, 'inputDim' | 'wordDim'>,
): InterviewInput[] {
  const normal = gaussian(mulberry32(seed ^ 0x5eed));
  return SHAPES.map((shape) => ({
    jobTitle: rows(normal, shape.job, config.wordDim),
    questions: shape.questions.map(([words]) => rows(normal, words, config.wordDim)),
    answers: shape.questions.map(([, steps]) => rows(normal, steps, config.inputDim)),
  }));
}

/** Random model from the seed, one padded batch of all interviews, everything written out. */
export async function buildReference(seed: number): Promise<ReferenceFile> {
  const model = HireNetModel.random({ ...REFERENCE_CONFIG, variant: 'hirenet' }, seed, { biasScale: 0.1 });
  try {
    const inputs = referenceInterviews(seed, REFERENCE_CONFIG);
    const outputs = await model.predict(inputs);
    const weights = Object.fromEntries(
      Object.entries(model.getWeights()).map(([name, w]) => [name, { shape: [...w.shape], data: Array.from(w.data) }]),
    );
    return {
      format: 'hirenet-reference/1',
      config: { ...REFERENCE_CONFIG },
      weights,
      interviews: inputs.map((input, i) => ({ inputs: input, outputs: outputs[i] as InterviewOutput })),
    };
  } finally {
    model.dispose();
  }
}
