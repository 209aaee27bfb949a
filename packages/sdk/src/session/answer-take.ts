/**
 * Whether a new take of an answer is stored: too short → not stored (`answer-empty`); nothing
 * the model can read (silence and no face) while an earlier take is usable → the earlier take is
 * kept (`take-kept`); otherwise the new record replaces it. Pure, so the rule is tested in Node.
 */
import { buildAnswerRecord, type AnswerInput } from './answer-record.ts';
import type { AnswerRecord, SessionWarning } from './types.ts';

export type TakeInput = Omit<AnswerInput, 'expected' | 'captureWarnings'>;

export interface TakeDecision {
  /** The record to store, or null when the earlier take (or nothing) stays. */
  readonly store: AnswerRecord | null;
  /** Warnings raised by this take beyond the capture's own (for the session's list and log). */
  readonly warnings: readonly SessionWarning[];
}

const usable = (a: AnswerRecord | null | undefined): boolean => a != null && (a.audio !== null || a.video !== null);

export function decideTake(
  x: TakeInput,
  earlier: AnswerRecord | null | undefined,
  expected: AnswerInput['expected'],
  captureWarnings: readonly SessionWarning[],
): TakeDecision {
  const i = x.index;
  if (x.seconds < 0.5 || ((x.audio?.windows.length ?? 0) === 0 && (x.videoRows?.length ?? 0) === 0)) {
    const rest = earlier == null ? 'it stays unanswered' : 'the previous take is kept';
    return {
      store: null,
      warnings: [
        {
          code: 'answer-empty',
          answer: i,
          message: `answer ${i + 1} lasted ${x.seconds.toFixed(2)} s, too short to analyse; ${rest}`,
        },
      ],
    };
  }
  const record = buildAnswerRecord({ ...x, expected, captureWarnings });
  const own = record.warnings.slice(captureWarnings.length);
  if (!usable(record) && usable(earlier)) {
    const kept: SessionWarning = {
      code: 'take-kept',
      answer: i,
      message: `the new take of answer ${i + 1} had no sound or face the model could read; the previous take is kept`,
    };
    return { store: null, warnings: [...own, kept] };
  }
  return { store: record, warnings: own };
}
