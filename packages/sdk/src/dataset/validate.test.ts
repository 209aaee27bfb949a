import { describe, expect, it } from 'vitest';
import { DatasetError } from './errors.ts';
import { parseInterviewLine, validateManifest } from './validate.ts';

const manifest = validateManifest({
  format: 'hirenet-dataset/1',
  windowSeconds: 0.5,
  hopSeconds: 0.25,
  modalities: { audio: ['a', 'b'] },
});
const good = {
  id: 'x',
  label: 1,
  jobTitle: 'Nurse',
  questions: ['Why?'],
  answers: [
    {
      audio: [
        [1, 2],
        [3, 4],
      ],
    },
  ],
  events: [1],
};

describe('parseInterviewLine', () => {
  it('flattens rows into typed arrays and keeps extra fields', () => {
    const iv = parseInterviewLine(JSON.stringify(good), 1, manifest);
    expect(Array.from(iv.answers[0]?.audio ?? [])).toEqual([1, 2, 3, 4]);
    expect(iv.extra).toEqual({ events: [1] });
  });
  it('accepts a missing modality as null or absent', () => {
    expect(
      parseInterviewLine(JSON.stringify({ ...good, answers: [{ audio: null }] }), 1, manifest).answers[0]?.audio,
    ).toBeNull();
    expect(parseInterviewLine(JSON.stringify({ ...good, answers: [{}] }), 1, manifest).answers[0]?.audio).toBeNull();
  });
  it.each([
    ['{"id": "x", ', 'line 7: not valid JSON'],
    [
      JSON.stringify({ ...good, answers: [{ audio: [[1, 2, 3]] }] }),
      'line 7: answers[0].audio[0] has 3 features, the manifest lists 2',
    ],
    [JSON.stringify({ ...good, answers: [], questions: [] }), 'line 7: "answers" is empty'],
    [JSON.stringify({ ...good, label: 2 }), 'line 7: "label" must be 0 or 1'],
    [
      JSON.stringify({ ...good, answers: [{ audio: [[1, null]] }] }),
      'line 7: answers[0].audio[0][1] is not a finite number',
    ],
    [JSON.stringify({ ...good, questions: ['a', 'b'] }), 'line 7: 1 answers for 2 questions'],
    [JSON.stringify({ ...good, answers: [{ audio: [[1, 2]], video: [[1]] }] }), 'no video features'],
  ])('names the line and the problem: %s', (text, message) => {
    expect(() => parseInterviewLine(text, 7, manifest)).toThrow(DatasetError);
    expect(() => parseInterviewLine(text, 7, manifest)).toThrow(message);
  });
});

describe('validateManifest', () => {
  it('refuses other formats and empty feature lists', () => {
    expect(() => validateManifest({ format: 'x' })).toThrow(/format/);
    expect(() =>
      validateManifest({
        format: 'hirenet-dataset/1',
        windowSeconds: 0.5,
        hopSeconds: 0.25,
        modalities: { audio: [] },
      }),
    ).toThrow(/non-empty/);
    expect(() =>
      validateManifest({
        format: 'hirenet-dataset/1',
        windowSeconds: 0.5,
        hopSeconds: 0.25,
        modalities: { smell: ['a'] },
      }),
    ).toThrow(/unknown modality/);
  });
});
