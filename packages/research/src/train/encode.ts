import type { AnswerTranscript, Modality } from '@hirenet/sdk/internal/dataset/format';
import type { ParsedInterview } from '@hirenet/sdk/internal/dataset/validate';
import { emptyBatch, type PaddedBatch } from '@hirenet/sdk/internal/model/batch';
import { answerTextRows } from '@hirenet/sdk/internal/text/answer-text';
import { embedText } from '@hirenet/sdk/internal/text/embed';
import type { Vocabulary } from '@hirenet/sdk/internal/text/vocabulary';
import { standardize, type Standardizer } from '@hirenet/sdk/internal/model/standardize';

/** Word vectors of a text, cached: interviews repeat the same questions and titles. */
export class WordEmbedder {
  private readonly cache = new Map<string, Float32Array>();
  constructor(readonly vocab: Vocabulary) {}

  get dims(): number {
    return this.vocab.dims;
  }

  /** An answer's word-vector rows (flat), or null when no word is known: the text modality is missing. */
  rows(transcript: AnswerTranscript): Float32Array | null {
    const { rows } = answerTextRows(this.vocab, transcript);
    return rows.length === 0 ? null : Float32Array.from(rows.flat());
  }

  embed(text: string): Float32Array {
    let v = this.cache.get(text);
    if (v === undefined) {
      v = Float32Array.from(embedText(this.vocab, text).flat());
      this.cache.set(text, v);
    }
    return v;
  }
}

/** An interview ready for the model: word vectors and standardised descriptor rows, flat. */
export interface EncodedInterview {
  readonly id: string;
  readonly label: 0 | 1;
  readonly jobTitle: Float32Array;
  readonly questions: readonly Float32Array[];
  /** Standardised rows (steps × inputDim); null when the modality is missing for that answer. */
  readonly answers: readonly (Float32Array | null)[];
  readonly source: ParsedInterview;
}

export function encodeInterview(
  iv: ParsedInterview,
  modality: Modality,
  s: Standardizer,
  words: WordEmbedder,
): EncodedInterview {
  return {
    id: iv.id,
    label: iv.label,
    jobTitle: words.embed(iv.jobTitle),
    questions: iv.questions.map((q) => words.embed(q)),
    answers: iv.answers.map((a) => {
      if (modality === 'text') return a.text == null ? null : words.rows(a.text);
      const rows = a[modality] ?? null;
      return rows === null || rows.length === 0 ? null : standardize(rows, s);
    }),
    source: iv,
  };
}

/** Pads encoded interviews into one batch (no re-validation: the reader checked every value). */
export function packBatch(items: readonly EncodedInterview[], inputDim: number, wordDim: number): PaddedBatch {
  const steps = (a: Float32Array | null): number => (a === null ? 0 : a.length / inputDim);
  const size = items.length;
  const maxQuestions = Math.max(1, ...items.map((iv) => iv.questions.length));
  const maxSteps = Math.max(1, ...items.flatMap((iv) => iv.answers.map(steps)));
  const maxQuestionWords = Math.max(1, ...items.flatMap((iv) => iv.questions.map((q) => q.length / wordDim)));
  const maxJobWords = Math.max(1, ...items.map((iv) => iv.jobTitle.length / wordDim));
  const batch = emptyBatch({ size, maxQuestions, maxSteps, maxQuestionWords, maxJobWords, inputDim, wordDim });
  items.forEach((iv, b) => {
    batch.questionCounts[b] = iv.questions.length;
    batch.jobLengths[b] = iv.jobTitle.length / wordDim;
    batch.jobTitles.set(iv.jobTitle, b * maxJobWords * wordDim);
    iv.questions.forEach((q, i) => {
      const slot = b * maxQuestions + i;
      batch.questionLengths[slot] = q.length / wordDim;
      batch.questions.set(q, slot * maxQuestionWords * wordDim);
      const a = iv.answers[i] ?? null;
      batch.answerLengths[slot] = steps(a);
      if (a !== null) batch.answers.set(a, slot * maxSteps * inputDim);
    });
  });
  return batch;
}
