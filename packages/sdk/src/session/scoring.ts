/**
 * Recorded answers → model input → fused result. The standardisation is the model's own
 * (`metadata.features.standardizer`, per-answer centring included), exactly as `hirenet
 * predict` encodes a dataset, so the browser and the CLI score the same rows identically.
 */
import type { HireNetModel } from '../model/hirenet-model.ts';
import type { InterviewInput } from '../model/types.ts';
import { featureMetadata } from '../model/model-features.ts';
import { standardize } from '../model/standardize.ts';
import { findKeyMoments } from './key-moments.ts';
import { momentCues } from './cues.ts';
import { interviewFeedback } from './feedback.ts';
import { answerGrid, fuseOutputs, type ModalityOutput } from './fusion.ts';
import { textFeedback, type TextInputs, textOutcome } from './text-result.ts';
import type {
  AnswerRecord,
  AnswerWindows,
  InterviewResult,
  KeyMoment,
  ModalityRows,
  SessionModality,
  SessionWarning,
} from './types.ts';

export interface WordVectors {
  readonly jobTitle: number[][];
  readonly questions: number[][][];
}

/** Standardised rows of one answer, or null when the modality is missing. */
export function encodeRows(m: ModalityRows | null, model: HireNetModel): number[][] | null {
  if (m === null || m.rows.length === 0) return null;
  const s = featureMetadata(model).standardizer;
  const width = s.names.length;
  const flat = standardize(Float32Array.from(m.rows.flat()), s);
  return Array.from({ length: m.rows.length }, (_, t) => Array.from(flat.subarray(t * width, (t + 1) * width)));
}

export async function runModels(
  models: ReadonlyMap<SessionModality, HireNetModel>,
  answers: readonly (AnswerRecord | null)[],
  words: WordVectors,
): Promise<ModalityOutput[]> {
  const outs: ModalityOutput[] = [];
  for (const [modality, model] of models) {
    // The text model reads transcripts, not windows (text-channel.ts runs it).
    if (modality === 'text') continue;
    const rows = answers.map((a) => (a === null ? null : a[modality]));
    if (!rows.some((r) => r !== null && r.rows.length > 0)) continue;
    const input: InterviewInput = {
      jobTitle: words.jobTitle,
      questions: words.questions,
      answers: rows.map((r) => encodeRows(r, model)),
    };
    const [output] = await model.predict([input]);
    if (output !== undefined) outs.push({ modality, output, answers: rows });
  }
  return outs;
}

export interface ResultContext {
  readonly modelVersion: string;
  readonly backend: string;
  readonly warnings: readonly SessionWarning[];
  readonly questionCount: number;
}

/**
 * Gathers the fused output, key moments with cues, feedback and warnings into the result. `text`
 * adds the text channel: the text model's output (fused like the others), the transcripts (what a
 * key moment said, per-answer words, key words, lexical feedback).
 */
export function assembleResult(
  outputs: readonly ModalityOutput[],
  answers: readonly (AnswerRecord | null)[],
  ctx: ResultContext,
  text?: TextInputs,
): InterviewResult {
  const grid = text?.grid ?? answerGrid(answers, ctx.questionCount);
  const all = text?.run === null || text?.run === undefined ? outputs : [...outputs, text.run.output];
  const fused = fuseOutputs(all, grid);
  const keyMoments: KeyMoment[] = findKeyMoments(fused.answerAttention, fused.questionAttention).map((m) => {
    const a = answers[m.answer];
    return {
      answer: m.answer,
      startSeconds: m.startSeconds,
      endSeconds: m.endSeconds,
      weight: m.weight,
      cues:
        a === null || a === undefined
          ? []
          : momentCues({ audio: a.audio, video: a.video, posture: a.posture ?? null }, m.first, m.last),
      ...textOutcome.said(text, m.answer, m.startSeconds, m.endSeconds),
    };
  });
  const windows: AnswerWindows[] = grid.map((n, i) => {
    const scored: { audio?: number; video?: number; text?: number } = {};
    for (const o of all) scored[o.modality] = o.answers[i]?.rows.length ?? 0;
    return { windows: n, scored };
  });
  return {
    score: fused.score,
    scores: fused.scores,
    answerWindows: windows,
    questionAttention: fused.questionAttention,
    answerAttention: fused.answerAttention,
    keyMoments,
    feedback: textFeedback(interviewFeedback(answers), text),
    warnings: [...ctx.warnings, ...textOutcome.warnings(text)],
    modelCard: {
      notice: 'experimental model estimate',
      modelVersion: ctx.modelVersion,
      modalities: all.map((o) => o.modality),
      backend: ctx.backend,
    },
    ...(text === undefined ? {} : { transcripts: textOutcome.answers(text) }),
  };
}
