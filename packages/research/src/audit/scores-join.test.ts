import { describe, expect, it } from 'vitest';
import { HireNetError } from '@hirenet/sdk/internal/util/errors';
import { AuditIdMismatchError, ScoresFileError } from './errors.ts';
import { joinScores } from './join.ts';
import { parseScores } from './scores.ts';

describe('parseScores', () => {
  it('reads hirenet predict lines and ignores attention fields', () => {
    const s = parseScores('{"id":"a","score":0.25,"questionAttention":[1]}\n\n{"id":"b","score":0.75}\n');
    expect([...s]).toEqual([
      ['a', 0.25],
      ['b', 0.75],
    ]);
  });
  it.each([
    ['{"id":"a","score":0.2}\n{"id":"a","score":0.3}', 'scores line 2: duplicate id "a"'],
    ['{"id":"a","score":"high"}', 'scores line 1: "score" of "a" must be a finite number'],
    ['{"score":0.1}', 'scores line 1: "id" must be a non-empty string'],
    ['{"id":', 'scores line 1: not valid JSON'],
    ['\n', 'holds no scores'],
  ])('names the line: %s', (text, message) => {
    expect(() => parseScores(text)).toThrow(ScoresFileError);
    expect(() => parseScores(text)).toThrow(message);
  });
});

describe('joinScores', () => {
  const scores = new Map([
    ['a', 0.1],
    ['b', 0.9],
  ]);
  it('pairs ids and reads group fields defensively', () => {
    const r = joinScores(
      [
        { id: 'a', group: { sex: 'Female', race: 'Asian' } },
        { id: 'b', group: 'oops' },
      ],
      scores,
    );
    expect(r).toEqual([
      { id: 'a', score: 0.1, sex: 'Female', race: 'Asian' },
      { id: 'b', score: 0.9, sex: undefined, race: undefined },
    ]);
  });
  it('refuses mismatched ids in either direction with a typed error', () => {
    let err: unknown;
    try {
      joinScores([{ id: 'a' }, { id: 'c' }], scores);
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(AuditIdMismatchError);
    expect(err).toBeInstanceOf(HireNetError);
    expect((err as AuditIdMismatchError).code).toBe('audit-id-mismatch');
    expect((err as AuditIdMismatchError).missingScores).toEqual(['c']);
    expect((err as AuditIdMismatchError).unknownIds).toEqual(['b']);
    expect((err as Error).message).toBe(
      'ids differ between --data and --scores: 1 interview(s) in --data have no score ("c"); 1 score(s) ' +
        'in --scores name no interview in --data ("b")',
    );
  });
});
