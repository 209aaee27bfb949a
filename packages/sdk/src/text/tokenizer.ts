/**
 * Tokenizer for questions and job titles, matched to the word-vector vocabulary: wink's GloVe
 * list is lower-case ASCII-folded words, hyphenated compounds kept whole ("full-time", "e-mail"),
 * no apostrophes, no single letters and no bare numbers. So we lower-case, fold Latin accents,
 * keep hyphenated compounds, expand contractions into the words GloVe's corpus tokenizer would
 * have seen, and keep numbers as tokens (embed.ts decides what they mean).
 */

/** Apostrophe look-alikes typed by phones and word processors. */
const APOSTROPHES = /[\u2018\u2019\u02bc\u2032\u0060\u00b4]/g;
/** Hyphen look-alikes that join words; en and em dashes separate words, so they are left out. */
const HYPHENS = /[\u2010\u2011]/g;
/** Invisible break hints (soft hyphen, zero-width space/joiners) that split words when pasted. */
const INVISIBLE = /[\u00ad\u200b-\u200d\u2060\ufeff]/g;
/** Latin combining diacritics only: marks of other scripts (Devanagari vowel signs…) are part of the word. */
const LATIN_DIACRITICS = /[\u0300-\u036f]/g;

/**
 * One token: letter acronyms with dots ("u.s.", "ph.d."), numbers with internal separators
 * ("3.5", "1,000"), or runs of letters/digits/marks joined by single apostrophes or hyphens.
 */
const TOKEN = new RegExp(
  [
    String.raw`(?<![\p{L}\p{N}])\p{L}{1,2}(?:\.\p{L}{1,2})+\.?(?![\p{L}\p{N}])`,
    String.raw`\p{N}+(?:[.,]\p{N}+)+(?![\p{L}\p{N}])`,
    String.raw`[\p{L}\p{M}\p{N}]+(?:['-][\p{L}\p{M}\p{N}]+)*`,
  ].join('|'),
  'gu',
);

/** Suffix contractions → the word they stand for. */
const CONTRACTIONS: Readonly<Record<string, string>> = { re: 'are', m: 'am', ve: 'have', ll: 'will', d: 'would' };
/** "n't" stems whose base is not the stem itself. */
const NEGATION_BASES: Readonly<Record<string, string>> = { ca: 'can', wo: 'will', sha: 'shall', ai: 'is' };
/** Words whose "'s" is almost always "is" rather than a possessive. */
const S_IS = new Set([
  'it',
  'that',
  'what',
  'there',
  'here',
  'he',
  'she',
  'who',
  'where',
  'how',
  'when',
  'why',
  'everyone',
  'nobody',
]);

/** Normalises `text` and splits it into lower-case word tokens (see the module comment). */
export function tokenize(text: string): string[] {
  const normal = text
    .normalize('NFKD')
    .replace(LATIN_DIACRITICS, '')
    .normalize('NFC')
    .toLowerCase()
    .replace(APOSTROPHES, "'")
    .replace(HYPHENS, '-')
    .replace(INVISIBLE, '');
  const out: string[] = [];
  for (const match of normal.matchAll(TOKEN)) {
    const token = match[0];
    if (/^\p{L}{1,2}(?:\.\p{L}{1,2})+\.?$/u.test(token)) out.push(token.replaceAll('.', ''));
    else if (token.includes("'")) out.push(...splitApostrophe(token));
    else out.push(token);
  }
  return out;
}

/** Expands a trailing contraction; other internal apostrophes ("o'brien") stay in the token. */
function splitApostrophe(token: string): string[] {
  const cut = token.lastIndexOf("'");
  const stem = token.slice(0, cut);
  const suffix = token.slice(cut + 1);
  if (suffix === 't' && stem.endsWith('n') && stem.length > 1) {
    const base = stem.slice(0, -1);
    return [NEGATION_BASES[base] ?? base, 'not'];
  }
  const expansion = CONTRACTIONS[suffix];
  if (expansion !== undefined) return [stem, expansion];
  if (suffix === 's') {
    if (stem === 'let') return ['let', 'us'];
    return S_IS.has(stem) ? [stem, 'is'] : [stem];
  }
  return [token];
}
