/**
 * An answer's words → the rows the text modality of HireNet reads: one word vector per row, in
 * speaking order, each row remembering which transcript word (and when) it came from, so answer
 * attention over rows names key words and, when words carry times, key moments. The one place this
 * conversion happens: training (Node), `hirenet predict` and the browser session all call it.
 */
import type { AnswerTranscript } from '../dataset/format.ts';
import { HireNetInputError } from '../util/errors.ts';
import { type EmbedOptions, embedTokens } from './embed.ts';
import { tokenize } from './tokenizer.ts';
import type { Vocabulary } from './vocabulary.ts';

/** Where one row came from. */
export interface TextRowWord {
  /** The vocabulary token the row embeds (lower-case; "don't" gives "do" and "not"). */
  readonly token: string;
  /** The transcript word as written. */
  readonly source: string;
  /** Index of that word in the transcript (its `words` list, or its whitespace-separated words). */
  readonly index: number;
  /** Seconds from the answer's start, or null when the transcript has no times. */
  readonly start: number | null;
  readonly end: number | null;
}

export interface TextRows {
  /** One vocab.dims-wide word vector per row. */
  readonly rows: number[][];
  /** words[r] is where rows[r] came from. */
  readonly words: TextRowWord[];
}

/** Words of a plain transcript; a source word may still tokenize into several tokens. */
function sourceWords(transcript: AnswerTranscript): { word: string; start: number | null; end: number | null }[] {
  if (typeof transcript === 'string')
    return transcript
      .split(/\s+/)
      .filter((w) => w !== '')
      .map((word) => ({ word, start: null, end: null }));
  return transcript.map((w, k) => {
    if (w === null || typeof w !== 'object' || typeof w.word !== 'string')
      throw new HireNetInputError(`transcript[${k}]`, 'expected {word: string, start?, end?}');
    return { word: w.word, start: w.start ?? null, end: w.end ?? null };
  });
}

/** The tokens answerTextRows embeds for `transcript`, in order (for Vocabulary.prepareTokens). */
export function answerTokens(transcript: AnswerTranscript): string[] {
  if (typeof transcript !== 'string' && !Array.isArray(transcript))
    throw new HireNetInputError('transcript', 'expected a string or a list of {word, start, end}');
  return sourceWords(transcript).flatMap((w) => tokenize(w.word));
}

/**
 * Fetches the word-vector blocks an interview's embeddings read (a vocabulary loaded on demand):
 * `texts` (job title, questions) and the answers' transcripts, so the synchronous embedText and
 * answerTextRows calls after it find every row in memory.
 */
export async function prepareInterviewWords(
  vocab: Vocabulary,
  texts: readonly string[],
  transcripts: readonly ({ readonly words: AnswerTranscript } | null)[] = [],
): Promise<void> {
  const tokens = transcripts.flatMap((t) => (t === null ? [] : answerTokens(t.words)));
  await Promise.all([vocab.prepare(texts), vocab.prepareTokens(tokens)]);
}

/**
 * Embeds a transcript word by word (tokenizer.ts, then embed.ts's fallbacks). Unknown tokens follow
 * `options.unknown` (default 'skip', as for questions: no row, so an unknown word changes nothing).
 */
export function answerTextRows(vocab: Vocabulary, transcript: AnswerTranscript, options: EmbedOptions = {}): TextRows {
  if (typeof transcript !== 'string' && !Array.isArray(transcript))
    throw new HireNetInputError('transcript', 'expected a string or a list of {word, start, end}');
  const rows: number[][] = [];
  const words: TextRowWord[] = [];
  sourceWords(transcript).forEach((w, index) => {
    for (const token of tokenize(w.word)) {
      const vectors = embedTokens(vocab, [token], options);
      for (const row of vectors) {
        rows.push(row);
        words.push({ token, source: w.word, index, start: w.start, end: w.end });
      }
    }
  });
  return { rows, words };
}
