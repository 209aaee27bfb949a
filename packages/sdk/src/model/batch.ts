import { HireNetInputError } from '../util/errors.ts';
import type { InterviewInput } from './types.ts';

/**
 * Interviews padded into one rectangular batch. Lengths travel with the data so every layer can
 * ignore padding exactly (see masks in gru.ts and attention.ts).
 */
export interface PaddedBatch {
  readonly size: number;
  readonly maxQuestions: number;
  readonly maxSteps: number;
  readonly maxQuestionWords: number;
  readonly maxJobWords: number;
  readonly inputDim: number;
  readonly wordDim: number;
  /** [size * maxQuestions, maxSteps, inputDim] */
  readonly answers: Float32Array;
  /** [size * maxQuestions] real steps per answer (0: missing or padding). */
  readonly answerLengths: Int32Array;
  /** [size * maxQuestions, maxQuestionWords, wordDim] */
  readonly questions: Float32Array;
  readonly questionLengths: Int32Array;
  /** [size, maxJobWords, wordDim] */
  readonly jobTitles: Float32Array;
  readonly jobLengths: Int32Array;
  /** [size] questions per interview. */
  readonly questionCounts: Int32Array;
}

type BatchShape = Pick<
  PaddedBatch,
  'size' | 'maxQuestions' | 'maxSteps' | 'maxQuestionWords' | 'maxJobWords' | 'inputDim' | 'wordDim'
>;

/** Zero-filled buffers for a batch of the given shape (zeros are the padding). */
export function emptyBatch(shape: BatchShape): PaddedBatch {
  const slots = shape.size * shape.maxQuestions;
  return {
    ...shape,
    answers: new Float32Array(slots * shape.maxSteps * shape.inputDim),
    answerLengths: new Int32Array(slots),
    questions: new Float32Array(slots * shape.maxQuestionWords * shape.wordDim),
    questionLengths: new Int32Array(slots),
    jobTitles: new Float32Array(shape.size * shape.maxJobWords * shape.wordDim),
    jobLengths: new Int32Array(shape.size),
    questionCounts: new Int32Array(shape.size),
  };
}

type Rows = readonly (readonly number[])[] | readonly Float32Array[];

function copyRows(rows: Rows, width: number, target: Float32Array, offset: number, path: string): void {
  rows.forEach((row, r) => {
    if (row.length !== width)
      throw new HireNetInputError(`${path}[${r}]`, `expected ${width} values, got ${row.length}`);
    for (let c = 0; c < width; c++) {
      const v = row[c] ?? NaN;
      if (!Number.isFinite(v))
        throw new HireNetInputError(`${path}[${r}][${c}]`, `value is not a finite number (${String(v)})`);
      target[offset + r * width + c] = v;
    }
  });
}

/** Validates and pads; throws HireNetInputError naming the first bad value. */
export function padBatch(interviews: readonly InterviewInput[], inputDim: number, wordDim: number): PaddedBatch {
  if (interviews.length === 0) throw new HireNetInputError('interviews', 'at least one interview is required');
  interviews.forEach((iv, b) => {
    if (iv.questions.length === 0)
      throw new HireNetInputError(`interviews[${b}].questions`, 'an interview needs at least one question');
    if (iv.answers.length !== iv.questions.length) {
      throw new HireNetInputError(
        `interviews[${b}].answers`,
        `${iv.answers.length} answers for ${iv.questions.length} questions`,
      );
    }
  });
  const size = interviews.length;
  const maxQuestions = Math.max(...interviews.map((iv) => iv.questions.length));
  const maxSteps = Math.max(1, ...interviews.flatMap((iv) => iv.answers.map((a) => a?.length ?? 0)));
  const maxQuestionWords = Math.max(1, ...interviews.flatMap((iv) => iv.questions.map((q) => q.length)));
  const maxJobWords = Math.max(1, ...interviews.map((iv) => iv.jobTitle.length));
  const batch = emptyBatch({ size, maxQuestions, maxSteps, maxQuestionWords, maxJobWords, inputDim, wordDim });
  interviews.forEach((iv, b) => {
    const path = `interviews[${b}]`;
    batch.questionCounts[b] = iv.questions.length;
    batch.jobLengths[b] = iv.jobTitle.length;
    copyRows(iv.jobTitle, wordDim, batch.jobTitles, b * maxJobWords * wordDim, `${path}.jobTitle`);
    iv.questions.forEach((q, i) => {
      const slot = b * maxQuestions + i;
      batch.questionLengths[slot] = q.length;
      copyRows(q, wordDim, batch.questions, slot * maxQuestionWords * wordDim, `${path}.questions[${i}]`);
      const answer = iv.answers[i] ?? null;
      batch.answerLengths[slot] = answer?.length ?? 0;
      if (answer !== null)
        copyRows(answer, inputDim, batch.answers, slot * maxSteps * inputDim, `${path}.answers[${i}]`);
    });
  });
  return batch;
}
