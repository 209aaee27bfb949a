/**
 * Late fusion of per-modality model outputs into the session result (the paper's Table 4, as
 * `hirenet predict` does for fusion directories): the score is the mean of the modality scores
 * the interview has; attention is averaged over the modalities present, after mapping each
 * model's attention (over the windows it read) back onto the answer's 0.25 s window grid.
 */
import type { InterviewOutput } from '../model/types.ts';
import type { AnswerRecord, ModalityRows, SessionModality } from './types.ts';

export interface ModalityOutput {
  readonly modality: SessionModality;
  readonly output: InterviewOutput;
  /** The rows each answer fed to that model (null = missing), as stored in the session. */
  readonly answers: readonly (ModalityRows | null)[];
  /**
   * True when the model's attention was never trained (text-attention.ts): its score is fused,
   * its question and answer attention are left out (not replaced by uniform weights).
   */
  readonly attentionUntrained?: boolean;
}

export interface FusedOutput {
  readonly score: number | null;
  readonly scores: Partial<Record<SessionModality, number>>;
  readonly questionAttention: number[];
  readonly answerAttention: number[][];
}

/** Spreads attention over kept windows onto the full grid (0 where a window was masked). */
export function expandAttention(weights: readonly number[], rows: ModalityRows | null, gridLength: number): number[] {
  const out = new Array<number>(gridLength).fill(0);
  if (rows === null) return out;
  rows.windowIndex.forEach((w, k) => {
    if (w < gridLength) out[w] = weights[k] ?? 0;
  });
  return out;
}

/** Windows of each answer's 0.25 s grid: the longest of its channels (a timed transcript counts). */
export function answerGrid(
  answers: readonly (AnswerRecord | null)[],
  questionCount: number,
  transcriptWindows: readonly number[] = [],
): number[] {
  return Array.from({ length: questionCount }, (_, i) => {
    const a = answers[i];
    const rows = a === null || a === undefined ? 0 : Math.max(a.audio?.totalWindows ?? 0, a.video?.totalWindows ?? 0);
    return Math.max(rows, transcriptWindows[i] ?? 0);
  });
}

/**
 * `gridLengths[i]` is the number of 0.25 s windows of answer i (0 for an answer not recorded).
 * A modality counts for the interview only if at least one answer had rows of it.
 */
export function fuseOutputs(outputs: readonly ModalityOutput[], gridLengths: readonly number[]): FusedOutput {
  const used = outputs.filter((o) => o.answers.some((a) => a !== null && a.rows.length > 0));
  const scores: Partial<Record<SessionModality, number>> = {};
  for (const o of used) scores[o.modality] = o.output.score;
  const n = gridLengths.length;
  const score = used.length === 0 ? null : used.reduce((s, o) => s + o.output.score, 0) / used.length;
  // Attention comes from the models whose attention was trained; with none, it is all zero.
  const attending = used.filter((o) => o.attentionUntrained !== true);
  const questionAttention = new Array<number>(n).fill(0);
  for (const o of attending)
    o.output.questionAttention.forEach((q, i) => {
      if (i < n) questionAttention[i] = questionAttention[i]! + q / attending.length;
    });
  const answerAttention = gridLengths.map((len, i) => {
    // Present on the timeline: a transcript without word times has rows (words) but no window.
    const present = attending.filter((o) => (o.answers[i]?.windowIndex.length ?? 0) > 0);
    const sum = new Array<number>(len).fill(0);
    for (const o of present) {
      const grid = expandAttention(o.output.answerAttention[i] ?? [], o.answers[i] ?? null, len);
      grid.forEach((v, t) => (sum[t] = sum[t]! + v / present.length));
    }
    return sum;
  });
  return { score, scores, questionAttention, answerAttention };
}
