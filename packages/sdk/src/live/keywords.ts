/**
 * The words used most in a candidate's current answer, counted on the candidate's device: the
 * words go in (from an on-device recogniser or the host's transcript) and only the top content
 * words with their counts come out, for the cue message's `keywords`. The words themselves are
 * dropped once counted; nothing here keeps or returns the transcript.
 */
import { FUNCTION_WORDS } from '../text/lexical.ts';
import { tokenize } from '../text/tokenizer.ts';
import { type CueKeywords, KEYWORD_PATTERN, MAX_KEYWORD_BYTES, MAX_KEYWORD_CHARS, MAX_KEYWORDS } from './cue-schema.ts';
import { FOLLOW_UP_STOP_WORDS } from './follow-ups.ts';

/** Sounds that fill a pause: said often, telling nothing. */
const FILLERS = new Set(['um', 'umm', 'uh', 'uhh', 'uhm', 'er', 'erm', 'ah', 'hmm', 'mm', 'mhm', 'yeah', 'like']);

const utf8 = new TextEncoder();

/** A word that may be a keyword: a content word of 2–24 characters with a letter, in the wire's pattern. */
export function isKeyword(token: string): boolean {
  return (
    token.length >= 2 &&
    token.length <= MAX_KEYWORD_CHARS &&
    /\p{L}/u.test(token) &&
    KEYWORD_PATTERN.test(token) &&
    !FUNCTION_WORDS.has(token) &&
    !FOLLOW_UP_STOP_WORDS.has(token) &&
    !FILLERS.has(token)
  );
}

export class KeywordCounter {
  private counts = new Map<string, number>();
  private answerNo = 0;
  private started = false;

  /** Number of the current answer (0 until the first `nextAnswer` after words). */
  get answer(): number {
    return this.answerNo;
  }

  /** Counts the content words of `text` into the current answer; returns how many were counted. */
  add(text: string): number {
    let n = 0;
    for (const t of tokenize(text)) {
      if (!isKeyword(t)) continue;
      this.counts.set(t, (this.counts.get(t) ?? 0) + 1);
      n++;
    }
    if (n > 0) this.started = true;
    return n;
  }

  /** Starts a new answer: counts begin afresh under the next number (nothing happens before any word). */
  nextAnswer(): void {
    if (!this.started) return;
    this.counts = new Map();
    this.answerNo++;
    this.started = false;
  }

  /**
   * The current answer's top words, most frequent first (ties alphabetical), at most MAX_KEYWORDS
   * and MAX_KEYWORD_BYTES of words together: a word that would pass the budget is left out.
   */
  top(): CueKeywords {
    const ranked = [...this.counts].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
    const words: [string, number][] = [];
    let bytes = 0;
    for (const [w, c] of ranked) {
      if (words.length === MAX_KEYWORDS) break;
      const size = utf8.encode(w).length;
      if (bytes + size > MAX_KEYWORD_BYTES) continue;
      bytes += size;
      words.push([w, Math.min(c, 100_000)]);
    }
    return { answer: this.answerNo, words };
  }
}
