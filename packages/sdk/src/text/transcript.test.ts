import { describe, expect, it } from 'vitest';
import { TRANSCRIPT_LIMITS, TranscriptError, transcriptText, wordsBetween } from './transcript.ts';
import { detectTranscriptFormat, formatFromFileName, parseTranscript } from './transcript-parse.ts';
import { parseVttTime } from './transcript-vtt.ts';

const code = (f: () => unknown): string => {
  try {
    f();
  } catch (e) {
    expect(e).toBeInstanceOf(TranscriptError);
    return (e as TranscriptError).code;
  }
  throw new Error('did not throw');
};
const message = (f: () => unknown): string => {
  try {
    f();
  } catch (e) {
    return (e as Error).message;
  }
  throw new Error('did not throw');
};

describe('plain text and JSON transcripts', () => {
  it('splits plain text at white space, keeps punctuation, has no times', () => {
    const t = parseTranscript('Well,  I led\nthe team.');
    expect(t).toMatchObject({ timed: false, source: 'text' });
    expect(t.words.map((w) => w.word)).toEqual(['Well,', 'I', 'led', 'the', 'team.']);
    expect(transcriptText(t)).toBe('Well, I led the team.');
  });

  it('reads { words } with times, a bare array and { text }', () => {
    const words = [
      { word: 'I', start: 0.1, end: 0.2 },
      { word: 'led', start: 0.25, end: 0.5 },
    ];
    const a = parseTranscript(JSON.stringify({ words }));
    expect(a).toMatchObject({ timed: true, source: 'json', words });
    expect(parseTranscript(JSON.stringify(words)).words).toEqual(words);
    expect(parseTranscript('{"text": "hello there"}').words).toEqual([{ word: 'hello' }, { word: 'there' }]);
    expect(parseTranscript(words).timed).toBe(true);
  });

  it('refuses malformed JSON, mixed times, times out of order or negative, with invalid-transcript', () => {
    expect(code(() => parseTranscript('{"words": [', 'json'))).toBe('invalid-transcript');
    expect(message(() => parseTranscript([{ word: 'a', start: 0, end: 1 }, { word: 'b' }]))).toMatch(
      /words\[1\] lacks times/,
    );
    expect(
      message(() =>
        parseTranscript([
          { word: 'a', start: 2, end: 3 },
          { word: 'b', start: 1, end: 1.5 },
        ]),
      ),
    ).toMatch(/words\[1\] starts before/);
    expect(code(() => parseTranscript([{ word: 'a', start: -1, end: 1 }]))).toBe('invalid-transcript');
    expect(code(() => parseTranscript([{ word: 'a', start: 2, end: 1 }]))).toBe('invalid-transcript');
    expect(code(() => parseTranscript([{ word: 'a', start: Number.NaN, end: 1 }]))).toBe('invalid-transcript');
    expect(code(() => parseTranscript([{ word: '  ' }]))).toBe('invalid-transcript');
    expect(code(() => parseTranscript('{"speech": 1}'))).toBe('invalid-transcript');
    expect(code(() => parseTranscript(42 as unknown as string))).toBe('invalid-transcript');
  });

  it('refuses control characters, lone surrogates and oversize input without echoing the words', () => {
    expect(code(() => parseTranscript('secret\u0000words'))).toBe('invalid-transcript');
    expect(code(() => parseTranscript('bad \uD800 text'))).toBe('invalid-transcript');
    const long = 'secret '.repeat(TRANSCRIPT_LIMITS.characters / 7 + 1);
    const m = message(() => parseTranscript(long));
    expect(m).toMatch(/limit is 200000/);
    expect(m).not.toMatch(/secret/);
    const many = Array.from({ length: TRANSCRIPT_LIMITS.words + 1 }, () => ({ word: 'a' }));
    expect(message(() => parseTranscript(many))).toMatch(/limit is 20000/);
  });

  it('detects the format from the text and the file name', () => {
    expect(detectTranscriptFormat('\uFEFFWEBVTT\n\n')).toBe('vtt');
    expect(detectTranscriptFormat(' {"text": "x"}')).toBe('json');
    expect(detectTranscriptFormat('[{"word": "x"}]')).toBe('json');
    expect(detectTranscriptFormat('[laughs] well, yes')).toBe('text');
    expect(formatFromFileName('a.VTT')).toBe('vtt');
    expect(formatFromFileName('a.json')).toBe('json');
    expect(formatFromFileName('a.txt')).toBe('text');
  });

  it('finds the words said in a time span', () => {
    const t = parseTranscript([
      { word: 'one', start: 0, end: 0.4 },
      { word: 'two', start: 0.5, end: 0.9 },
      { word: 'three', start: 1.0, end: 1.4 },
    ]);
    expect(wordsBetween(t, 0.45, 1.0).map((w) => w.word)).toEqual(['two']);
    expect(wordsBetween(parseTranscript('one two'), 0, 9)).toEqual([]);
  });
});

