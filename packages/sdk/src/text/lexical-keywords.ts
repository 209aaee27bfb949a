/**
 * Key words of an answer from a text model's word attention: the attention of each row (one per
 * known word, docs/text.md `TextRows.words`) summed over the rows of the same word, function
 * words left out (they carry attention in every answer and tell a candidate nothing), largest
 * first. With timed words each key word keeps where it was said, so the report can point at it.
 */
import { FUNCTION_WORDS } from './lexical.ts';
import type { TranscriptWord } from './transcript.ts';

/** What key words need of a row: its token and the transcript word it came from. */
export interface AttendedWord {
  readonly token: string;
  readonly index: number;
}

export interface KeyWord {
  readonly word: string;
  /** Summed attention of the word's rows (the answer's rows sum to 1). */
  readonly weight: number;
  /** Positions in the transcript's words where it was said. */
  readonly indices: readonly number[];
  /** Start of its first occurrence, seconds from the answer's start; absent for untimed transcripts. */
  readonly startSeconds?: number;
}

/**
 * The `k` words with most attention. Rows and attention must be the same length (a text model's
 * `answerAttention[i]` for `answerTextRows(…).words`); a mismatch returns no key word rather than
 * a wrong one.
 */
export function keyWords(
  rows: readonly AttendedWord[],
  attention: readonly number[],
  transcript: readonly TranscriptWord[],
  k = 5,
): KeyWord[] {
  if (rows.length !== attention.length || rows.length === 0) return [];
  const byWord = new Map<string, { weight: number; indices: number[] }>();
  rows.forEach((r, i) => {
    const a = attention[i]!;
    if (FUNCTION_WORDS.has(r.token) || !(a > 0)) return;
    const e = byWord.get(r.token) ?? { weight: 0, indices: [] };
    e.weight += a;
    if (!e.indices.includes(r.index)) e.indices.push(r.index);
    byWord.set(r.token, e);
  });
  return [...byWord]
    .sort((a, b) => b[1].weight - a[1].weight || (a[0] < b[0] ? -1 : 1))
    .slice(0, k)
    .map(([word, e]) => {
      const start = transcript[e.indices[0] ?? -1]?.start;
      return { word, weight: e.weight, indices: e.indices, ...(start === undefined ? {} : { startSeconds: start }) };
    });
}
