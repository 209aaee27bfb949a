// Checks a `hirenet-reference/1` file (docs/weight-contract.md) against the float64 re-implementation.
import {
  forwardInterview,
  type HireNetConfig,
  type InterviewInputs,
  type InterviewOutputs,
  type Weights,
} from './float64-hirenet.ts';

export interface ReferenceFile {
  format: string;
  config: HireNetConfig;
  weights: Weights;
  interviews: { inputs: InterviewInputs; outputs: InterviewOutputs }[];
}

export interface ReferenceDiff {
  maxScoreDiff: number;
  maxAnswerAttentionDiff: number;
  maxQuestionAttentionDiff: number;
  /** max over everything */
  maxDiff: number;
  perInterview: { score: number; expected: number; answerAttention: number; questionAttention: number }[];
}

function maxAbsDiff(got: readonly number[], want: readonly number[], what: string): number {
  if (got.length !== want.length)
    throw new Error(`${what}: ${got.length} values in the file, ${want.length} recomputed`);
  let m = 0;
  got.forEach((g, i) => {
    const d = Math.abs(g - (want[i] as number));
    m = Number.isNaN(d) ? Infinity : Math.max(m, d);
  });
  return m;
}

/** Recomputes every interview in float64 and returns the max abs differences. */
export function compareReference(file: ReferenceFile): ReferenceDiff {
  const perInterview = file.interviews.map((iv, k) => {
    const want = forwardInterview(file.config, file.weights, iv.inputs);
    const got = iv.outputs;
    if (got.answerAttention.length !== want.answerAttention.length) {
      throw new Error(
        `interview ${k}: ${got.answerAttention.length} answer attentions, want ${want.answerAttention.length}`,
      );
    }
    const answerAttention = Math.max(
      0,
      ...got.answerAttention.map((a, i) => maxAbsDiff(a, want.answerAttention[i] ?? [], `interview ${k} answer ${i}`)),
    );
    return {
      score: Math.abs(got.score - want.score),
      expected: want.score,
      answerAttention,
      questionAttention: maxAbsDiff(got.questionAttention, want.questionAttention, `interview ${k} questions`),
    };
  });
  const maxOf = (f: (p: ReferenceDiff['perInterview'][number]) => number): number =>
    perInterview.reduce((m, p) => (Number.isNaN(f(p)) ? Infinity : Math.max(m, f(p))), 0);
  const maxScoreDiff = maxOf((p) => p.score);
  const maxAnswerAttentionDiff = maxOf((p) => p.answerAttention);
  const maxQuestionAttentionDiff = maxOf((p) => p.questionAttention);
  return {
    maxScoreDiff,
    maxAnswerAttentionDiff,
    maxQuestionAttentionDiff,
    maxDiff: Math.max(maxScoreDiff, maxAnswerAttentionDiff, maxQuestionAttentionDiff),
    perInterview,
  };
}

export interface ReferenceShape {
  questionCounts: number[];
  answerLengths: number[];
  questionWordCounts: number[];
  titleWordCounts: number[];
}

export function describeShape(file: ReferenceFile): ReferenceShape {
  return {
    questionCounts: file.interviews.map((iv) => iv.inputs.questions.length),
    answerLengths: file.interviews.flatMap((iv) => iv.inputs.answers.map((a) => a.length)),
    questionWordCounts: file.interviews.flatMap((iv) => iv.inputs.questions.map((q) => q.length)),
    titleWordCounts: file.interviews.map((iv) => iv.inputs.jobTitle.length),
  };
}

/**
 * What issue 2 asks of the file: format, ≥ 4 interviews differing in number of questions (1 to 6),
 * answer lengths (1 to 300 steps, a short ≤ 3 and a long ≥ 250 among them) and word counts.
 * Returns the list of problems (empty = fine).
 */
export function validateReference(file: ReferenceFile): string[] {
  const problems: string[] = [];
  if (file.format !== 'hirenet-reference/1') problems.push(`format is ${JSON.stringify(file.format)}`);
  const keys = ['inputDim', 'wordDim', 'lowUnits', 'contextUnits', 'highUnits', 'attentionDim', 'highAttentionDim'];
  for (const k of keys) {
    if (typeof (file.config as unknown as Record<string, unknown>)[k] !== 'number')
      problems.push(`config.${k} missing`);
  }
  const s = describeShape(file);
  if (file.interviews.length < 4) problems.push(`${file.interviews.length} interviews, want ≥ 4`);
  if (s.questionCounts.some((n) => n < 1 || n > 6)) problems.push(`question counts ${s.questionCounts} outside 1..6`);
  if (!s.questionCounts.includes(1)) problems.push('no interview with 1 question');
  if (!s.questionCounts.some((n) => n >= 5)) problems.push('no interview with ≥ 5 questions');
  if (s.answerLengths.some((l) => l > 300)) problems.push('an answer is longer than 300 steps');
  if (!s.answerLengths.some((l) => l >= 1 && l <= 3)) problems.push('no short answer (1..3 steps)');
  if (!s.answerLengths.some((l) => l >= 250)) problems.push('no long answer (≥ 250 steps)');
  if (new Set(s.questionWordCounts).size < 2) problems.push('all questions have the same word count');
  file.interviews.forEach((iv, k) => {
    if (iv.inputs.answers.length !== iv.inputs.questions.length) problems.push(`interview ${k}: #answers ≠ #questions`);
  });
  return problems;
}
