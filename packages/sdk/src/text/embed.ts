/**
 * Text → word vectors for the question and job-title GRUs. Each token is resolved to vocabulary
 * words by a fixed chain of cheap fallbacks; what still misses is skipped by default.
 * docs/word-vectors.md explains the choices and measures their coverage.
 */
import { HireNetInputError } from '../util/errors.ts';
import { gaussian, mulberry32 } from '../util/prng.ts';
import { tokenize } from './tokenizer.ts';
import type { Vocabulary } from './vocabulary.ts';

/**
 * What becomes of a token no fallback finds:
 * - `skip` (default): no row. The vectors the GRUs were trained on are all real words, and the
 *   model accepts short or empty sequences, so dropping a name or typo is the least surprising.
 * - `zero`: an all-zero row, keeping the word count (wink's own unknown vector is zero).
 * - `hash`: a deterministic pseudo-random row seeded by the token, scaled to `hashNorm`, so a model
 *   trained with it can tell unknown words apart; it injects noise into a model trained without.
 */
export type UnknownWordStrategy = 'skip' | 'zero' | 'hash';

export interface EmbedOptions {
  /** Default 'skip'. */
  readonly unknown?: UnknownWordStrategy;
  /** L2 norm of `hash` rows. Default 5.2, the median norm of the shipped vectors (vocab.json `measured.medianNorm`). */
  readonly hashNorm?: number;
}

/** How one token was matched. `words` are the vocabulary entries used, one row each. */
export interface TokenResolution {
  readonly token: string;
  readonly words: readonly string[];
  readonly via: 'exact' | 'variant' | 'number' | 'parts' | 'unknown';
}

const NUMBER_WORDS = [
  'zero',
  'one',
  'two',
  'three',
  'four',
  'five',
  'six',
  'seven',
  'eight',
  'nine',
  'ten',
  'eleven',
  'twelve',
  'thirteen',
  'fourteen',
  'fifteen',
  'sixteen',
  'seventeen',
  'eighteen',
  'nineteen',
  'twenty',
];
const ROUND_NUMBERS: Readonly<Record<number, string>> = {
  30: 'thirty',
  40: 'forty',
  50: 'fifty',
  60: 'sixty',
  70: 'seventy',
  80: 'eighty',
  90: 'ninety',
  100: 'hundred',
  1000: 'thousand',
  1000000: 'million',
};

/** Tokenizes `text` and returns one vector per resolved word (see resolveToken). */
export function embedText(vocab: Vocabulary, text: string, options: EmbedOptions = {}): number[][] {
  return embedTokens(vocab, tokenize(text), options);
}

/** embedText for tokens that are already split (e.g. by tokenize, or stored in a dataset). */
export function embedTokens(vocab: Vocabulary, tokens: readonly string[], options: EmbedOptions = {}): number[][] {
  const unknown = options.unknown ?? 'skip';
  const hashNorm = options.hashNorm ?? 5.2;
  if (!['skip', 'zero', 'hash'].includes(unknown))
    throw new HireNetInputError('options.unknown', `expected 'skip', 'zero' or 'hash', got ${JSON.stringify(unknown)}`);
  if (!(Number.isFinite(hashNorm) && hashNorm > 0))
    throw new HireNetInputError('options.hashNorm', `expected a positive number, got ${hashNorm}`);
  const rows: number[][] = [];
  for (const token of tokens) {
    const r = resolveToken(vocab, token);
    if (r.via !== 'unknown') {
      for (const w of r.words) rows.push(Array.from(vocab.vectorAt(vocab.indexOf(w))));
    } else if (unknown === 'zero') {
      rows.push(new Array<number>(vocab.dims).fill(0));
    } else if (unknown === 'hash') {
      rows.push(hashedVector(token, vocab.dims, hashNorm));
    }
  }
  return rows;
}

/**
 * The vocabulary words `tokens` resolve to (resolveToken's chain, which reads only the word list),
 * each once: the rows a caller must have loaded before embedding them (Vocabulary.prepare).
 */
