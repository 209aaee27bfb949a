/**
 * The text channel in a session: transcripts → the text model's rows, its word attention → the
 * answer's 0.25 s window grid (so key moments and fusion treat words like the other channels),
 * and the per-answer text result (words, key words, lexical descriptors). A transcript without
 * times still gives a score, question attention, key words and lexical feedback; it is just not on
 * the timeline.
 */
import type { HireNetModel } from '../model/hirenet-model.ts';
import { featureMetadata } from '../model/model-features.ts';
import { answerTextRows, type TextRowWord } from '../text/answer-text.ts';
import { type LexicalStats, lexicalStats } from '../text/lexical.ts';
import { type KeyWord, keyWords } from '../text/lexical-keywords.ts';
import type { Transcript, TranscriptSource, TranscriptWord } from '../text/transcript.ts';
import type { Vocabulary } from '../text/vocabulary.ts';
import type { ModalityOutput } from './fusion.ts';
import { textAttentionUntrained } from './text-attention.ts';
import type { ModalityRows } from './types.ts';

const HOP = 0.25;
const WINDOW = 0.5;

/**
 * Windows of the 0.25 s grid that fit before the last word ends, as a recording of that length
 * has (0 without times); a word's tail past the last whole window counts in the last one.
 */
export function transcriptGridLength(t: Transcript | null): number {
  if (t === null || !t.timed || t.words.length === 0) return 0;
  const end = Math.max(...t.words.map((w) => w.end ?? 0));
  return Math.max(1, Math.floor((end - WINDOW) / HOP + 1e-9) + 1);
}

/**
 * Spreads each row's attention evenly over the windows its word overlaps (window t covers
 * [t·0.25, t·0.25 + 0.5) s; a word of zero length counts in the window it falls in), then keeps
 * the windows with attention. The total stays the row attention's total (1 for a whole answer).
 */
export function projectWordAttention(
  rows: readonly TextRowWord[],
  attention: readonly number[],
  gridLength: number,
): { windowIndex: number[]; weights: number[] } {
  const grid = new Array<number>(gridLength).fill(0);
  rows.forEach((r, k) => {
    const a = attention[k] ?? 0;
    if (r.start === null || r.end === null || !(a > 0) || gridLength === 0) return;
    const first = Math.max(0, Math.floor((r.start - WINDOW) / HOP) + 1);
    const last = Math.min(gridLength - 1, r.end > r.start ? Math.ceil(r.end / HOP) - 1 : Math.floor(r.start / HOP));
    const lo = Math.min(first, last);
    for (let t = lo; t <= last; t++) grid[t] = grid[t]! + a / (last - lo + 1);
  });
  const windowIndex: number[] = [];
  const weights: number[] = [];
  grid.forEach((v, t) => {
    if (v > 0) {
      windowIndex.push(t);
      weights.push(v);
    }
  });
  return { windowIndex, weights };
}

export interface TextRun {
  /** The text model's output in the form fusion reads (rows on the window grid when timed). */
  readonly output: ModalityOutput;
  /** Per answer: the rows' words and their attention (null = no transcript or no known word). */
  readonly attended: readonly ({ words: TextRowWord[]; attention: number[] } | null)[];
  /** The model kept its length start (text-attention.ts): no key words, no text key moments. */
  readonly attentionUntrained: boolean;
}

/** Runs the text model over the transcripts; null when no transcript has a word the vocabulary knows. */
export async function runTextModel(
  model: HireNetModel,
  vocab: Vocabulary,
  transcripts: readonly (Transcript | null)[],
  words: { readonly jobTitle: number[][]; readonly questions: number[][][] },
  gridLengths: readonly number[],
): Promise<TextRun | null> {
  const unknown = featureMetadata(model).text?.unknown;
  const embedded = transcripts.map((t) =>
    t === null ? null : answerTextRows(vocab, t.words, unknown === undefined ? {} : { unknown }),
  );
  if (!embedded.some((e) => e !== null && e.rows.length > 0)) return null;
  const [out] = await model.predict([
    {
      jobTitle: words.jobTitle,
      questions: words.questions,
      answers: embedded.map((e) => (e === null || e.rows.length === 0 ? null : e.rows)),
    },
  ]);
  if (out === undefined) return null;
  const attended = embedded.map((e, i) =>
    e === null || e.rows.length === 0 ? null : { words: e.words, attention: out.answerAttention[i] ?? [] },
  );
  const answers: (ModalityRows | null)[] = attended.map((a, i) => {
    if (a === null) return null;
    const len = gridLengths[i] ?? 0;
    const p = projectWordAttention(a.words, a.attention, len);
    // rows: one per word (what the model read); windowIndex: where its attention lies in time.
    return { names: ['word'], rows: a.words.map(() => []), windowIndex: p.windowIndex, totalWindows: len };
  });
  const answerAttention = attended.map((a, i) =>
    a === null ? [] : projectWordAttention(a.words, a.attention, gridLengths[i] ?? 0).weights,
  );
  const attentionUntrained = textAttentionUntrained(model);
  return {
    output: { modality: 'text', output: { ...out, answerAttention }, answers, attentionUntrained },
    attended,
    attentionUntrained,
  };
}

/** What the result says about one answer's words. */
export interface AnswerText {
  readonly answer: number;
  readonly words: readonly TranscriptWord[];
  readonly timed: boolean;
  readonly source: TranscriptSource;
  /**
   * The words the text model weighed most; empty without a text model or when its attention was
   * not trained (warning `text-attention-untrained`).
   */
  readonly keyWords: readonly KeyWord[];
  readonly lexical: LexicalStats;
}

export function answerTexts(
  transcripts: readonly (Transcript | null)[],
  questions: readonly string[],
  durations: readonly (number | null)[],
  run: TextRun | null,
): (AnswerText | null)[] {
  return transcripts.map((t, i) => {
    if (t === null) return null;
    // An untrained attention would rank words by noise: withhold them (text-attention.ts).
    const a = run === null || run.attentionUntrained ? null : (run.attended[i] ?? null);
    return {
      answer: i,
      words: t.words,
      timed: t.timed,
      source: t.source,
      keyWords: a === null ? [] : keyWords(a.words, a.attention, t.words),
      lexical: lexicalStats(t, { durationSeconds: durations[i] ?? null, question: questions[i] ?? '' }),
    };
  });
}
