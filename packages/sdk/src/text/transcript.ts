/**
 * A transcript of one answer as the session keeps it: the words in order, each with start and end
 * times in seconds from the answer's start, or none at all. Words keep their punctuation ("so,")
 * because the lexical feedback reads it (a filler "like," differs from "I like"); the model's
 * tokenizer strips it again. Times are all-or-none so a transcript is either on the answer's
 * timeline (key moments can say what was said) or not, never partly.
 *
 * Transcripts are personal content: a parse error names the line, the word number and the limit,
 * never the words themselves.
 */
import type { TranscriptWord } from '../dataset/format.ts';
import { HireNetError } from '../util/errors.ts';

/** One spoken word; `start`/`end` in seconds from the answer's start (the dataset format's, docs/text.md). */
export type { TranscriptWord };

/** Where a transcript came from: the host (text, JSON, WebVTT), the on-device recogniser, a host's own model. */
export type TranscriptSource = 'text' | 'json' | 'vtt' | 'recognition' | 'transcriber';

export interface Transcript {
  readonly words: readonly TranscriptWord[];
  /** True when every word has `start` and `end`. */
  readonly timed: boolean;
  readonly source: TranscriptSource;
}

export const TRANSCRIPT_LIMITS = Object.freeze({
  /** Characters of the input (UTF-16 units): a 30-minute answer at 180 words/min is ~33,000. */
  characters: 200_000,
  /** Words per answer (30 minutes at 180 words/min is 5,400). */
  words: 20_000,
  /** Characters of one word. */
  word: 100,
  /** Latest time a word may end, seconds (3 hours). */
  seconds: 10_800,
});

/**
 * A transcript the SDK cannot use: `invalid-transcript` (malformed, out of order, over a limit,
 * not text). `line` is the 1-based input line when known (WebVTT, JSON words by position).
 */
export class TranscriptError extends HireNetError {
  constructor(
    message: string,
    readonly line?: number,
  ) {
    super('invalid-transcript', line === undefined ? message : `line ${line}: ${message}`);
  }
}

// C0 controls but tab, line feed and carriage return (files from Windows), DEL and C1 controls.
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/;
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** The checks every input passes first: a string, within the size limit, valid Unicode text. */
export function checkTranscriptText(input: unknown, what = 'the transcript'): string {
  if (typeof input !== 'string') throw new TranscriptError(`${what} must be a string`);
  if (input.length > TRANSCRIPT_LIMITS.characters)
    throw new TranscriptError(
      `${what} is ${input.length} characters long; the limit is ${TRANSCRIPT_LIMITS.characters}`,
    );
  if (CONTROL.test(input)) throw new TranscriptError(`${what} contains a control character`);
  if (LONE_SURROGATE.test(input)) throw new TranscriptError(`${what} contains an unpaired UTF-16 surrogate`);
  return input;
}

/** Plain text → untimed words (split at white space). */
export function transcriptFromText(input: unknown, source: TranscriptSource = 'text'): Transcript {
  const text = checkTranscriptText(input);
  const words = text.split(/\s+/u).filter((w) => w !== '');
  return checkWords(
    words.map((word) => ({ word })),
    source,
  );
}

const isTime = (x: unknown): x is number => typeof x === 'number' && Number.isFinite(x);

/**
 * Validates words (the JSON form, a recogniser's output, a host transcriber's): each a non-empty
 * word of at most 100 characters; times on every word or on none, 0 ≤ start ≤ end ≤ 3 h, starts
 * in order. Returns a frozen copy.
 */
export function checkWords(words: unknown, source: TranscriptSource): Transcript {
  if (!Array.isArray(words)) throw new TranscriptError('words must be an array');
  if (words.length > TRANSCRIPT_LIMITS.words)
    throw new TranscriptError(`${words.length} words; the limit is ${TRANSCRIPT_LIMITS.words}`);
  let timed: boolean | null = null;
  let lastStart = 0;
  const out: TranscriptWord[] = words.map((w: unknown, i) => {
    const at = `words[${i}]`;
    if (w === null || typeof w !== 'object') throw new TranscriptError(`${at} must be { word, start?, end? }`);
    const { word, start, end } = w as Record<string, unknown>;
    if (typeof word !== 'string' || word.trim() === '')
      throw new TranscriptError(`${at}.word must be a non-empty string`);
    checkTranscriptText(word, `${at}.word`);
    if (word.length > TRANSCRIPT_LIMITS.word)
      throw new TranscriptError(`${at}.word is ${word.length} characters long; the limit is ${TRANSCRIPT_LIMITS.word}`);
    const hasTimes = start !== undefined || end !== undefined;
    if (timed === null) timed = hasTimes;
    if (hasTimes !== timed)
      throw new TranscriptError(`${at} ${hasTimes ? 'has' : 'lacks'} times: give start and end on every word or none`);
    if (!hasTimes) return Object.freeze({ word: word.trim() });
    if (!isTime(start) || !isTime(end)) throw new TranscriptError(`${at}: start and end must be finite numbers`);
    if (start < 0 || end < start || end > TRANSCRIPT_LIMITS.seconds)
      throw new TranscriptError(`${at}: need 0 ≤ start ≤ end ≤ ${TRANSCRIPT_LIMITS.seconds} s`);
    if (start < lastStart) throw new TranscriptError(`${at} starts before the word before it`);
    lastStart = start;
    return Object.freeze({ word: word.trim(), start, end });
  });
  return Object.freeze({ words: Object.freeze(out), timed: timed === true, source });
}

/**
 * The JSON form: `{ "words": [{ "word", "start", "end" }, …] }`, a bare array of such words, or
 * `{ "text": "…" }` — the same shapes an answer carries in `hirenet-dataset/1`.
 */
export function transcriptFromJson(input: unknown): Transcript {
  const text = checkTranscriptText(input);
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (e) {
    throw new TranscriptError(`not valid JSON (${(e as Error).message.slice(0, 80)})`);
  }
  if (Array.isArray(value)) return checkWords(value, 'json');
  if (value !== null && typeof value === 'object') {
    const o = value as Record<string, unknown>;
    if (o['words'] !== undefined) return checkWords(o['words'], 'json');
    if (o['text'] !== undefined) {
      if (typeof o['text'] !== 'string') throw new TranscriptError('"text" must be a string');
      return transcriptFromText(o['text'], 'json');
    }
  }
  throw new TranscriptError('JSON transcript must be { "words": [...] }, [...] or { "text": "..." }');
}

/** Plain text of a transcript (words joined by spaces). */
export function transcriptText(t: Transcript): string {
  return t.words.map((w) => w.word).join(' ');
}

/** Words whose time span overlaps [start, end) seconds; empty for an untimed transcript. */
export function wordsBetween(t: Transcript, start: number, end: number): TranscriptWord[] {
  if (!t.timed) return [];
  return t.words.filter((w) => (w.end ?? 0) > start && (w.start ?? 0) < end);
}
