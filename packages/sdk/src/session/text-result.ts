/**
 * The text channel's part of the session result: the text model run on the transcripts (when one
 * is loaded and the candidate consented to the words), what each key moment said, per-answer
 * words with key words and lexical descriptors, and lexical feedback beside the voice and face
 * items. Without a text model everything but the score, attention and key words still comes.
 */
import type { HireNetModel } from '../model/hirenet-model.ts';
import { lexicalStats } from '../text/lexical.ts';
import { lexicalFeedback } from '../text/lexical-feedback.ts';
import { type Transcript, wordsBetween } from '../text/transcript.ts';
import type { Vocabulary } from '../text/vocabulary.ts';
import { type AnswerText, answerTexts, runTextModel, type TextRun, transcriptGridLength } from './text-channel.ts';
import { answerGrid } from './fusion.ts';
import { TEXT_ATTENTION_UNTRAINED } from './text-attention.ts';
import type { AnswerFeedback, AnswerRecord, FeedbackItem, SessionWarning } from './types.ts';

export interface TextInputs {
  /** The answers' window grid, timed transcripts included. */
  readonly grid: readonly number[];
  readonly run: TextRun | null;
  readonly transcripts: readonly (Transcript | null)[];
  readonly texts: readonly (AnswerText | null)[];
}

/** Most words a key moment quotes. */
const SAID_WORDS = 40;

/**
 * Runs the text model (if any) and derives the per-answer text results. `transcripts[i]` is null
 * where answer i has none; the caller passes all nulls when the text channel is not consented.
 */
export async function prepareText(
  model: HireNetModel | undefined,
  vocab: Vocabulary,
  transcripts: readonly (Transcript | null)[],
  answers: readonly (AnswerRecord | null)[],
  questions: readonly string[],
  words: { readonly jobTitle: number[][]; readonly questions: number[][][] },
): Promise<TextInputs> {
  const grid = answerGrid(
    answers,
    questions.length,
    transcripts.map((t) => transcriptGridLength(t)),
  );
  const run = model === undefined ? null : await runTextModel(model, vocab, transcripts, words, grid);
  const durations = questions.map((_, i) => answers[i]?.durationSeconds ?? null);
  return { grid, run, transcripts, texts: answerTexts(transcripts, questions, durations, run) };
}

export const textOutcome = {
  /** `{ said }` for a moment of an answer whose transcript has times; `{}` otherwise. */
  said(text: TextInputs | undefined, answer: number, start: number, end: number): { said?: string } {
    const t = text?.transcripts[answer];
    if (t === null || t === undefined || !t.timed) return {};
    const words = wordsBetween(t, start, end);
    if (words.length === 0) return {};
    const quoted = words.slice(0, SAID_WORDS).map((w) => w.word);
    return { said: `${quoted.join(' ')}${words.length > SAID_WORDS ? ' …' : ''}` };
  },
  answers(text: TextInputs): (AnswerText | null)[] {
    return [...text.texts];
  },
  /** `text-attention-untrained` when the text model ran and kept its length start; none otherwise. */
  warnings(text: TextInputs | undefined): SessionWarning[] {
    return text?.run?.attentionUntrained === true ? [TEXT_ATTENTION_UNTRAINED] : [];
  },
};

/** Adds lexical items per answer and over all transcripts (words per minute over the answers with a length). */
export function textFeedback(
  fb: { overall: FeedbackItem[]; answers: AnswerFeedback[] },
  text: TextInputs | undefined,
): { overall: FeedbackItem[]; answers: AnswerFeedback[] } {
  if (text === undefined || text.texts.every((t) => t === null)) return fb;
  const answers = fb.answers.map((a) => ({ ...a, items: [...a.items] }));
  for (const t of text.texts) {
    if (t === null) continue;
    const items = lexicalFeedback(t.lexical, t.keyWords);
    const at = answers.find((a) => a.answer === t.answer);
    if (at === undefined) answers.push({ answer: t.answer, items });
    else at.items = [...at.items, ...items];
  }
  answers.sort((a, b) => a.answer - b.answer);
  const present = text.transcripts.filter((t): t is Transcript => t !== null);
  const durations = text.texts.flatMap((t) => (t === null ? [] : [t.lexical.durationSeconds]));
  const total = durations.every((d) => d !== null) ? durations.reduce((s: number, d) => s + (d ?? 0), 0) : null;
  const joined: Transcript = {
    words: present.flatMap((t) => t.words.map((w) => ({ word: w.word }))),
    timed: false,
    source: 'text',
  };
  const overall = lexicalFeedback(lexicalStats(joined, { durationSeconds: total }));
  return { overall: [...fb.overall, ...overall], answers };
}
