/**
 * Follow-up suggestions for the interviewer: questions from the employer's own bank for the job,
 * ranked by word-vector similarity to the keywords of the candidate's last answer. Only a ranking
 * of the interviewer's own questions, each with the word pairs that matched, so the interviewer
 * sees why; nothing is asked automatically and nothing about the candidate is scored.
 *
 * Similarity: cosine of the SDK's word vectors (models/vocab, GloVe-derived). For each keyword the
 * closest content word of the question counts; a question's score is the mean of those over the
 * keywords (negative cosines as 0), so a question that relates to several keywords beats one that
 * repeats a single word. Words outside the vocabulary are ignored (and reported).
 */
import { HireNetError } from '../util/errors.ts';
import { tokenize } from '../text/tokenizer.ts';

/** What the ranking reads from a vocabulary (`Vocabulary` from the text module satisfies it). */
export interface WordVectors {
  vector(word: string): Float32Array | undefined;
}

export interface FollowUpMatch {
  /** A keyword of the answer. */
  readonly keyword: string;
  /** The question's word closest to it. */
  readonly word: string;
  /** Cosine similarity, 2 decimals. */
  readonly similarity: number;
}

export interface FollowUpSuggestion {
  readonly question: string;
  /** Index of the question in the bank. */
  readonly index: number;
  /** Mean best-match similarity over the keywords, 0–1, 3 decimals. */
  readonly score: number;
  /** The pairs at or above `minSimilarity`, best first: what the interviewer is shown. */
  readonly matched: readonly FollowUpMatch[];
}

export interface FollowUpOptions {
  /** At most this many suggestions. Default 3. */
  readonly count?: number;
  /** A pair counts as a match from this cosine; a question needs one. Default 0.45. */
  readonly minSimilarity?: number;
  /** Questions already asked (exact text), left out. */
  readonly asked?: readonly string[];
}

export interface FollowUpRanking {
  readonly suggestions: readonly FollowUpSuggestion[];
  /** Keywords without a vector (not in the vocabulary, or stop words): not used. */
  readonly unused: readonly string[];
}

/**
 * Function words and the boilerplate of interview questions ("tell us about a time…"): they would
 * match every answer and say nothing about its topic.
 */
export const FOLLOW_UP_STOP_WORDS: ReadonlySet<string> = new Set(
  (
    'a an the and or but if of to in on at by for with from as into about over after before than then so ' +
    'is are was were be been being do does did done have has had having can could would should will ' +
    'shall may might must ' +
    'i me my we us our you your he she it they them their this that these those there here what which who whom whose ' +
    'when where why how all any each some no not very just also more most other such only own same too ' +
    'tell describe walk through explain give example time times talk share think thing things way ways ' +
    'make made get got go went want like know one'
  ).split(' '),
);

function unit(v: Float32Array): Float32Array | undefined {
  let n = 0;
  for (const x of v) n += x * x;
  if (!(n > 0)) return undefined;
  const s = 1 / Math.sqrt(n);
  return v.map((x) => x * s);
}

function dot(a: Float32Array, b: Float32Array): number {
  let s = 0;
  for (let i = 0; i < a.length; i++) s += a[i]! * b[i]!;
  return s;
}

const r = (v: number, d: number): number => Math.round(v * 10 ** d) / 10 ** d;

/** Content words of a text with their unit vectors, each word once. */
function contentWords(vocab: WordVectors, text: string): Map<string, Float32Array> {
  const out = new Map<string, Float32Array>();
  for (const w of tokenize(text)) {
    if (FOLLOW_UP_STOP_WORDS.has(w) || out.has(w) || !/\p{L}/u.test(w)) continue;
    const v = vocab.vector(w);
    const u = v === undefined ? undefined : unit(v);
    if (u !== undefined) out.set(w, u);
  }
  return out;
}

/**
 * Ranks `bank` against `keywords` (words or short phrases of the last answer). Throws HireNetError
 * `invalid-options` on a count outside 1–10 or a similarity outside (0, 1]; an empty bank or no usable keyword gives
 * no suggestion, never a guess.
 */
export function rankFollowUps(
  vocab: WordVectors,
  bank: readonly string[],
  keywords: readonly string[],
  o: FollowUpOptions = {},
): FollowUpRanking {
  const count = o.count ?? 3;
  const min = o.minSimilarity ?? 0.45;
  if (!(Number.isInteger(count) && count >= 1 && count <= 10))
    throw new HireNetError('invalid-options', `count must be 1–10, got ${count}`);
  if (!(min > 0 && min <= 1)) throw new HireNetError('invalid-options', `minSimilarity must be in (0, 1], got ${min}`);
  const keys = contentWords(vocab, keywords.join(' '));
  const unused = [...new Set(tokenize(keywords.join(' ')))].filter((w) => !keys.has(w));
  if (keys.size === 0) return { suggestions: [], unused };
  const asked = new Set(o.asked ?? []);
  const ranked: FollowUpSuggestion[] = [];
  bank.forEach((question, index) => {
    if (asked.has(question)) return;
    const words = contentWords(vocab, question);
    if (words.size === 0) return;
    const best: FollowUpMatch[] = [];
    let sum = 0;
    for (const [keyword, kv] of keys) {
      let top = { word: '', sim: -1 };
      for (const [word, wv] of words) {
        const sim = dot(kv, wv);
        if (sim > top.sim) top = { word, sim };
      }
      sum += Math.max(0, top.sim);
      if (top.sim >= min) best.push({ keyword, word: top.word, similarity: r(top.sim, 2) });
    }
    if (best.length === 0) return;
    best.sort((a, b) => b.similarity - a.similarity);
    ranked.push({ question, index, score: r(sum / keys.size, 3), matched: best });
  });
  // Ties keep the bank's own order.
  ranked.sort((a, b) => b.score - a.score || a.index - b.index);
  return { suggestions: ranked.slice(0, count), unused };
}
