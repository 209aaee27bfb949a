import { describe, expect, it } from 'vitest';
import { tokenize } from './tokenizer.ts';

describe('tokenize', () => {
  it('lower-cases and splits on spaces and punctuation', () => {
    expect(tokenize('Tell me about YOURSELF.  Why us?')).toEqual(['tell', 'me', 'about', 'yourself', 'why', 'us']);
    expect(tokenize('Project Manager (Agile)')).toEqual(['project', 'manager', 'agile']);
  });

  it('returns nothing for empty or punctuation-only text', () => {
    expect(tokenize('')).toEqual([]);
    expect(tokenize(' \n\t?!… — ')).toEqual([]);
  });

  it('keeps hyphenated compounds whole, but dashes and doubled hyphens separate', () => {
    expect(tokenize('Full-time or part‑time')).toEqual(['full-time', 'or', 'part-time']);
    expect(tokenize('nine–five, well--known, -leading and trailing-')).toEqual([
      'nine',
      'five',
      'well',
      'known',
      'leading',
      'and',
      'trailing',
    ]);
  });

  it('expands contractions into the words the vectors were trained on', () => {
    expect(tokenize("I'm sure we don't, can't or won't")).toEqual([
      'i',
      'am',
      'sure',
      'we',
      'do',
      'not',
      'can',
      'not',
      'or',
      'will',
      'not',
    ]);
    expect(tokenize("we've, they'll, you'd, you're, isn't")).toEqual([
      'we',
      'have',
      'they',
      'will',
      'you',
      'would',
      'you',
      'are',
      'is',
      'not',
    ]);
  });

  it("reads 's as 'is' after pronouns, 'us' in let's, and drops it as a possessive", () => {
    expect(tokenize("It's what's left; let's see the company's plan")).toEqual([
      'it',
      'is',
      'what',
      'is',
      'left',
      'let',
      'us',
      'see',
      'the',
      'company',
      'plan',
    ]);
    expect(tokenize("the employees' rights")).toEqual(['the', 'employees', 'rights']);
  });

  it('treats typographic apostrophes like ASCII ones and keeps name apostrophes', () => {
    expect(tokenize('Don’t ‘quote’ me')).toEqual(['do', 'not', 'quote', 'me']);
    expect(tokenize("O'Brien's rock'n'roll")).toEqual(["o'brien", "rock'n'roll"]);
  });

  it('keeps numbers with decimal and thousands separators, splits ranges and slashes', () => {
    expect(tokenize('3.5 years, 1,000 users, 24/7 support since 2019.')).toEqual([
      '3.5',
      'years',
      '1,000',
      'users',
      '24',
      '7',
      'support',
      'since',
      '2019',
    ]);
    expect(tokenize('mid-1990s F-16 50k')).toEqual(['mid-1990s', 'f-16', '50k']);
  });

  it('joins dotted acronyms', () => {
    expect(tokenize('U.S. office, Ph.D. required, e.g. Python')).toEqual([
      'us',
      'office',
      'phd',
      'required',
      'eg',
      'python',
    ]);
  });

  it('folds Latin accents and compatibility forms but leaves other scripts intact', () => {
    expect(tokenize('Résumé, naïve café, Müller')).toEqual(['resume', 'naive', 'cafe', 'muller']);
    expect(tokenize('ＡＢＣ ﬁnance')).toEqual(['abc', 'finance']);
    expect(tokenize('Привет, Москва')).toEqual(['привет', 'москва']);
    expect(tokenize('नमस्ते दुनिया')).toEqual(['नमस्ते', 'दुनिया']);
  });

  it('removes invisible break hints instead of splitting on them', () => {
    expect(tokenize('co\u00adworker zero\u200bwidth')).toEqual(['coworker', 'zerowidth']);
  });
});
