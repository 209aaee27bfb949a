import { describe, expect, it } from 'vitest';
import { parseInterviewLine, validateManifest } from '../dataset/validate.ts';
import { exportDataset } from './export.ts';
import type { AnswerRecord } from './types.ts';

const names = { audio: ['a_mean', 'a_std'], video: ['v_mean'] };
const answer = (index: number, withVideo: boolean): AnswerRecord => ({
  index,
  durationSeconds: 2,
  audio: {
    names: names.audio,
    rows: [
      [1, 2],
      [3, 4],
    ],
    windowIndex: [0, 1],
    totalWindows: 2,
  },
  video: withVideo ? { names: names.video, rows: [[5]], windowIndex: [1], totalWindows: 2 } : null,
  audioStats: null,
  videoStats: null,
  warnings: [],
});

describe('session export', () => {
  it('is a valid hirenet-dataset/1 manifest and line: derived rows, null for missing modalities and answers', () => {
    const out = exportDataset(
      's-1',
      { jobTitle: 'Nurse', questions: ['q1', 'q2', 'q3'] },
      [answer(0, true), answer(1, false), null],
      names,
      { label: 1, group: { sex: 'Female' } },
    );
    const manifest = validateManifest(JSON.parse(JSON.stringify(out.manifest)));
    const iv = parseInterviewLine(out.line.trim(), 1, manifest);
    expect(iv.id).toBe('s-1');
    expect(iv.label).toBe(1);
    expect(out.interview.answers).toEqual([
      {
        audio: [
          [1, 2],
          [3, 4],
        ],
        video: [[5]],
      },
      {
        audio: [
          [1, 2],
          [3, 4],
        ],
        video: null,
      },
      { audio: null, video: null },
    ]);
    expect(out.interview.group).toEqual({ sex: 'Female' });
    // Nothing but derived numbers and the employer's text: no field could hold media.
    expect(Object.keys(out.interview).sort()).toEqual(['answers', 'group', 'id', 'jobTitle', 'label', 'questions']);
  });

  it('refuses to export without a label', () => {
    expect(() =>
      exportDataset('s', { jobTitle: '', questions: ['q'] }, [answer(0, true)], names, { label: 2 as never }),
    ).toThrow(/label/);
  });
});
