/**
 * Lexical descriptors of one answer's transcript: how many words, how fast, filler words,
 * repeated words, hedges, and the answer's length against its question's. They count what was
 * said, in plain units a candidate can act on; they judge neither the person nor the content,
 * and the model does not read them (it reads word vectors). Pure functions, tested in Node.
 *
 * Word lists are English; other languages get counts of words and words per minute only
 * (`language` ≠ en leaves the lists empty rather than miscounting).
 */
import type { Transcript, TranscriptWord } from './transcript.ts';

/** Sounds and phrases that fill a pause. "like" counts only when set off by a comma ("like, the"). */
const FILLER_WORDS = new Set(['um', 'umm', 'uh', 'uhh', 'uhm', 'er', 'erm', 'ah', 'hmm', 'mm', 'mhm']);
const FILLER_PHRASES: readonly (readonly string[])[] = [
  ['you', 'know'],
  ['i', 'mean'],
];
/** Words and phrases that soften a claim. */
const HEDGE_WORDS = new Set(['maybe', 'perhaps', 'probably', 'possibly', 'somewhat', 'presumably']);
const HEDGE_PHRASES: readonly (readonly string[])[] = [
  ['i', 'think'],
  ['i', 'guess'],
  ['i', 'suppose'],
  ['i', 'believe'],
  ['sort', 'of'],
  ['kind', 'of'],
  ['more', 'or', 'less'],
];
/** "kind of" / "sort of" after these is a noun phrase ("what kind of team"), not a hedge. */
const NOUN_BEFORE_OF = new Set(['what', 'this', 'that', 'a', 'the', 'any', 'every', 'some', 'which', 'one', 'same']);
/** "you know" / "i mean" after these is a question or a clause ("do you know", "if i mean it"), not a filler. */
const QUESTION_BEFORE = new Set(['do', 'did', 'dont', "don't", 'if', 'as', 'would', 'what', 'whether']);
/** Doubled words that are grammatical ("that that", "had had"). */
const GRAMMATICAL_DOUBLES = new Set(['that', 'had', 'is', 'do']);
/** Function words: never reported as frequently used words. */
export const FUNCTION_WORDS = new Set(
  (
    'a an the and or but so if then than that this these those there here it its i me my mine we us our you your he ' +
    'him his she her they them their what which who whom whose when where why how is am are was were be been being ' +
    'have has had do does did will would can could should shall may might must not no yes to of in on at by for with ' +
    'from up down out about into over under again very just also too as all any each some such only own same other ' +
    'more most much many one two really well oh okay ok'
  ).split(' '),
);

export interface Counted {
  readonly phrase: string;
  readonly count: number;
}

export interface LexicalStats {
  readonly words: number;
  /** Seconds the words-per-minute rate is over (the answer's length, or the last word's end); null when unknown. */
  readonly durationSeconds: number | null;
  readonly wordsPerMinute: number | null;
  readonly fillers: { readonly count: number; readonly perHundredWords: number; readonly top: readonly Counted[] };
  /** A word said twice in a row ("I I", "the the"), grammatical doubles aside. */
  readonly repeats: { readonly count: number; readonly top: readonly Counted[] };
  /** Content words said at least 3 times, most frequent first (at most 5). */
  readonly frequentWords: readonly Counted[];
  readonly hedges: { readonly count: number; readonly perHundredWords: number; readonly top: readonly Counted[] };
  /** Words of the question, and the answer's words per question word; null without a question. */
  readonly questionWords: number | null;
  readonly lengthRatio: number | null;
}

export interface LexicalOptions {
  /** Seconds of the recorded answer (default: the last word's end when the words have times). */
  readonly durationSeconds?: number | null;
  /** The question asked, for the length comparison. */
  readonly question?: string;
  /** BCP 47 tag; word lists apply to English only. Default 'en'. */
  readonly language?: string;
}

interface Token {
  readonly norm: string;
  /** The spoken word was followed by a comma, dash or ellipsis (a pause in writing). */
  readonly pauseAfter: boolean;
}