describe('WebVTT transcripts', () => {
  it('parses timestamps with and without hours', () => {
    expect(parseVttTime('01:02.500')).toBe(62.5);
    expect(parseVttTime('01:00:02.250')).toBe(3602.25);
    expect(parseVttTime('1:02.5')).toBeNull();
    expect(parseVttTime('00:61.000')).toBeNull();
  });

  it('spreads a cue over its words by length, drops voice tags and NOTE blocks, decodes entities', () => {
    const vtt = [
      'WEBVTT - an answer',
      '',
      'NOTE written by hand',
      '',
      'intro',
      '00:00:01.000 --> 00:00:03.000 align:start',
      '<v Candidate>I led the team &amp; it',
      '',
      '00:03.000 --> 00:04.000',
      'worked.',
    ].join('\r\n');
    const t = parseTranscript(vtt);
    expect(t).toMatchObject({ timed: true, source: 'vtt' });
    expect(t.words.map((w) => w.word)).toEqual(['I', 'led', 'the', 'team', '&', 'it', 'worked.']);
    // 14 characters over 2 s: "I" takes 1/14 of it.
    expect(t.words[0]!.start).toBe(1);
    expect(t.words[0]!.end).toBeCloseTo(1 + 2 / 14, 12);
    expect(t.words[5]!.end).toBeCloseTo(3, 12);
    expect(t.words[6]).toEqual({ word: 'worked.', start: 3, end: 4 });
  });

  it('uses inline timestamps as word times', () => {
    const t = parseTranscript('WEBVTT\n\n00:00.000 --> 00:02.000\nhello <00:00.800>there <00:01.500>you\n');
    expect(t.words).toEqual([
      { word: 'hello', start: 0, end: 0.8 },
      { word: 'there', start: 0.8, end: 1.5 },
      { word: 'you', start: 1.5, end: 2 },
    ]);
  });

  it('refuses a missing header, a bad timing line, cues out of order and stray inline times, naming the line', () => {
    expect(message(() => parseTranscript('00:00.000 --> 00:01.000\nhi', 'vtt'))).toMatch(/^line 1: .*WEBVTT/);
    expect(message(() => parseTranscript('WEBVTT\n\n00:00.000 -> 00:01.000\nhi'))).toMatch(/^line 3: a cue needs/);
    expect(message(() => parseTranscript('WEBVTT\n\n0:00.000 --> 00:01.000\nhi'))).toMatch(/^line 3: a timing line/);
    expect(message(() => parseTranscript('WEBVTT\n\n00:02.000 --> 00:01.000\nhi'))).toMatch(/ends before it starts/);
    const order = 'WEBVTT\n\n00:02.000 --> 00:03.000\na\n\n00:01.000 --> 00:04.000\nb';
    expect(message(() => parseTranscript(order))).toMatch(/^line 6: cues must be in order/);
    expect(message(() => parseTranscript('WEBVTT\n\n00:00.000 --> 00:01.000\na <00:05.000>b'))).toMatch(
      /outside its cue/,
    );
    expect(message(() => parseTranscript('WEBVTT\n\nNOTE nothing else\n'))).toMatch(/no cue/);
  });
});
