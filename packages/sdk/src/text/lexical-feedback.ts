/**
 * Lexical descriptors → feedback sentences a candidate can use. Each says what was counted, in
 * plain units, with a reference only where one is well established; none judges the person, and
 * no sentence names an emotion or a personality trait (a test checks the wording).
 */
import type { LexicalStats } from './lexical.ts';
import type { KeyWord } from './lexical-keywords.ts';

export type LexicalMetric =
  | 'words per minute'
  | 'filler words'
  | 'repeated words'
  | 'hedges'
  | 'answer length'
  | 'key words';

export interface LexicalFeedbackItem {
  readonly metric: LexicalMetric;
  readonly value: number;
  readonly unit: string;
  readonly text: string;
}

const r1 = (x: number): number => Math.round(x * 10) / 10;
const list = (xs: readonly { phrase: string; count: number }[]): string =>
  xs.map((x) => `“${x.phrase}” ×${x.count}`).join(', ');
const plural = (n: number, one: string, many = `${one}s`): string => `${n} ${n === 1 ? one : many}`;

export function lexicalFeedback(s: LexicalStats, keys: readonly KeyWord[] = []): LexicalFeedbackItem[] {
  const out: LexicalFeedbackItem[] = [];
  if (s.wordsPerMinute !== null)
    out.push({
      metric: 'words per minute',
      value: Math.round(s.wordsPerMinute),
      unit: 'words/min',
      text: `About ${Math.round(s.wordsPerMinute)} words per minute (conversational speech is often 120–180).`,
    });
  out.push({
    metric: 'filler words',
    value: r1(s.fillers.perHundredWords),
    unit: 'per 100 words',
    text:
      s.fillers.count === 0
        ? 'No filler words (um, uh, you know…) in the transcript.'
        : `${plural(s.fillers.count, 'filler word')} (${list(s.fillers.top)}), ${r1(s.fillers.perHundredWords)} ` +
          'per 100 words.',
  });
  const frequent = s.frequentWords.length === 0 ? '' : ` Words used most: ${list(s.frequentWords)}.`;
  out.push({
    metric: 'repeated words',
    value: s.repeats.count,
    unit: 'repetitions',
    text:
      s.repeats.count === 0
        ? `No word said twice in a row.${frequent}`
        : `${plural(s.repeats.count, 'word')} said twice in a row (${list(s.repeats.top)}).${frequent}`,
  });
  out.push({
    metric: 'hedges',
    value: r1(s.hedges.perHundredWords),
    unit: 'per 100 words',
    text:
      s.hedges.count === 0
        ? 'No hedging phrases (I think, maybe, sort of…).'
        : `${plural(s.hedges.count, 'hedging phrase')} (${list(s.hedges.top)}), ` +
          `${r1(s.hedges.perHundredWords)} per 100 words.`,
  });
  const seconds = s.durationSeconds === null ? '' : ` over ${r1(s.durationSeconds)} s`;
  out.push({
    metric: 'answer length',
    value: s.words,
    unit: 'words',
    text:
      s.questionWords === null || s.lengthRatio === null
        ? `${plural(s.words, 'word')}${seconds}.`
        : `${plural(s.words, 'word')}${seconds}, for a question of ${plural(s.questionWords, 'word')} ` +
          `(${r1(s.lengthRatio)} times as long).`,
  });
  if (keys.length > 0)
    out.push({
      metric: 'key words',
      value: keys.length,
      unit: 'words',
      text: `The words the text model weighed most: ${keys.map((k) => `“${k.word}”`).join(', ')}.`,
    });
  return out;
}
