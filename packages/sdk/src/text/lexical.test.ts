import { describe, expect, it } from 'vitest';
import { lexicalStats, normaliseWord } from './lexical.ts';
import { lexicalFeedback } from './lexical-feedback.ts';
import { keyWords } from './lexical-keywords.ts';
import { parseTranscript } from './transcript-parse.ts';

const text = (s: string) => parseTranscript(s, 'text');

describe('lexical descriptors', () => {
  it('counts fillers: um/uh, "you know", "I mean", and "like" only when set off by a comma', () => {
    const s = lexicalStats(
      text('Um, I like the team. Like, we uh shipped it, you know, and I mean it worked. Do you know why?'),
    );
    expect(s.fillers.top).toEqual([
      { phrase: 'i mean', count: 1 },
      { phrase: 'like', count: 1 },
      { phrase: 'uh', count: 1 },
      { phrase: 'um', count: 1 },
      { phrase: 'you know', count: 1 },
    ]);
    expect(s.fillers.count).toBe(5);
    expect(s.words).toBe(21);
    expect(s.fillers.perHundredWords).toBeCloseTo((100 * 5) / 21, 12);
  });

  it('counts immediate repetitions but not grammatical doubles, and content words said 3+ times', () => {
    const s = lexicalStats(text('I I think that that the the project, project and project data data'));
    expect(s.repeats.top).toEqual([
      { phrase: 'data', count: 1 },
      { phrase: 'i', count: 1 },
      { phrase: 'project', count: 1 },
      { phrase: 'the', count: 1 },
    ]);
    expect(s.frequentWords).toEqual([{ phrase: 'project', count: 3 }]);
  });

  it('counts hedges, but not "kind of" as a noun phrase', () => {
    const s = lexicalStats(text('I think it was sort of fine, maybe. What kind of team? Probably a kind of tool.'));
    expect(s.hedges.top).toEqual([
      { phrase: 'i think', count: 1 },
      { phrase: 'maybe', count: 1 },
      { phrase: 'probably', count: 1 },
      { phrase: 'sort of', count: 1 },
    ]);
  });

  it('words per minute from the answer length, else from the last word’s end; none without either', () => {
    const timed = parseTranscript([
      { word: 'one', start: 0.5, end: 1 },
      { word: 'two', start: 1, end: 1.5 },
      { word: 'three', start: 2, end: 3 },
    ]);
    expect(lexicalStats(timed).wordsPerMinute).toBeCloseTo(60, 12);
    expect(lexicalStats(timed, { durationSeconds: 6 }).wordsPerMinute).toBeCloseTo(30, 12);
    expect(lexicalStats(text('one two three')).wordsPerMinute).toBeNull();
  });

  it('compares the answer’s length with the question’s', () => {
    const s = lexicalStats(text('I led a team of five people.'), { question: 'Tell us about a team you led?' });
    expect(s.questionWords).toBe(7);
    expect(s.lengthRatio).toBeCloseTo(1, 12);
  });

  it('leaves the English word lists out for other languages', () => {
    const s = lexicalStats(text('um um euh alors'), { language: 'fr' });
    expect(s.fillers.count).toBe(0);
    expect(s.repeats.count).toBe(0);
    expect(s.words).toBe(4);
  });

  it('normalises punctuation and curly apostrophes', () => {
    expect(normaliseWord('“Don’t,')).toBe("don't");
    expect(normaliseWord('...')).toBe('');
  });
});

describe('key words from word attention', () => {
  const words = parseTranscript([
    { word: 'I', start: 0, end: 0.2 },
    { word: 'negotiated', start: 0.2, end: 0.8 },
    { word: 'the', start: 0.8, end: 0.9 },
    { word: 'budget', start: 0.9, end: 1.3 },
    { word: 'budget', start: 1.3, end: 1.7 },
  ]).words;
  const rows = ['i', 'negotiated', 'the', 'budget', 'budget'].map((token, index) => ({ token, index }));

  it('sums a word’s rows, leaves function words out, keeps where it was first said', () => {
    const k = keyWords(rows, [0.4, 0.2, 0.2, 0.1, 0.1], words, 2);
    expect(k.map((x) => x.word)).toEqual(['budget', 'negotiated']);
    expect(k[0]).toMatchObject({ indices: [3, 4], startSeconds: 0.9 });
    expect(k[0]!.weight).toBeCloseTo(0.2, 12);
  });

  it('gives no key word when rows and attention disagree in length', () => {
    expect(keyWords(rows, [1], words)).toEqual([]);
  });
});

describe('lexical feedback', () => {
  const emotion = /happy|sad|angry|nervous|anxious|confident|fear|emotion|personality|honest|lazy|smart|insecure|weak/i;

  it('describes counts in plain units and names no emotion or trait', () => {
    const s = lexicalStats(text('Um, I think I I led, you know, the the team.'), {
      durationSeconds: 6,
      question: 'Tell us about a team you led.',
    });
    const items = lexicalFeedback(s, [{ word: 'team', weight: 0.4, indices: [9] }]);
    expect(items.map((i) => i.metric)).toEqual([
      'words per minute',
      'filler words',
      'repeated words',
      'hedges',
      'answer length',
      'key words',
    ]);
    expect(items[0]!.value).toBe(110);
    const fillers = items.find((i) => i.metric === 'filler words')!.text;
    expect(fillers).toMatch(/2 filler words \(“um” ×1, “you know” ×1\)/);
    expect(items.find((i) => i.metric === 'answer length')!.text).toMatch(
      /11 words over 6 s, for a question of 7 words/,
    );
    for (const i of items) expect(i.text).not.toMatch(emotion);
  });

  it('leaves words per minute and key words out when unknown', () => {
    const items = lexicalFeedback(lexicalStats(text('Hello there.')));
    expect(items.map((i) => i.metric)).toEqual(['filler words', 'repeated words', 'hedges', 'answer length']);
  });
});