/** Lower-cased word without surrounding punctuation; '' for a word that is only punctuation. */
export function normaliseWord(word: string): string {
  return word
    .toLowerCase()
    .replace(/[\u2018\u2019]/g, "'")
    .replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, '');
}

function tokens(words: readonly TranscriptWord[]): Token[] {
  return words
    .map((w) => ({ norm: normaliseWord(w.word), pauseAfter: /[,;:\u2013\u2014-]$|\.\.\.$|\u2026$/.test(w.word) }))
    .filter((t) => t.norm !== '');
}

const matchAt = (ts: readonly Token[], i: number, phrase: readonly string[]): boolean =>
  phrase.every((p, k) => ts[i + k]?.norm === p);

function tally(found: string[]): Counted[] {
  const m = new Map<string, number>();
  for (const f of found) m.set(f, (m.get(f) ?? 0) + 1);
  return [...m]
    .map(([phrase, count]) => ({ phrase, count }))
    .sort((a, b) => b.count - a.count || (a.phrase < b.phrase ? -1 : 1));
}

/** Filler and hedge occurrences, longest phrase first so "i mean" is not also "i". */
function scan(ts: readonly Token[]): { fillers: string[]; hedges: string[]; repeats: string[] } {
  const fillers: string[] = [];
  const hedges: string[] = [];
  const repeats: string[] = [];
  for (let i = 0; i < ts.length; i++) {
    const t = ts[i]!;
    const prev = ts[i - 1];
    if (prev !== undefined && prev.norm === t.norm && !GRAMMATICAL_DOUBLES.has(t.norm) && !FILLER_WORDS.has(t.norm))
      repeats.push(t.norm);
    if (FILLER_WORDS.has(t.norm)) fillers.push(t.norm);
    else if (t.norm === 'like' && t.pauseAfter) fillers.push('like');
    const filler = FILLER_PHRASES.find((p) => matchAt(ts, i, p));
    if (filler !== undefined && !(prev !== undefined && QUESTION_BEFORE.has(prev.norm))) fillers.push(filler.join(' '));
    if (HEDGE_WORDS.has(t.norm)) hedges.push(t.norm);
    const hedge = HEDGE_PHRASES.find((p) => matchAt(ts, i, p));
    if (hedge !== undefined && !(hedge[1] === 'of' && prev !== undefined && NOUN_BEFORE_OF.has(prev.norm)))
      hedges.push(hedge.join(' '));
  }
  return { fillers, hedges, repeats };
}

const perHundred = (n: number, words: number): number => (words === 0 ? 0 : (100 * n) / words);

/** The lexical descriptors of one transcript (see the module comment). */
export function lexicalStats(t: Transcript, o: LexicalOptions = {}): LexicalStats {
  const ts = tokens(t.words);
  const english = (o.language ?? 'en').toLowerCase().startsWith('en');
  const found = english ? scan(ts) : { fillers: [], hedges: [], repeats: [] };
  const lastEnd = t.timed ? (t.words[t.words.length - 1]?.end ?? null) : null;
  const duration = o.durationSeconds ?? lastEnd;
  const words = ts.length;
  const content = english
    ? tally(ts.map((x) => x.norm).filter((w) => !FUNCTION_WORDS.has(w) && !FILLER_WORDS.has(w)))
    : [];
  const questionWords =
    o.question === undefined ? null : o.question.split(/\s+/u).filter((w) => normaliseWord(w) !== '').length;
  return {
    words,
    durationSeconds: duration === null || !(duration > 0) ? null : duration,
    wordsPerMinute: duration === null || !(duration > 0) ? null : (60 * words) / duration,
    fillers: {
      count: found.fillers.length,
      perHundredWords: perHundred(found.fillers.length, words),
      top: tally(found.fillers).slice(0, 5),
    },
    repeats: { count: found.repeats.length, top: tally(found.repeats).slice(0, 5) },
    frequentWords: content.filter((c) => c.count >= 3).slice(0, 5),
    hedges: {
      count: found.hedges.length,
      perHundredWords: perHundred(found.hedges.length, words),
      top: tally(found.hedges).slice(0, 5),
    },
    questionWords,
    lengthRatio: questionWords === null || questionWords === 0 ? null : words / questionWords,
  };
}