export function resolvedWords(vocab: Vocabulary, tokens: Iterable<string>): Set<string> {
  const out = new Set<string>();
  const seen = new Set<string>();
  for (const token of tokens) {
    if (seen.has(token)) continue;
    seen.add(token);
    for (const w of resolveToken(vocab, token).words) out.add(w);
  }
  return out;
}

/**
 * Finds vocabulary words for one token, first hit wins:
 * 1. the token itself;
 * 2. variants: without hyphens/apostrophes ("e-mail" → "email"), American spelling
 *    ("prioritise" → "prioritize", "behaviour" → "behavior"), then plural → singular of each
 *    ("-ies" → "-y", "-es", "-s"), because the rarer form is what falls outside the vocabulary;
 * 3. small numbers as words ("5" → "five"): the source has no bare numbers;
 * 4. hyphen/apostrophe parts, each by steps 1–3 ("customer-facing" → customer, facing), all or nothing.
 */
export function resolveToken(vocab: Vocabulary, token: string): TokenResolution {
  const single = resolveWhole(vocab, token);
  if (single !== undefined) return single;
  const parts = token.split(/['-]/).filter((p) => p.length > 0);
  if (parts.length > 1) {
    const resolved = parts.map((p) => resolveWhole(vocab, p));
    if (resolved.every((r) => r !== undefined)) {
      return { token, words: resolved.flatMap((r) => r?.words ?? []), via: 'parts' };
    }
  }
  return { token, words: [], via: 'unknown' };
}

function resolveWhole(vocab: Vocabulary, token: string): TokenResolution | undefined {
  if (vocab.has(token)) return { token, words: [token], via: 'exact' };
  for (const v of variants(token)) if (vocab.has(v)) return { token, words: [v], via: 'variant' };
  const n = numberWord(token);
  if (n !== undefined && vocab.has(n)) return { token, words: [n], via: 'number' };
  return undefined;
}

/** British → American endings: GloVe's newswire is mostly American, so "-ise" forms rank low. */
const SPELLINGS: readonly [RegExp, string][] = [
  [/([iy])s(e|es|ed|ing|ation|ations|er|ers)$/, '$1z$2'],
  [/([a-z]{2,})our(s|ed|ing|ite|ites|able|er)?$/, '$1or$2'],
  [/([a-z]{2,})tre(s)?$/, '$1ter$2'],
  [/([aeiou])ll(ed|ing|er|ers)$/, '$1l$2'],
];

function variants(token: string): string[] {
  const bases = [token];
  const joined = token.replace(/['-]/g, '');
  if (joined !== token && joined.length > 1) bases.push(joined);
  for (const [pattern, replacement] of SPELLINGS) {
    const b = joined.replace(pattern, replacement);
    if (b !== joined) bases.push(b);
  }
  const out = bases.slice(1);
  for (const t of bases) {
    if (t.length > 4 && t.endsWith('ies')) out.push(`${t.slice(0, -3)}y`);
    if (t.length > 3 && /(?:s|x|z|ch|sh)es$/.test(t)) out.push(t.slice(0, -2));
    if (t.length > 3 && t.endsWith('s') && !t.endsWith('ss')) out.push(t.slice(0, -1));
  }
  return out;
}

function numberWord(token: string): string | undefined {
  if (!/^\p{N}+(?:,\p{N}{3})*$/u.test(token)) return undefined;
  const value = Number(token.replaceAll(',', ''));
  if (!Number.isSafeInteger(value)) return undefined;
  return NUMBER_WORDS[value] ?? ROUND_NUMBERS[value];
}

/** FNV-1a over UTF-16 code units: stable across engines, unlike any built-in string hash. */
function fnv1a(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  return h >>> 0;
}

function hashedVector(token: string, dims: number, norm: number): number[] {
  const draw = gaussian(mulberry32(fnv1a(token)));
  const v = Array.from({ length: dims }, () => draw());
  const len = Math.hypot(...v) || 1;
  return v.map((x) => Math.fround((x / len) * norm));
}
