/** Hyper-parameters of a HireNet (see docs/weight-contract.md). */
export interface HireNetConfig {
  /** Descriptors per answer step (one pooled 0.5 s window). */
  readonly inputDim: number;
  /** Word-vector size of questions and job titles. */
  readonly wordDim: number;
  /** Units per direction of the answer BiGRU. */
  readonly lowUnits: number;
  /** Units of the question and job-title GRUs. */
  readonly contextUnits: number;
  /** Units per direction of the question/answer-pair BiGRU. */
  readonly highUnits: number;
  /** Size of the answer-level attention space. */
  readonly attentionDim: number;
  /** Size of the question-level attention space. */
  readonly highAttentionDim: number;
  /** Architecture: the full model or one of the paper's ablations. Default `hirenet`. */
  readonly variant: HireNetVariant;
  /**
   * Adds the answer length to what the classifier reads: ℓ = mean over the interview's answered
   * questions of rows / 100 (hundreds of words for text, of windows for voice and face), one more input row of
   * `classifier/kernel` (docs/text.md, "Answer length"). Attention pooling alone cannot see how long
   * an answer is, the strongest lexical signal in small real sets. Absent or false: the paper's model.
   */
  readonly lengthInput?: boolean;
}

export type HireNetVariant = 'hirenet' | 'hn_satt' | 'hn_avg' | 'bigru';

/** One interview as the model reads it: unpadded, one row per step. */
export interface InterviewInput {
  /** Job title as word vectors, one row per word (may be empty). */
  readonly jobTitle: readonly (readonly number[])[] | Float32Array[];
  /** Questions as word vectors: questions[i][w] is word w of question i. */
  readonly questions: readonly (readonly (readonly number[])[])[];
  /**
   * Answers as descriptor rows: answers[i][t] is window t of answer i. `null` (or an empty list)
   * means the modality is missing for that answer; the question still counts.
   */
  readonly answers: readonly (readonly (readonly number[])[] | null)[];
}

/** What the model returns for one interview: the score and the attention that produced it. */
export interface InterviewOutput {
  /** Model estimate of P(hirable) in [0, 1]. Not a validated hiring measure. */
  readonly score: number;
  /** answerAttention[i][t]: weight of window t in answer i (sums to 1; [] for a missing answer). */
  readonly answerAttention: number[][];
  /** questionAttention[i]: weight of question i (sums to 1). */
  readonly questionAttention: number[];
}
